// Bad corpus folders over LSP: what can be read is indexed and the rest is named once; when
// nothing can be indexed, every request answers at once with a clear error instead of waiting.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeConfigurationNotification, HoverRequest, LogMessageNotification, PublishDiagnosticsNotification } from 'vscode-languageserver-protocol';
import { FindSourcesRequest, GetIndexStatusRequest, IndexStatusNotification, SearchClaimsRequest } from '../../server/protocol';
import { marked, unreadableSubfolder, writeCorpus } from '../helpers';
import { LspClient } from './lspClient';

const warnings = (client: LspClient) =>
  client.received(LogMessageNotification.type).filter((p) => /skipped/.test(p.message));

test('a missing folder and an unreadable subfolder are skipped with one warning each; the rest answers', async () => {
  const good = writeCorpus('//- zephyr.txt\nZephyrine news\nThe ministry approved the Zephyrine accord on May 9.\n');
  unreadableSubfolder(good);
  const client = await LspClient.start({ corpus: { folders: [path.join(good, 'missing'), good], includeSeeds: false } });
  try {
    const status = await client.indexed();
    assert.equal(status.documents, 1);
    assert.equal(status.skipped?.length, 2);
    assert.equal(warnings(client).length, 2);
    const r = await client.request(FindSourcesRequest, { text: 'The Zephyrine accord was approved on May 9.' });
    assert.equal(r!.sources[0].doc, 'zephyr.txt');
  } finally {
    await client.shutdown();
  }
});

test('when nothing can be indexed, requests answer with a clear error at once and the server stays up', async () => {
  const dir = writeCorpus('//- memo.md\n# Memo\n');
  const client = await LspClient.start({ corpus: { folders: [path.join(dir, 'missing')], includeSeeds: false } });
  try {
    // Sent before the index has failed (or just after): either way it must not wait.
    const early = client.request(FindSourcesRequest, { text: 'The accord was approved on May 9.' });
    await assert.rejects(early, /no index: no corpus folder could be read: corpus folder not found: .*missing/);
    const status = await client.request(GetIndexStatusRequest);
    assert.equal(status.state, 'error');
    const uri = pathToFileURL(path.join(dir, 'memo.md')).toString();
    const memo = marked('# Memo\n\nThe Dep$$artment of Commerce approved the accord on May 9.\n');
    client.open(uri, memo.text);
    await assert.rejects(client.request(HoverRequest.type, { textDocument: { uri }, position: memo.cursor }), /no index/);
    await assert.rejects(client.request(SearchClaimsRequest, { query: 'accord' }), /no index/);
  } finally {
    await client.shutdown();
  }
});

test('a memo opened while nothing could be indexed is checked once the settings name a readable folder', async () => {
  const good = writeCorpus('//- chips.txt\nChip export rules\nThe Department of Commerce issued the chip rule on March 3, 2026.\n');
  const client = await LspClient.start({ corpus: { folders: [path.join(good, 'missing')], includeSeeds: false } });
  try {
    await client.waitFor(IndexStatusNotification, (p) => p.state === 'error');
    const uri = pathToFileURL(path.join(good, '..', 'memo-later.md')).toString();
    const failed = client.waitFor(LogMessageNotification.type, (p) => /checking .*memo-later\.md failed: AI Policy Claims has no index/.test(p.message));
    client.open(uri, '# Memo\n\nThe Department of Commerce issued the chip rule on March 9, 2026.\n');
    await failed;
    const diagnostics = client.waitFor(PublishDiagnosticsNotification.type, (p) => p.uri === uri && p.diagnostics.length > 0);
    client.answerConfiguration = () => ({ result: [{ corpus: { folders: [good], includeSeeds: false } }] });
    void client.notify(DidChangeConfigurationNotification.type, { settings: null });
    const published = await diagnostics;
    assert.match(published.diagnostics[0].message, /the memo says March 9, 2026, the source says March 3, 2026/);
  } finally {
    await client.shutdown();
  }
});
