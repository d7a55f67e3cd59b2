// Query pruning (MaxScore with each term's own best posting as its bound, candidates dropped as
// the threshold rises) must not change an answer: for every claim of the dev sets, on the seeds
// and on a synthetic corpus with long posting lists, the pruned top k is the exhaustive top k —
// the same passages, in the same order, with the same scores.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bridges } from '../../server/bridges';
import { Corpus } from '../../server/core/corpus';
import { claimQuery } from '../../server/core/retrieval';
import { silentLogger } from '../../server/core/types';
import { devClaims, FIXTURES, openCorpusWith } from '../helpers';
import { syntheticDocs } from '../synthetic';
import * as path from 'node:path';

const claims = () => [
  ...devClaims().map((c) => c.claim),
  ...devClaims(path.join(FIXTURES, 'claims-heldout3.jsonl')).map((c) => c.claim),
  'Mythos',
  'ラトニック',
  'export control',
];

function assertSameTopK(corpus: Corpus, texts: string[]) {
  const exhaustive = corpus.passages.length + 1;
  for (const claim of texts) {
    const query = claimQuery(corpus, claim);
    for (const k of [1, 5, 20, 30]) {
      const pruned = corpus.index.search(query, k, corpus.boost);
      const all = corpus.index.search(query, exhaustive, corpus.boost).slice(0, k);
      assert.deepStrictEqual(pruned, all, `${claim} (k = ${k})`);
    }
  }
}

test('pruned and exhaustive top k agree on every dev claim over the seeds', async () => {
  const { corpus } = await openCorpusWith([]);
  assertSameTopK(corpus, claims());
});

test('pruned and exhaustive top k agree on a synthetic corpus with long posting lists, for dev claims and corpus sentences', () => {
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const corpus = Corpus.build(
    syntheticDocs(60).map((d) => ({ path: `/s/${d.name}`, name: d.name, folder: '/s', content: d.content })),
    { annotators: b.annotators },
  );
  const sentences = corpus.claims().filter((p) => p.text.length > 40);
  const drawn = Array.from({ length: 40 }, (_, i) => sentences[(i * 7919) % sentences.length].text);
  assertSameTopK(corpus, [...claims(), ...drawn]);
});

test('the top 50 is the head of the top 500, with and without a mask (claim search narrows with one and ranks with the other)', () => {
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const corpus = Corpus.build(
    syntheticDocs(60).map((d) => ({ path: `/s/${d.name}`, name: d.name, folder: '/s', content: d.content })),
    { annotators: b.annotators },
  );
  const english = new Float32Array(corpus.boost);
  for (const p of corpus.passages) if (p.lang !== 'en') english[p.id] = 0;
  for (const q of ['Mythos', 'ラトニック', 'export control', 'Lutnick Fable', '商務省', 'ミソス', 'Glasswing partners', 'XBOW V8 sandbox', 'compute SpaceX']) {
    const query = claimQuery(corpus, q);
    for (const mask of [corpus.boost, english]) assert.deepStrictEqual(corpus.index.search(query, 50, mask), corpus.index.search(query, 500, mask).slice(0, 50), q);
  }
});
