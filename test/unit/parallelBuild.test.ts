// The first build in worker threads gives the corpus a single-threaded build gives: the same
// documents, passages (every field), postings and term ids, entity and fact tokens included —
// on the seeds and on a synthetic corpus with a user entity file and catalog corrections — and
// answers from the files merged so far while it runs. Small corpora stay on one thread.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { bridges } from '../../server/bridges';
import { Corpus, type SourceFile } from '../../server/core/corpus';
import { corpusSections } from '../../server/core/savedCorpus';
import { silentLogger } from '../../server/core/types';
import { loadFolders } from '../../server/host/corpusFolders';
import { analysisWorkerScript, buildInWorkers, threadsFor } from '../../server/host/parallelBuild';
import { SEEDS } from '../helpers';
import { writeSyntheticCorpus } from '../synthetic';

function assertSameCorpus(actual: Corpus, expected: Corpus): void {
  assert.deepStrictEqual(actual.documents, expected.documents);
  assert.deepStrictEqual(actual.passages, expected.passages);
  assert.deepStrictEqual(actual.origins, expected.origins);
  // Every saved column, the index's terms (in term-id order), offsets, postings, tfs and lengths among them.
  assert.deepStrictEqual(corpusSections(actual), corpusSections(expected));
}

test('the bundled worker script is found from the bundles (dist/) and from the tests below them', () => {
  assert.ok(analysisWorkerScript(), 'dist/analysisWorker.js');
});

test('on the seeds: two worker threads build exactly what one thread builds', async () => {
  const b = bridges({ entityFiles: [], folders: [SEEDS], logger: silentLogger });
  const { files, sidecars } = await loadFolders([SEEDS], silentLogger);
  const options = { sidecars, annotators: b.annotators };
  const single = Corpus.build(files, options);
  const parallel = await buildInWorkers(files, options, { entityFiles: b.entityFiles }, 2);
  assertSameCorpus(parallel, single);
  assert.ok([...parallel.index.vocabulary()].some((t) => t.startsWith('@')), 'entity tokens made in the workers');
});

test('on a synthetic corpus with a user entity file and catalog corrections: the same corpus, and partial answers while it runs', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipc-parallel-'));
  try {
    const folder = path.join(dir, 'corpus');
    writeSyntheticCorpus(folder, 150);
    mkdirSync(folder, { recursive: true });
    // An entity only the user's file knows: its token must come from the workers' catalog too.
    writeFileSync(path.join(folder, 'entities.json'), JSON.stringify([{ name: 'Quillfeather Institute', kind: 'agency', aliases: ['export control directive'] }]));
    writeFileSync(path.join(folder, 'catalog.json'), JSON.stringify({ 'batch0/00007_002_f6ed0c7e73231cb2.txt': { title: 'Corrected title', key: 'corrected2026' } }));
    const b = bridges({ entityFiles: [], folders: [folder], logger: silentLogger });
    assert.equal(b.entityFiles.length, 1);
    const { files, sidecars } = await loadFolders([folder], silentLogger);
    const options = { sidecars, annotators: b.annotators };
    const single = Corpus.build(files, options);
    const partials: Corpus[] = [];
    const phases = new Set<string>();
    const parallel = await buildInWorkers(files, options, { entityFiles: b.entityFiles }, 2, (p) => {
      phases.add(p.phase);
      if (p.partial && p.done < p.total && !partials.length) partials.push(p.partial());
    });
    assertSameCorpus(parallel, single);
    assert.ok(single.documents.some((d) => d.catalog.key === 'corrected2026'));
    assert.ok(parallel.index.df('@quillfeather-institute') > 0, 'the user\'s entity tagged in the workers');
    assert.deepEqual([...phases], ['parsing', 'indexing']);
    const partial = partials[0];
    assert.ok(partial && partial.documents.length > 0 && partial.documents.length < files.length, 'a corpus of the files merged so far');
    assert.deepStrictEqual(partial.passages, single.passages.slice(0, partial.passages.length));
    assert.equal(partial.index.size, partial.passages.length);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('small corpora and single-core machines stay on one thread', () => {
  const file = (content: string, i: number): SourceFile => ({ path: `/c/${i}.txt`, name: `${i}.txt`, folder: '/c', content });
  const small = [file('a'.repeat(1000), 0), file('b'.repeat(1000), 1)];
  assert.equal(threadsFor(small, { entityFiles: [] }), 0);
  assert.equal(threadsFor(small, { entityFiles: [], minChars: 0, threads: 2 }), 2);
  assert.equal(threadsFor(small, { entityFiles: [], minChars: 0, threads: 1 }), 0);
  assert.equal(threadsFor([small[0]], { entityFiles: [], minChars: 0, threads: 2 }), 0);
});
