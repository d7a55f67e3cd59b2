// Where the first build's time goes, phase by phase, beside a plain BM25 over the same passages:
// parsing, catalog inference, index tokens, each annotator, postings, alignment. A script that
// prints figures, not a test. The whole build is timed on one thread and in worker threads.
// Run under `node --cpu-prof` for the functions inside a phase.
//   node dist/test/profileBuild.js [documents]   (default 1,000)
import { alignPassages } from '../server/core/align';
import { bridges } from '../server/bridges';
import { inferCatalog } from '../server/core/catalog';
import { Corpus, type SourceFile } from '../server/core/corpus';
import { updateCorpus } from '../server/core/corpusUpdate';
import { parseDocument } from '../server/core/parse';
import { IndexBuilder } from '../server/core/searchIndex';
import { buildInWorkers, threadsFor } from '../server/host/parallelBuild';
import { indexTokens } from '../server/core/tokenize';
import { silentLogger } from '../server/core/types';
import { syntheticDocs } from './synthetic';

async function main() {
  const size = Number(process.argv[2]) || 1000;
  const docs = syntheticDocs(size);
  const bytes = docs.reduce((n, d) => n + Buffer.byteLength(d.content), 0);
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const [facts, entities] = b.annotators;
  const ms: Record<string, number> = {};
  const timed = <T>(phase: string, fn: () => T): T => {
    const t = performance.now();
    const r = fn();
    ms[phase] = (ms[phase] ?? 0) + performance.now() - t;
    return r;
  };
  const parsed = docs.map((d) => timed('parse', () => parseDocument(d.content, d.name)));
  docs.forEach((d, i) => timed('catalog', () => inferCatalog(parsed[i], d.content)));
  const texts = parsed.flatMap((doc) => doc.passages.filter((p) => !p.heading).map((p) => p.text));
  const tokens = texts.map((t) => timed('index tokens', () => indexTokens(t)));
  const factTokens = texts.map((t) => timed('fact annotator', () => facts(t)));
  const entityTokens = texts.map((t) => timed('entity annotator', () => entities(t)));
  const builder = new IndexBuilder();
  texts.forEach((_, i) => timed('postings', () => builder.add([...tokens[i], ...factTokens[i], ...entityTokens[i]])));
  timed('postings', () => builder.finish());
  parsed.forEach((doc) => timed('align', () => alignPassages(doc.passages)));
  const total = Object.values(ms).reduce((s, x) => s + x, 0);

  const t = performance.now();
  const plain = new IndexBuilder();
  for (const text of texts) plain.add(indexTokens(text));
  plain.finish();
  const plainMs = performance.now() - t;

  const files: SourceFile[] = docs.map((d) => ({ path: `/p/${d.name}`, name: d.name, folder: '/p', content: d.content, stamp: { size: d.content.length, mtimeMs: 1, hash: String(d.content.length) } }));
  const t2 = performance.now();
  const corpus = Corpus.build(files, { annotators: b.annotators });
  const buildMs = performance.now() - t2;
  const threads = threadsFor(files, { entityFiles: b.entityFiles, minChars: 0 });
  const t4 = performance.now();
  if (threads) await buildInWorkers(files, { annotators: b.annotators }, { entityFiles: b.entityFiles }, threads);
  const parallelMs = performance.now() - t4;

  // One file in the middle changed, as the server's watcher sees it.
  const middle = files[Math.floor(files.length / 2)];
  const at = middle.content.lastIndexOf('Anthropic');
  const edited = { ...middle, content: middle.content.slice(0, at) + 'Quillfeather' + middle.content.slice(at + 9), stamp: { size: middle.content.length + 3, mtimeMs: 2, hash: 'edited' } };
  const listed = files.map((f) => (f === middle ? edited : f)).map((f) => ({ path: f.path, folder: f.folder, size: f.stamp!.size, mtimeMs: f.stamp!.mtimeMs }));
  const updates: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t3 = performance.now();
    await updateCorpus(corpus, listed, { annotators: b.annotators, read: async () => edited });
    updates.push(performance.now() - t3);
  }
  const updateMs = updates.sort((x, y) => x - y)[2];

  console.log(`${size} documents, ${(bytes / 1024 / 1024).toFixed(0)} MB, ${corpus.passages.length} passages, ${corpus.index.termCount} terms, ${corpus.index.postingCount} postings`);
  console.log('| phase | s | share |');
  console.log('| --- | --- | --- |');
  for (const [phase, x] of Object.entries(ms).sort((a, c) => c[1] - a[1])) console.log(`| ${phase} | ${(x / 1000).toFixed(2)} | ${((100 * x) / total).toFixed(0)}% |`);
  console.log(`| sum of phases | ${(total / 1000).toFixed(2)} | |`);
  console.log(`| Corpus.build (all of it) | ${(buildMs / 1000).toFixed(2)} | ${(buildMs / plainMs).toFixed(1)}× plain |`);
  if (threads) console.log(`| the same in ${threads} worker threads | ${(parallelMs / 1000).toFixed(2)} | ${(parallelMs / plainMs).toFixed(1)}× plain |`);
  console.log(`| plain BM25 (index tokens + postings) | ${(plainMs / 1000).toFixed(2)} | |`);
  console.log(`| one changed file re-indexed (median of 5) | ${(updateMs / 1000).toFixed(2)} | |`);
}

void main();
