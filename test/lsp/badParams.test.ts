// Requests with params no handler can read are answered with InvalidParams (−32602), never an
// internal error, and the server keeps answering.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { LspClient } from './lspClient';

let client: LspClient;

before(async () => {
  client = await LspClient.start({});
  await client.indexed();
});

after(async () => {
  await client.shutdown();
});

const METHODS = [
  'textDocument/hover',
  'textDocument/definition',
  'textDocument/references',
  'textDocument/completion',
  'textDocument/codeAction',
  'textDocument/semanticTokens/full',
  'workspace/symbol',
  'workspace/executeCommand',
  'aiPolicyClaims/findSources',
  'aiPolicyClaims/searchClaims',
  'aiPolicyClaims/citation',
  'aiPolicyClaims/checkMemo',
];

test('null, scalar and array params get InvalidParams naming the method', async () => {
  for (const method of METHODS) {
    for (const params of [null, 7, 'x', []]) {
      await assert.rejects(client.request(method, params), (e: Error & { code: number }) => {
        assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}: ${e.message}`);
        assert.match(e.message, new RegExp(`^${method.replace(/\//g, '\\/')}: params must be an object$`));
        return true;
      });
    }
  }
  assert.equal((await client.request<{ state: string }>('aiPolicyClaims/indexStatus', null)).state, 'ready');
});

test('a document request without a document gets InvalidParams; a didOpen without one is ignored', async () => {
  await assert.rejects(client.request('textDocument/hover', { position: { line: 0, character: 0 } }), /textDocument\/hover: params\.textDocument\.uri must be a string/);
  await assert.rejects(client.request('textDocument/hover', { textDocument: { uri: 'file:///m.md' }, position: null }), /textDocument\/hover: params\.position must be/);
  assert.equal(await client.request('aiPolicyClaims/findSources', { text: 5, uri: 7, position: 'x', range: {} }), null);
  assert.ok(Array.isArray(await client.request('workspace/symbol', { query: null })));
  client.notify('textDocument/didOpen', null);
  client.notify('textDocument/didOpen', { textDocument: null });
  const items = await client.request<unknown[]>('aiPolicyClaims/searchClaims', { query: 'Mythos' });
  assert.ok(items.length > 0);
  assert.ok(client.running, client.stderr);
});
