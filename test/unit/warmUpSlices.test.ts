// The server's warm-ups run in slices so that a hover or a query that comes meanwhile waits for
// one slice, not for a whole dictionary or an entity with 100,000 passages: the hover table's
// (every entity ranked in slices), claim search's (the dictionaries loaded a slice at a time).
// Sliced, they give exactly what the same work done at once gives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bridges } from '../../server/bridges';
import { ClaimSearch } from '../../server/core/claimSearch';
import { Corpus } from '../../server/core/corpus';
import { preloadSteps } from '../../server/core/dictionary/edict';
import { EntityFacts } from '../../server/core/entityFacts';
import { inBackground } from '../../server/core/slices';
import { silentLogger } from '../../server/core/types';
import { syntheticDocs } from '../synthetic';

const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
const corpus = Corpus.build(
  syntheticDocs(80).map((d) => ({ path: `/w/${d.name}`, name: d.name, folder: '/w', content: d.content })),
  { annotators: b.annotators },
);

test('a table warmed up in slices ranks every entity exactly as one that ranks each at once', async () => {
  const sliced = new EntityFacts(corpus, b.entities);
  sliced.passagesPerSlice = 64;
  const started = Date.now();
  let turns = 0;
  let counting = true;
  const count = () => {
    turns++;
    if (counting) setImmediate(count);
  };
  setImmediate(count);
  await sliced.warmUp();
  counting = false;
  const atOnce = new EntityFacts(corpus, b.entities);
  const mythos = b.entities.byName('Mythos')!;
  assert.ok(corpus.index.postings('@' + mythos.id).length > 10 * sliced.passagesPerSlice, 'an entity ranked in several slices');
  for (const entity of b.entities.all()) assert.deepStrictEqual(sliced.of(entity), atOnce.of(entity), entity.name);
  assert.ok(turns > b.entities.all().length, `${turns} turns of the event loop in ${Date.now() - started} ms`);
});

test('the dictionaries load in slices; claim search warmed up that way answers exactly as a cold one', async () => {
  let slices = 0;
  for (const steps = preloadSteps(); !steps.next().done; ) slices++;
  assert.ok(slices >= 10, `${slices} slices`);
  const warm = new ClaimSearch(corpus, b.entities);
  await inBackground(warm.warmUpSteps());
  const cold = new ClaimSearch(corpus, b.entities);
  for (const q of ['export controls', '輸出管理', 'ラトニック', 'Mythso', '']) assert.deepStrictEqual(warm.search(q), cold.search(q), q);
});
