// Requests with params no handler can read are answered with InvalidParams (−32602), never an
// internal error, and the server keeps answering. Params a conforming client never sends (null, a
// scalar) go out raw; objects of the wrong shape go by method name.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  ReferencesRequest,
  SemanticTokensRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver-protocol';
import { CheckMemoRequest, CitationRequest, FindSourcesRequest, GetIndexStatusRequest, SearchClaimsRequest } from '../../server/protocol';
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
  HoverRequest.method,
  DefinitionRequest.method,
  ReferencesRequest.method,
  CompletionRequest.method,
  CodeActionRequest.method,
  SemanticTokensRequest.method,
  WorkspaceSymbolRequest.method,
  ExecuteCommandRequest.method,
  FindSourcesRequest.method,
  SearchClaimsRequest.method,
  CitationRequest.method,
  CheckMemoRequest.method,
];

test('null, scalar and array params get InvalidParams naming the method', async () => {
  for (const method of METHODS) {
    for (const params of [null, 7, 'x', []]) {
      await assert.rejects(client.rawRequest(method, params), (e: Error & { code: number }) => {
        assert.equal(e.code, -32602, `${method} ${JSON.stringify(params)}: ${e.message}`);
        assert.match(e.message, new RegExp(`^${method.replace(/\//g, '\\/')}: params must be an object$`));
        return true;
      });
    }
  }
  assert.equal((await client.request(GetIndexStatusRequest)).state, 'ready');
});

test('a document request without a document gets InvalidParams; a didOpen without one is ignored', async () => {
  await assert.rejects(client.request(HoverRequest.method, { position: { line: 0, character: 0 } }), /textDocument\/hover: params\.textDocument\.uri must be a string/);
  await assert.rejects(client.request(HoverRequest.method, { textDocument: { uri: 'file:///m.md' }, position: null }), /textDocument\/hover: params\.position must be/);
  assert.equal(await client.request(FindSourcesRequest.method, { text: 5, uri: 7, position: 'x', range: {} }), null);
  assert.ok(Array.isArray(await client.request(WorkspaceSymbolRequest.method, { query: null })));
  client.rawNotify(DidOpenTextDocumentNotification.method, null);
  void client.notify(DidOpenTextDocumentNotification.method, { textDocument: null });
  const items = await client.request(SearchClaimsRequest, { query: 'Mythos' });
  assert.ok(items.length > 0);
  assert.ok(client.running, client.stderr);
});
