// `npm run bench`: start-up, index time, memory, query and hover latency on synthetic corpora of
// 100, 1,000 and 10,000 documents made from the seeds (perturbed so that no two documents are
// the same), written to a temporary folder so that starts read real files: reading the text,
// the first build, a start from the saved index and a re-index of one changed file, side by
// side; beside ours, a plain BM25 over the same passages and fuse.js over the same sentences.
// A script, not a test: it prints figures.
//   node --expose-gc dist/test/bench.js [sizes…] [--start-only] [--one-thread]   e.g. `… 100 1000`
import Fuse from 'fuse.js';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { bridges } from '../server/bridges';
import { ClaimSearch } from '../server/core/claimSearch';
import type { Corpus } from '../server/core/corpus';
import { EntityFacts, entityFacts, memoMentions } from '../server/core/entityFacts';
import { checkMemo } from '../server/core/check';
import { findSources } from '../server/core/findSources';
import { memoHover } from '../server/core/hover';
import { loadFolders } from '../server/host/corpusFolders';
import { openCorpus, type IndexCache } from '../server/host/openCorpus';
import { rankPassages } from '../server/core/retrieval';
import { IndexBuilder } from '../server/core/searchIndex';
import { inBackground } from '../server/core/slices';
import { indexTokens, queryTokens } from '../server/core/tokenize';
import { silentLogger, type Passage } from '../server/core/types';
import { devClaims, FIXTURES, SEEDS } from './helpers';
import { writeSyntheticCorpus } from './synthetic';
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)];

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

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** What a user sees for each claim: a change in any of it between two corpora is a different answer. */
function answers(corpus: Corpus, claims: string[]): string {
  return JSON.stringify(claims.map((c) => findSources(corpus, c, { top: 5 })));
}

async function run(size: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipc-bench-'));
  const folder = path.join(dir, 'corpus');
  try {
    const written = writeSyntheticCorpus(folder, size);
    return await measure(size, folder, written, path.join(dir, 'index'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(size: number, folder: string, written: string[], indexDir: string) {
  const settings = { seedsFolder: folder, includeSeeds: false, folders: [folder] };
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const cache: IndexCache = { file: path.join(indexDir, 'index.aipc'), fingerprint: 'bench' };
  gc();
  const [{ files }, readMs] = await timeAsync(() => loadFolders([folder], silentLogger));
  const bytes = files.reduce((n, f) => n + Buffer.byteLength(f.content), 0);
  files.length = 0;
  // The first build and the queries, in a function of their own, so that the built corpus can be
  // collected before the loaded one comes.
  const firstBuild = async () => {
    gc();
    const before = process.memoryUsage();
    const [built, indexMs] = await timeAsync(() => openCorpus(settings, silentLogger, b.annotators, undefined, { cache, ...PARALLEL(b) }));
    const [, saveMs] = await timeAsync(async () => built.saving);
    return { indexMs, saveMs, ...(await queries(size, built.corpus, b, before)) };
  };
  const { expected, claims, indexMs, saveMs, ...queryFigures } = await firstBuild();

  // Starts: from the saved index (as the CLI and the server do), then after one file changed —
  // in memory (the server's watcher) and from the saved index (the CLI's next run).
  const indexBytes = statSync(cache.file).size;
  gc();
  const [loaded, loadMs] = await timeAsync(() => openCorpus(settings, silentLogger, b.annotators, undefined, { cache }));
  gc();
  const loadedRss = process.memoryUsage().rss;
  const identical = answers(loaded.corpus, claims.slice(0, 20)) === expected;
  const changed = written[Math.floor(written.length / 2)];
  const text = readFileSync(changed, 'utf8');
  const at = text.lastIndexOf('Anthropic');
  writeFileSync(changed, text.slice(0, at) + 'Quillfeather' + text.slice(at + 'Anthropic'.length));
  const [updated, updateMs] = await timeAsync(() => openCorpus(settings, silentLogger, b.annotators, undefined, { previous: loaded.corpus }));
  await loaded.saving;
  const [changedStart, changedStartMs] = await timeAsync(() => openCorpus(settings, silentLogger, b.annotators, undefined, { cache }));
  // Saved before the temporary folder is removed, or the save would write it again after.
  await changedStart.saving;
  const found = findSources(updated.corpus, 'Quillfeather', { top: 1 }).sources[0]?.text.includes('Quillfeather') ?? false;

  return {
    size,
    text: mb(bytes),
    readS: (readMs / 1000).toFixed(2),
    indexS: (indexMs / 1000).toFixed(1),
    saveS: (saveMs / 1000).toFixed(1),
    disk: mb(indexBytes),
    loadS: (loadMs / 1000).toFixed(2),
    loadRatio: (loadMs / readMs).toFixed(1),
    loadedRss: mb(loadedRss),
    updateS: (updateMs / 1000).toFixed(2),
    changedStartS: (changedStartMs / 1000).toFixed(2),
    found: found ? 'yes' : 'NO',
    identical: identical ? 'yes' : 'NO',
    ...queryFigures,
  };
}

/**
 * The first hover after a start as the language server gives it: its table answers at once from
 * what is ready (an entity's first passages, until the warm-up has ranked it), while the warm-ups
 * it starts once an index is ready (the hover table's, the open memo's entities first, and claim
 * search's) run in the background in slices. The hover comes a turn of the event loop after the
 * index is ready, so it waits for one slice of each; the time counts that wait. Resolves once the
 * warm-ups are done (they hold the corpus), with the hover's time.
 */
async function serverFirstHover(corpus: Corpus, b: ReturnType<typeof bridges>, memo: string, name: string): Promise<number> {
  const table = new EntityFacts(corpus, b.entities);
  table.answerAtOnce = true;
  table.prefer(memoMentions(b.entities, memo).map((m) => m.entity));
  const warmUps = [inBackground(new ClaimSearch(corpus, b.entities).warmUpSteps()), table.warmUp()];
  const t = performance.now();
  await new Promise((resolve) => setImmediate(resolve));
  memoHover(table, memo, { line: 0, character: memo.indexOf(name) + 1 });
  const ms = performance.now() - t;
  await Promise.all(warmUps);
  return ms;
}

/** Query, search and hover latency on the built corpus, beside plain BM25 and fuse.js; and the answers a loaded index must repeat. */
async function queries(size: number, corpus: Corpus, b: ReturnType<typeof bridges>, before: NodeJS.MemoryUsage) {
  gc();
  const after = process.memoryUsage();
  const stats = { passages: corpus.passages.length, postings: corpus.index.postingCount, heap: after.heapUsed - before.heapUsed, rss: after.rss };

  // Whole-sentence claims: the dev set plus sentences drawn from the corpus and shuffled a little.
  const sentences = corpus.claims().filter((p) => p.text.length > 40);
  const claims = [...devClaims().map((c) => c.claim), ...Array.from({ length: 60 }, () => pick(sentences).text)];
  const expected = answers(corpus, claims.slice(0, 20));
  if (START_ONLY) {
    return { expected, claims, ...stats, claimMs: [], searchMs: [], serverHoverMs: NaN, hoverColdMs: NaN, warmMs: NaN, hoverMs: [], baselineBuildMs: NaN, baselineMs: [], fuseBuildMs: NaN, fuseClaimMs: [], fuseQueryMs: [] };
  }
  const claimMs = claims.map((c) => time(() => findSources(corpus, c, { top: 5 }))[1]);
  const search = new ClaimSearch(corpus, b.entities);
  const queries = ['Mythos', 'ラトニック', 'export control', 'Lutnick Fable', '商務省', 'ミソス', 'Glasswing partners', 'XBOW V8 sandbox', 'compute SpaceX'];
  // As the server does once an index is ready: the first query's one-time costs (dictionaries, typo index).
  search.warmUp();
  const searchMs = queries.map((q) => time(() => search.search(q))[1]);

  // Hovers on a memo's names: the server's first one after a start; the first one before any
  // warm-up as the CLI answers it (cold and complete), the time to warm every entity (the server
  // does it in the background after indexing), then warm hovers.
  const memo = 'Anthropic took Mythos offline after the Department of Commerce order; Howard Lutnick signed it. 商務省はミソスとFableへのアクセスを止めた。';
  const names = ['Anthropic', 'Mythos', 'Department of Commerce', 'Howard Lutnick', '商務省', 'ミソス', 'Fable'];
  const serverHoverMs = await serverFirstHover(corpus, b, memo, 'Mythos');
  const table = entityFacts(corpus, b.entities);
  const [, hoverColdMs] = time(() => memoHover(table, memo, { line: 0, character: memo.indexOf('Mythos') + 1 }));
  const [, warmMs] = time(() => b.entities.all().forEach((e) => table.of(e)));
  const hoverMs = Array.from({ length: 10 }, () => names.map((n) => time(() => memoHover(table, memo, { line: 0, character: memo.indexOf(n) + 1 }))[1])).flat();

  // A plain BM25 over the same passages (the index tokens alone: no bridges, no roles, no
  // neighbours, no verdict), built from their text and asked the same claims.
  const [baseline, baselineBuildMs] = time(() => {
    const builder = new IndexBuilder();
    for (const p of corpus.passages) builder.add(p.heading ? [] : indexTokens(p.text));
    return builder.finish();
  });
  const baselineMs = claims.map((c) => time(() => baseline.search(new Map(queryTokens(c).map((t) => [t, 1])), 5))[1]);

  return { expected, claims, ...stats, claimMs, searchMs, serverHoverMs, hoverColdMs, warmMs, hoverMs, baselineBuildMs, baselineMs, ...fuseFigures(size, corpus, claims, queries) };
}

function fuseFigures(size: number, corpus: Corpus, claims: string[], queries: string[]) {
  // fuse.js over the same sentences; at large sizes only a few claims, and only once.
  const fuseSentences = corpus.claims();
  const [fuse, fuseBuildMs] = time(() => new Fuse<Passage>(fuseSentences, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 }));
  // A whole claim through fuse.js takes about a minute at 1,000 documents and grows linearly: not run at 10,000.
  const fuseClaims = size >= 10_000 ? [] : size >= 1000 ? claims.slice(0, 5) : claims.slice(0, 20);
  const fuseClaimMs = fuseClaims.map((c) => time(() => fuse.search(c, { limit: 5 }))[1]);
  const fuseQueryMs = queries.slice(0, size >= 10_000 ? 2 : queries.length).map((q) => time(() => fuse.search(q, { limit: 50 }))[1]);
  return { fuseBuildMs, fuseClaimMs, fuseQueryMs };
}

type Row = Awaited<ReturnType<typeof run>>;

/** `--start-only`: the start rows alone (a quick look at a large size; the query figures take longer than the build). */
const START_ONLY = process.argv.includes('--start-only');
/** `--one-thread`: the first build on the main thread only, as for a small corpus (the default uses worker threads). */
const PARALLEL = (b: ReturnType<typeof bridges>) => (process.argv.includes('--one-thread') ? {} : { parallel: { entityFiles: b.entityFiles } });

const fixed = (x: number, digits: number) => (Number.isNaN(x) ? '—' : x.toFixed(digits));
const pair = (xs: number[], digits = 1) => (xs.length ? `${percentile(xs, 50).toFixed(digits)} / ${percentile(xs, 95).toFixed(digits)}` : '—');

/**
 * What the verdict adds on the seeds: per claim, find source (retrieval + verdict) against
 * retrieval alone, in one process, on the held-out claims; and a 50-sentence memo's check.
 */
async function verdictCost() {
  const b = bridges({ entityFiles: [], folders: [SEEDS], logger: silentLogger });
  const { corpus } = await openCorpus({ seedsFolder: SEEDS, includeSeeds: true, folders: [] }, silentLogger, b.annotators);
  const claims = devClaims(path.join(FIXTURES, 'claims-heldout3.jsonl')).map((c) => c.claim);
  findSources(corpus, claims[0], { entities: b.entities }); // the dictionaries load once per process
  const added: number[] = [];
  for (const claim of claims) {
    const [, rankMs] = time(() => rankPassages(corpus, claim, { top: 10 }));
    const [, allMs] = time(() => findSources(corpus, claim, { entities: b.entities }));
    added.push(Math.max(0, allMs - rankMs));
  }
  const memo = claims.slice(0, 50).join('\n\n');
  const [findings, memoMs] = await timeAsync(() => checkMemo(corpus, b.entities, memo));
  console.log('Verdict on the seeds (claims-heldout3.jsonl): what it adds to retrieval per claim, and a memo check.');
  console.log('| claims | verdict adds p50 / p95 ms | memo of 50 sentences: claims checked | memo check ms |');
  console.log('| --- | --- | --- | --- |');
  console.log(`| ${claims.length} | ${pair(added)} | ${findings?.length ?? 0} | ${memoMs.toFixed(0)} |\n`);
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  if (!START_ONLY) await verdictCost();
  if (START_ONLY) console.log('(--start-only: no query figures)');
  const rows: Row[] = [];
  for (const size of sizes.length ? sizes : [100, 1000, 10000]) rows.push(await run(size));
  console.log('Start: reading the text, the first build (and saving it), a start from the saved index, one changed file re-indexed.');
  console.log('| docs | text | read text s | first build s | save s | on disk | start from saved s | ÷ read | rss after start | 1 file changed: server s | 1 file changed: next start s | change found | answers identical |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    console.log(`| ${r.size} | ${r.text} | ${r.readS} | ${r.indexS} | ${r.saveS} | ${r.disk} | ${r.loadS} | ${r.loadRatio}× | ${r.loadedRss} | ${r.updateS} | ${r.changedStartS} | ${r.found} | ${r.identical} |`);
  }
  console.log('');
  console.log('Queries, beside a plain BM25 over the same passages and fuse.js over the same sentences.');
  console.log('| docs | passages | postings | heap Δ | rss | sources p50/p95 ms | search p50/p95 ms | BM25 build s | BM25 claim p50/p95 ms | server’s first hover ms | hover cold (CLI) ms | warm-up s | hover p50/p95 ms | fuse build s | fuse claim p50 ms | fuse query p50 ms |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const cells = [
      r.size,
      r.passages,
      r.postings,
      mb(r.heap),
      mb(r.rss),
      pair(r.claimMs),
      pair(r.searchMs),
      fixed(r.baselineBuildMs / 1000, 1),
      pair(r.baselineMs),
      fixed(r.serverHoverMs, 1),
      fixed(r.hoverColdMs, 1),
      fixed(r.warmMs / 1000, 1),
      pair(r.hoverMs, 2),
      fixed(r.fuseBuildMs / 1000, 1),
      r.fuseClaimMs.length ? percentile(r.fuseClaimMs, 50).toFixed(0) : '—',
      r.fuseQueryMs.length ? percentile(r.fuseQueryMs, 50).toFixed(0) : '—',
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  if (START_ONLY) return;
  console.log('');
  console.log('Ratios from the same run: ours ÷ the plain BM25 over the same passages (build; a claim, p50 and p95), and fuse.js ÷ ours.');
  console.log('| docs | first build (less reading the text) ÷ BM25 build | find source p50 ÷ BM25 p50 | find source p95 ÷ BM25 p95 | fuse.js claim p50 ÷ find source p50 | fuse.js query p50 ÷ search p50 |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? `${(a / b).toFixed(1)}×` : '—');
  const p = (xs: number[], q: number) => (xs.length ? percentile(xs, q) : NaN);
  for (const r of rows) {
    const cells = [
      r.size,
      ratio((Number(r.indexS) - Number(r.readS)) * 1000, r.baselineBuildMs),
      ratio(p(r.claimMs, 50), p(r.baselineMs, 50)),
      ratio(p(r.claimMs, 95), p(r.baselineMs, 95)),
      ratio(p(r.fuseClaimMs, 50), p(r.claimMs, 50)),
      ratio(p(r.fuseQueryMs, 50), p(r.searchMs, 50)),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

void main();
