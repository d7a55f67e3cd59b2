// The language server builds a corpus of 4 million characters or more in worker threads (from
// its bundle: dist/analysisWorker.js beside dist/server.js), says so in its log, keeps its LSP
// stream clean meanwhile, and answers exactly as a one-thread build of the same files does.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { LogMessageNotification } from 'vscode-languageserver-protocol';
import { bridges } from '../../server/bridges';
import { findSources } from '../../server/core/findSources';
import { silentLogger } from '../../server/core/types';
import { openCorpus } from '../../server/host/openCorpus';
import { FindSourcesRequest } from '../../server/protocol';
import { SEEDS } from '../helpers';
import { writeSyntheticCorpus } from '../synthetic';
import { LspClient } from './lspClient';

test('a large corpus: indexed in worker threads, with the answers of a one-thread build', { skip: availableParallelism() < 2 && 'one core' }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipc-parallel-lsp-'));
  const folder = path.join(dir, 'corpus');
  // 240 documents like the seeds: about 4.4 million characters.
  writeSyntheticCorpus(folder, 240);
  const client = await LspClient.start({ corpus: { folders: [folder], includeSeeds: false } });
  try {
    const ready = await client.indexed(1, 180_000);
    assert.equal(ready.documents, 240);
    const logs = client.received(LogMessageNotification.type).map((m) => m.message);
    assert.ok(logs.some((m) => /indexing 240 files in \d+ worker threads/.test(m)), logs.join('\n'));
    assert.ok(!logs.some((m) => /failed/.test(m)), logs.join('\n'));

    const b = bridges({ entityFiles: [], folders: [folder], logger: silentLogger });
    const { corpus } = await openCorpus({ seedsFolder: SEEDS, includeSeeds: false, folders: [folder] }, silentLogger, b.annotators);
    for (const claim of ['The export control order was issued on June 30.', 'ラトニック商務長官が指令に署名した。']) {
      const answer = await client.request(FindSourcesRequest, { text: claim });
      const expected = JSON.parse(JSON.stringify(findSources(corpus, claim, { top: 8, entities: b.entities, languages: ['ja', 'en'] })));
      assert.ok(answer && answer.sources.length > 0, claim);
      const got: Record<string, unknown> = { ...answer };
      delete got.claimRange;
      delete got.uris;
      assert.deepStrictEqual(got, expected, claim);
    }
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
