// `npm run bench`: index time, memory, query and hover latency on synthetic corpora of 100, 1,000 and
// 10,000 documents made from the seeds (perturbed so that no two documents are the same),
// beside fuse.js over the same sentences. A script, not a test: it prints figures.
//   node --expose-gc dist/test/bench.js [sizes…]   e.g. `… 100 1000`
import Fuse from 'fuse.js';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bridges } from '../server/bridges';
import { ClaimSearch } from '../server/core/claimSearch';
import { Corpus, type SourceFile } from '../server/core/corpus';
import { EntityFacts, entityFacts } from '../server/core/entityFacts';
import { findSources } from '../server/core/findSources';
import { memoHover } from '../server/core/hover';
import { silentLogger, type Passage } from '../server/core/types';
import { devClaims, SEEDS } from './helpers';

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

const SYLLABLES = ['ka', 'ri', 'to', 'mes', 'lor', 'vin', 'dra', 'pel', 'su', 'qua', 'zen', 'bo'];
const KANA = 'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモラリルレロ'.split('');
const KANJI = '政府規制輸出管理企業技術安全研究市場交渉計算資源評価能力防御攻撃報告発表'.split('');

function pseudoWord(ja: boolean): string {
  if (ja) return Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(rand() < 0.5 ? KANA : KANJI)).join('');
  const w = Array.from({ length: 2 + Math.floor(rand() * 2) }, () => pick(SYLLABLES)).join('');
  return rand() < 0.3 ? w[0].toUpperCase() + w.slice(1) : w;
}

/** A seed with its numbers changed, some lines dropped and new names sprinkled in. */
function perturb(text: string): string {
  return text
    .split('\n')
    .filter((_line, i) => i < 25 || rand() > 0.15)
    .map((line) => {
      let out = line.replace(/\d+/g, (d) => (rand() < 0.5 ? String(Math.floor(rand() * 10 ** d.length)) : d));
      const ja = /[\u3040-\u30ff\u4e00-\u9fff]/.test(out);
      const words = Math.floor(rand() * 4);
      for (let k = 0; k < words && out.length > 30; k++) {
        const at = out.indexOf(ja ? '、' : ' ', Math.floor(rand() * out.length));
        if (at > 0) out = out.slice(0, at + 1) + pseudoWord(ja) + (ja ? '' : ' ') + out.slice(at + 1);
      }
      return out;
    })
    .join('\n');
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function run(size: number, seeds: Array<{ name: string; text: string }>) {
  const files: SourceFile[] = Array.from({ length: size }, (_, i) => {
    const s = seeds[i % seeds.length];
    return { path: `/bench/${i}_${s.name}`, name: `${i}_${s.name}`, folder: '/bench', content: i < seeds.length ? s.text : perturb(s.text) };
  });
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  gc();
  const before = process.memoryUsage();
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const [corpus, indexMs] = time(() => Corpus.build(files, { annotators: b.annotators }));
  gc();
  const after = process.memoryUsage();

  // Whole-sentence claims: the dev set plus sentences drawn from the corpus and shuffled a little.
  const sentences = corpus.claims().filter((p) => p.text.length > 40);
  const claims = [...devClaims().map((c) => c.claim), ...Array.from({ length: 60 }, () => pick(sentences).text)];
  const claimMs = claims.map((c) => time(() => findSources(corpus, c, { top: 5 }))[1]);
  const search = new ClaimSearch(corpus);
  const queries = ['Mythos', 'export control', 'Lutnick Fable', '商務省', 'ミソス', 'Glasswing partners', 'XBOW V8 sandbox', 'compute SpaceX'];
  search.search('warm-up');
  const searchMs = queries.map((q) => time(() => search.search(q))[1]);

  // Hovers on a memo's names: the first one before any warm-up (cold), the time to warm every
  // entity (the server does it in the background after indexing), then warm hovers.
  const memo = 'Anthropic took Mythos offline after the Department of Commerce order; Howard Lutnick signed it. 商務省はミソスとFableへのアクセスを止めた。';
  const names = ['Anthropic', 'Mythos', 'Department of Commerce', 'Howard Lutnick', '商務省', 'ミソス', 'Fable'];
  // As the server answers a hover that comes before the warm-up: at once, from the first passages.
  const atOnce = new EntityFacts(corpus, b.entities);
  atOnce.answerAtOnce = true;
  const [, hoverAtOnceMs] = time(() => memoHover(atOnce, memo, { line: 0, character: memo.indexOf('Mythos') + 1 }));
  const table = entityFacts(corpus, b.entities);
  const [, hoverColdMs] = time(() => memoHover(table, memo, { line: 0, character: memo.indexOf('Mythos') + 1 }));
  const [, warmMs] = time(() => b.entities.all().forEach((e) => table.of(e)));
  const hoverMs = Array.from({ length: 10 }, () => names.map((n) => time(() => memoHover(table, memo, { line: 0, character: memo.indexOf(n) + 1 }))[1])).flat();

  // fuse.js over the same sentences; at large sizes only a few claims, and only once.
  const fuseSentences = corpus.claims();
  const [fuse, fuseBuildMs] = time(() => new Fuse<Passage>(fuseSentences, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 }));
  // A whole claim through fuse.js takes about a minute at 1,000 documents and grows linearly: not run at 10,000.
  const fuseClaims = size >= 10_000 ? [] : size >= 1000 ? claims.slice(0, 5) : claims.slice(0, 20);
  const fuseClaimMs = fuseClaims.map((c) => time(() => fuse.search(c, { limit: 5 }))[1]);
  const fuseQueryMs = queries.slice(0, size >= 10_000 ? 2 : queries.length).map((q) => time(() => fuse.search(q, { limit: 50 }))[1]);

  return {
    size,
    text: mb(bytes),
    passages: corpus.passages.length,
    postings: corpus.index.postingCount,
    indexS: (indexMs / 1000).toFixed(1),
    heap: mb(after.heapUsed - before.heapUsed),
    rss: mb(after.rss),
    sourcesP50: percentile(claimMs, 50).toFixed(1),
    sourcesP95: percentile(claimMs, 95).toFixed(1),
    searchP50: percentile(searchMs, 50).toFixed(1),
    searchP95: percentile(searchMs, 95).toFixed(1),
    hoverAtOnce: hoverAtOnceMs.toFixed(1),
    hoverCold: hoverColdMs.toFixed(1),
    warmS: (warmMs / 1000).toFixed(1),
    hoverP50: percentile(hoverMs, 50).toFixed(2),
    hoverP95: percentile(hoverMs, 95).toFixed(2),
    fuseBuild: (fuseBuildMs / 1000).toFixed(1),
    fuseClaimP50: fuseClaimMs.length ? percentile(fuseClaimMs, 50).toFixed(0) : '—',
    fuseQueryP50: percentile(fuseQueryMs, 50).toFixed(0),
  };
}

function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const seeds = readdirSync(SEEDS)
    .filter((f) => f.endsWith('.txt'))
    .map((name) => ({ name, text: readFileSync(path.join(SEEDS, name), 'utf8') }));
  console.log('| docs | text | passages | postings | index s | heap Δ | rss | sources p50/p95 ms | search p50/p95 ms | hover at once ms | hover cold ms | warm-up s | hover p50/p95 ms | fuse build s | fuse claim p50 ms | fuse query p50 ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const size of sizes.length ? sizes : [100, 1000, 10000]) {
    const r = run(size, seeds);
    console.log(`| ${r.size} | ${r.text} | ${r.passages} | ${r.postings} | ${r.indexS} | ${r.heap} | ${r.rss} | ${r.sourcesP50} / ${r.sourcesP95} | ${r.searchP50} / ${r.searchP95} | ${r.hoverAtOnce} | ${r.hoverCold} | ${r.warmS} | ${r.hoverP50} / ${r.hoverP95} | ${r.fuseBuild} | ${r.fuseClaimP50} | ${r.fuseQueryP50} |`);
  }
}

main();
