// While the first index of a large corpus is built, the status says what is being done with
// counts (reading, parsing, indexing N/M), and Find Source and Search Claims answer from the
// documents indexed so far, saying so; once ready, answers are whole again.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { FindSourcesRequest, IndexStatusNotification, SearchClaimsRequest } from '../../server/protocol';
import { writeSyntheticCorpus } from '../synthetic';
import { LspClient } from './lspClient';

test('during the first build: phases with counts, and answers from the documents indexed so far that say so', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipc-progress-'));
  const folder = path.join(dir, 'corpus');
  writeSyntheticCorpus(folder, 60);
  const client = await LspClient.start({ corpus: { folders: [folder], includeSeeds: false } });
  try {
    const indexing = await client.waitFor(IndexStatusNotification, (s) => {
      const p = s.progress;
      return p?.phase === 'indexing' && p.done >= 1 && p.done < p.total;
    });
    assert.equal(indexing.progress!.total, 60);
    const answer = await client.request(FindSourcesRequest, { text: 'Anthropic took Mythos offline after the Commerce order.' });
    assert.ok(answer?.partial, 'the answer says it is partial');
    assert.equal(answer.partial.total, 60);
    assert.ok(answer.partial.documents >= 1 && answer.partial.documents < 60, JSON.stringify(answer.partial));
    assert.ok(answer.sources.length > 0, 'it answers from what is ready');
    const claims = await client.request(SearchClaimsRequest, { query: 'Mythos' });
    assert.ok(claims.length > 0);
    // The status tells the client (the status bar's tooltip, the pickers' titles) that answers are partial.
    const told = client.received(IndexStatusNotification).some((s) => (s.progress?.answering ?? 0) > 0);
    assert.ok(told, 'a status says answers come from the documents indexed so far');

    const ready = await client.indexed();
    assert.equal(ready.documents, 60);
    const phases = client.received(IndexStatusNotification).map((s) => s.progress?.phase);
    assert.deepEqual([...new Set(phases.filter(Boolean))], ['loading', 'reading', 'parsing', 'indexing']);
    const whole = await client.request(FindSourcesRequest, { text: 'Anthropic took Mythos offline after the Commerce order.' });
    assert.equal(whole?.partial, undefined);
  } finally {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
