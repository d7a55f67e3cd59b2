// Where a find-source claim's time goes on a synthetic corpus: the bench's claims (the dev set
// plus sentences drawn from the corpus), each timed, the slowest listed. Run under
// `node --cpu-prof` for the functions. A script that prints figures, not a test.
//   node dist/test/profileQueries.js [documents]   (default 1,000)
import { bridges } from '../server/bridges';
import { Corpus } from '../server/core/corpus';
import { findSources } from '../server/core/findSources';
import { silentLogger } from '../server/core/types';
import { devClaims } from './helpers';
import { syntheticDocs } from './synthetic';

function main() {
  const size = Number(process.argv[2]) || 1000;
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const corpus = Corpus.build(
    syntheticDocs(size).map((d) => ({ path: `/p/${d.name}`, name: d.name, folder: '/p', content: d.content })),
    { annotators: b.annotators },
  );
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const sentences = corpus.claims().filter((p) => p.text.length > 40);
  const claims = [...devClaims().map((c) => c.claim), ...Array.from({ length: 60 }, () => sentences[Math.floor(rand() * sentences.length)].text)];
  findSources(corpus, claims[0], { entities: b.entities });
  const timed = claims.map((claim) => {
    const t = performance.now();
    findSources(corpus, claim, { top: 5 });
    return { claim, ms: performance.now() - t };
  });
  const sorted = [...timed].sort((x, y) => x.ms - y.ms);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].ms.toFixed(1);
  console.log(`${size} documents, ${corpus.passages.length} passages: find source p50 ${at(0.5)} ms, p95 ${at(0.95)} ms`);
  for (const { claim, ms } of sorted.slice(-5).reverse()) console.log(`${ms.toFixed(1)} ms  ${claim.slice(0, 100)}`);
}

main();
