// Settings over LSP: a client that fails the configuration pull, or sends garbage, never stops
// the server; wrong values fall back to their defaults with one log line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DidChangeConfigurationNotification, LogMessageNotification } from 'vscode-languageserver-protocol';
import { FindSourcesRequest, GetIndexStatusRequest } from '../../server/protocol';
import { LspClient } from './lspClient';

const logLines = (client: LspClient, pattern: RegExp) =>
  client.received(LogMessageNotification.type).filter((p) => pattern.test(p.message));

test('a configuration pull answered with an error after didChangeConfiguration leaves the server up', async () => {
  const client = await LspClient.start({});
  try {
    await client.indexed();
    client.answerConfiguration = () => ({ error: { code: -32603, message: 'the client broke' } });
    void client.notify(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitFor(LogMessageNotification.type, (p) => /could not read settings: .*the client broke/.test(p.message), 10_000);
    const status = await client.request(GetIndexStatusRequest);
    assert.equal(status.state, 'ready');
    assert.ok(client.running, client.stderr);
  } finally {
    await client.shutdown();
  }
});

test('garbage settings fall back to their defaults with one log line, and the server answers', async () => {
  const garbage = { corpus: { folders: 'not a list', includeSeeds: 'yes' }, citation: 7, languages: ['fr'], checks: { contradictions: null } };
  const client = await LspClient.start(garbage);
  try {
    const status = await client.indexed();
    assert.equal(status.documents, 5, 'the seeds, by default');
    const lines = logLines(client, /ignored settings/);
    assert.equal(lines.length, 2, 'one line for the initialization options, one for the pull');
    assert.match(
      lines[0].message,
      /ignored settings of the wrong type, using their defaults: aiPolicyClaims\.languages, aiPolicyClaims\.corpus\.folders, aiPolicyClaims\.corpus\.includeSeeds, aiPolicyClaims\.citation$/,
    );
    // Settings that are not an object at all, pulled after a change.
    client.answerConfiguration = () => ({ result: ['a string'] });
    void client.notify(DidChangeConfigurationNotification.type, { settings: null });
    await client.waitFor(LogMessageNotification.type, (p) => /ignored settings .*aiPolicyClaims \(not an object\)/.test(p.message), 10_000);
    const r = await client.request(FindSourcesRequest, { text: 'Mythos Preview found vulnerabilities.' });
    assert.ok(r!.sources.length > 0);
  } finally {
    await client.shutdown();
  }
});
