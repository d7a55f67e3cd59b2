// The saved index: its file format, and that a loaded or incrementally updated corpus is the
// corpus a fresh build gives — every field of every passage and document, and the same answers.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { bridges } from '../../server/bridges';
import { ClaimSearch } from '../../server/core/claimSearch';
import { Corpus } from '../../server/core/corpus';
import { findSources } from '../../server/core/findSources';
import { INDEX_FORMAT_VERSION, checksum, decodeIndex, encodeIndex, type IndexSections } from '../../server/core/indexFile';
import { readIndexFile, writeIndexFile } from '../../server/host/savedIndexFile';
import { openCorpus, type IndexCache, type OpenedCorpus } from '../../server/host/openCorpus';
import { corpusFromSections, corpusSections } from '../../server/core/savedCorpus';
import { silentLogger, type Logger } from '../../server/core/types';
import { SEEDS, devClaims, writeCorpus } from '../helpers';

const tempDir = (prefix: string) => mkdtempSync(path.join(tmpdir(), prefix));

test('sections come back as written; a file written in chunks has the checksum of the whole', () => {
  const sections = {
    ints: Int32Array.from([1, -2, 2 ** 30]),
    bytes: Uint8Array.from([1, 2, 3, 4, 5]),
    floats: Float64Array.from([1.5, -1, 1733011200000.25]),
    words: { strings: ['', '政府', 'Mythos 5', 'a\uD800b', '😀'] },
    // More than one group of strings (they are encoded and decoded 65,536 at a time).
    many: { strings: Array.from({ length: 140_000 }, (_, i) => (i % 7 ? `語${i}` : '')) },
    meta: { json: { a: [1, 'x'] } },
  };
  const chunks = encodeIndex('fp', sections);
  const whole = Buffer.concat(chunks);
  assert.deepEqual(checksum(chunks), checksum([whole.subarray(0)]));
  assert.deepEqual(checksum([whole.subarray(0, 5), whole.subarray(5, 11), whole.subarray(11)]), checksum([whole]));
  const read = decodeIndex(whole, 'fp') as IndexSections;
  assert.ok(!('reason' in read));
  assert.deepEqual(read.i32('ints'), sections.ints);
  assert.deepEqual(read.u8('bytes'), sections.bytes);
  assert.deepEqual(read.f64('floats'), sections.floats);
  assert.deepEqual(read.strings('words'), sections.words.strings);
  assert.deepEqual(read.strings('many'), sections.many.strings);
  assert.deepEqual(read.json('meta'), sections.meta.json);
});

test('a missing, old, truncated or damaged file is a reason to rebuild, never an exception', async () => {
  const dir = tempDir('aipc-index-');
  const file = path.join(dir, 'index.aipc');
  assert.equal(((await readIndexFile(file, 'fp')) as { reason: string }).reason, 'missing');
  await writeIndexFile(file, encodeIndex('fp', { ints: Int32Array.from({ length: 1000 }, (_, i) => i) }));
  assert.ok(!('reason' in (await readIndexFile(file, 'fp'))));
  assert.equal(((await readIndexFile(file, 'other')) as { reason: string }).reason, 'old');
  const bytes = readFileSync(file);
  const header = bytes.toString('latin1', 0, 200);
  const otherVersion = Buffer.from(bytes.toString('latin1').replace(`"version":${INDEX_FORMAT_VERSION}`, `"version":${INDEX_FORMAT_VERSION + 1}`), 'latin1');
  assert.ok(header.includes(`"version":${INDEX_FORMAT_VERSION}`));
  const damaged = Buffer.from(bytes);
  damaged[Math.floor(bytes.length / 2)] ^= 0xff;
  const cases: Array<[string, Buffer, string]> = [
    ['half-written', bytes.subarray(0, Math.floor(bytes.length / 2)), 'corrupt'],
    ['one byte flipped', damaged, 'corrupt'],
    ['not an index', Buffer.from('hello world, this is not an index file at all'), 'corrupt'],
    ['empty', Buffer.alloc(0), 'corrupt'],
    // The checksum covers the header too: a file edited by hand does not pass.
    ['another format version', otherVersion, 'corrupt'],
  ];
  for (const [what, content, reason] of cases) {
    writeFileSync(file, content);
    assert.equal(((await readIndexFile(file, 'fp')) as { reason: string }).reason, reason, what);
  }
  // Only the renamed file is left: no temporary files behind, and a dead writer's old one is removed.
  const abandoned = path.join(dir, '.index.aipc.999.0123456789ab.tmp');
  writeFileSync(abandoned, 'half an index');
  utimesSync(abandoned, new Date(Date.now() - 7_200_000), new Date(Date.now() - 7_200_000));
  await writeIndexFile(file, encodeIndex('fp', {}));
  assert.deepEqual(readdirSync(dir), ['index.aipc']);
  rmSync(dir, { recursive: true, force: true });
});

/** What a user sees of a corpus: every passage and document field, and the answers to the dev claims and some searches. */
function assertSameCorpus(actual: Corpus, expected: Corpus, b: ReturnType<typeof bridges>) {
  assert.deepStrictEqual(actual.documents, expected.documents);
  assert.deepStrictEqual(actual.passages, expected.passages);
  assert.deepStrictEqual(actual.origins.map((o) => o.inferred), expected.origins.map((o) => o.inferred));
  assert.deepEqual(actual.boost, expected.boost);
  assert.equal(actual.index.postingCount, expected.index.postingCount);
  assert.equal(actual.index.termCount, expected.index.termCount);
  for (const term of expected.index.vocabulary()) assert.deepEqual(actual.index.postings(term), expected.index.postings(term), term);
  for (const { claim } of devClaims()) {
    assert.deepStrictEqual(findSources(actual, claim, { top: 5, entities: b.entities }), findSources(expected, claim, { top: 5, entities: b.entities }), claim);
  }
  const searchA = new ClaimSearch(actual);
  const searchE = new ClaimSearch(expected);
  for (const q of ['Mythos', 'export contrl', 'ラトニック', '商務省 Lutnick', 'Quillfeather']) {
    assert.deepStrictEqual(searchA.search(q), searchE.search(q), q);
  }
}

const open = (folder: string, b: ReturnType<typeof bridges>, options: { cache?: IndexCache; previous?: Corpus } = {}, logger: Logger = silentLogger): Promise<OpenedCorpus> =>
  openCorpus({ seedsFolder: SEEDS, includeSeeds: true, folders: [folder] }, logger, b.annotators, undefined, options);

test('a corpus loaded from the saved index is the corpus a fresh build gives, catalog corrections included', async () => {
  const folder = writeCorpus(
    '//- notes/briefing.md\n# Briefing\n\nThe Quillfeather lab released Quillfeather 2 on May 4.\n\nAlex Stamos: this is not the way to do it.\n' +
      '//- catalog.json\n{ "notes/briefing.md": { "key": "quill2026", "outlet": "Quillfeather Institute" } }\n',
  );
  const b = bridges({ entityFiles: [], folders: [SEEDS, folder], logger: silentLogger });
  const cache = { file: path.join(tempDir('aipc-index-'), 'index.aipc'), fingerprint: 'test' };
  const built = await open(folder, b, { cache });
  assert.equal(built.from, 'built');
  await built.saving;
  const loaded = await open(folder, b, { cache });
  assert.equal(loaded.from, 'loaded');
  assert.equal(loaded.saving, undefined, 'nothing changed: nothing to save');
  assertSameCorpus(loaded.corpus, built.corpus, b);
  assert.equal(loaded.corpus.documents.find((d) => d.name === 'notes/briefing.md')?.catalog.key, 'quill2026');

  // A catalog correction made between runs applies without re-indexing anything.
  writeFileSync(path.join(folder, 'catalog.json'), '{ "notes/briefing.md": { "key": "quill2026b" } }');
  const corrected = await open(folder, b, { cache });
  assert.equal(corrected.corpus.documents.find((d) => d.name === 'notes/briefing.md')?.catalog.key, 'quill2026b');
  assertSameCorpus(corrected.corpus, (await open(folder, b)).corpus, b);
});

test('a passage field the saved index has no column for yet survives a save and a load', () => {
  const corpus = Corpus.build([{ path: '/c/a.md', name: 'a.md', folder: '/c', content: '# A\n\nOne sentence here. Another one there.\n' }]);
  for (const p of corpus.passages) Object.assign(p, { dictionaryTokens: [`w${p.id}`, '語'] });
  const bytes = Buffer.concat(encodeIndex('fp', corpusSections(corpus)));
  const loaded = corpusFromSections(decodeIndex(bytes, 'fp') as IndexSections, []);
  assert.deepStrictEqual(loaded.passages, corpus.passages);
  assert.deepStrictEqual(loaded.documents, corpus.documents);
});

test('files edited, added, removed or only touched between starts: only those re-indexed, and the corpus a fresh build gives', async () => {
  const folder = tempDir('aipc-corpus-');
  for (const name of ['001_0c1747d225c18063.txt', '003_b2ed7742a500a503.txt']) cpSync(path.join(SEEDS, name), path.join(folder, name));
  writeFileSync(path.join(folder, 'b.md'), '# B\n\nThe Brightwater fund grew by 12% in May.\n');
  writeFileSync(path.join(folder, 'z.md'), '# Z\n\nZephyrine was approved on May 9.\n');
  const b = bridges({ entityFiles: [], folders: [SEEDS, folder], logger: silentLogger });
  const cache = { file: path.join(tempDir('aipc-index-'), 'index.aipc'), fingerprint: 'test' };
  const first = await open(folder, b, { cache });
  await first.saving;

  const edited = path.join(folder, '003_b2ed7742a500a503.txt');
  const text = readFileSync(edited, 'utf8');
  const at = text.lastIndexOf('Anthropic');
  writeFileSync(edited, text.slice(0, at) + 'Quillfeather' + text.slice(at + 'Anthropic'.length));
  writeFileSync(path.join(folder, 'c.md'), '# C\n\nQuillfeather audited the Brightwater evaluations on 3 March.\n');
  rmSync(path.join(folder, 'z.md'));
  const touched = path.join(folder, 'b.md');
  utimesSync(touched, new Date(), new Date(Date.now() + 5000));

  const infos: string[] = [];
  const logger = { ...silentLogger, info: (m: string) => infos.push(m) };
  const second = await open(folder, b, { cache }, logger);
  assert.equal(second.from, 'loaded');
  assert.deepEqual(second.changes, { added: 1, changed: 1, removed: 1, touched: 1 });
  assert.match(infos.join('\n'), /re-indexed 1 added, 1 changed, 1 removed files/);
  const fresh = (await open(folder, b)).corpus;
  assertSameCorpus(second.corpus, fresh, b);
  assert.match(findSources(second.corpus, 'Quillfeather audited the Brightwater evaluations').sources[0].text, /Quillfeather audited/);
  assert.ok(second.corpus.passages.some((p) => p.text.includes('Quillfeather') && second.corpus.documentOf(p).name === '003_b2ed7742a500a503.txt'));

  // The server's path: the same update from the corpus in memory.
  writeFileSync(path.join(folder, 'a.md'), '# A\n\nThe Aldermoor treaty was signed on June 2.\n');
  const updated = await open(folder, b, { previous: second.corpus });
  assert.equal(updated.from, 'updated');
  assert.deepEqual(updated.changes, { added: 1, changed: 0, removed: 0, touched: 0 });
  assertSameCorpus(updated.corpus, (await open(folder, b)).corpus, b);

  // And nothing changed: the very same corpus, so the server keeps its warm caches.
  await second.saving;
  const again = await open(folder, b, { previous: updated.corpus });
  assert.equal(again.corpus, updated.corpus);
});

test('a file under two configured folders (one inside the other) stays two documents after a load', async () => {
  const folder = writeCorpus('//- top.md\n# Top\n\nThe Aldermoor treaty was signed on June 2.\n//- sub/inner.md\n# Inner\n\nZephyrine was approved on May 9.\n');
  const settings = { seedsFolder: SEEDS, includeSeeds: false, folders: [folder, path.join(folder, 'sub')] };
  const b = bridges({ entityFiles: [], folders: settings.folders, logger: silentLogger });
  const cache = { file: path.join(tempDir('aipc-index-'), 'index.aipc'), fingerprint: 'test' };
  const built = await openCorpus(settings, silentLogger, b.annotators, undefined, { cache });
  await built.saving;
  const loaded = await openCorpus(settings, silentLogger, b.annotators, undefined, { cache });
  assert.equal(loaded.from, 'loaded');
  assert.deepEqual(loaded.changes, { added: 0, changed: 0, removed: 0, touched: 0 });
  assert.equal(loaded.corpus.documents.length, 3);
  assert.deepStrictEqual(loaded.corpus.documents, built.corpus.documents);
});
