// What the first queries after a start cost on a synthetic corpus: the first hovers as the
// language server gives them (its warm-ups running in the background, the memo's entities
// preferred), the first hover on each of the bench's names as the CLI gives it (complete, each on
// a table of its own), and the bench's claim searches after the warm-up, each timed. Run under
// `node --cpu-prof` for the functions. A script that prints figures, not a test.
//   node dist/test/profileFirstQueries.js [documents] [names]   (default 1,000 documents, all six names)
import { bridges } from '../server/bridges';
import { ClaimSearch } from '../server/core/claimSearch';
import { entityFacts, memoMentions } from '../server/core/entityFacts';
import { memoHover } from '../server/core/hover';
import { inBackground } from '../server/core/slices';
import { silentLogger } from '../server/core/types';
import { buildInWorkers } from '../server/host/parallelBuild';
import { syntheticDocs } from './synthetic';

async function main() {
  const size = Number(process.argv[2]) || 1000;
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const files = syntheticDocs(size).map((d) => ({ path: `/p/${d.name}`, name: d.name, folder: '/p', content: d.content }));
  const corpus = await buildInWorkers(files, { annotators: b.annotators }, { entityFiles: b.entityFiles }, 2);
  const memo = 'Anthropic took Mythos offline after the Department of Commerce order; Howard Lutnick signed it. 商務省はミソスとFableへのアクセスを止めた。';
  const names = ['Mythos', 'Anthropic', 'Department of Commerce', 'Howard Lutnick', '商務省', 'Fable'].slice(0, Number(process.argv[3]) || undefined);
  console.log(`${size} documents, ${corpus.passages.length} passages`);
  // As the language server: the warm-ups it starts once an index is ready run in the background,
  // and a hover that comes meanwhile answers at once from what is ready.
  {
    const table = entityFacts(Object.create(corpus), b.entities);
    table.answerAtOnce = true;
    table.prefer(memoMentions(b.entities, memo).map((m) => m.entity));
    const search = new ClaimSearch(corpus, b.entities);
    void inBackground(search.warmUpSteps());
    void table.warmUp();
    for (const name of names) {
      const t = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      const waited = performance.now() - t;
      const cpu = process.cpuUsage();
      memoHover(table, memo, { line: 0, character: memo.indexOf(name) + 1 });
      const own = process.cpuUsage(cpu);
      console.log(`server's first hover ${name}: ${(performance.now() - t).toFixed(1)} ms (${waited.toFixed(1)} waiting for the warm-ups' slices; its own CPU ${((own.user + own.system) / 1000).toFixed(1)} ms)`);
    }
  }
  for (const name of names) {
    // A fresh corpus object: its own table, cold (the catalog's own caches stay warm).
    const fresh = Object.create(corpus);
    const t = performance.now();
    memoHover(entityFacts(fresh, b.entities), memo, { line: 0, character: memo.indexOf(name) + 1 });
    console.log(`first hover ${name}: ${(performance.now() - t).toFixed(1)} ms`);
  }
  const search = new ClaimSearch(corpus, b.entities);
  search.warmUp();
  for (const q of ['Mythos', 'ラトニック', 'export control', 'Lutnick Fable', '商務省', 'ミソス', 'Glasswing partners', 'XBOW V8 sandbox', 'compute SpaceX']) {
    const t = performance.now();
    search.search(q);
    console.log(`search ${q}: ${(performance.now() - t).toFixed(1)} ms`);
  }
}

void main();
