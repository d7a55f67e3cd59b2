// "Find the source for this claim" through the running extension's client: the claim is the
// memo sentence at the cursor, taken from the document VS Code synchronised to the server.
import * as assert from 'node:assert/strict';
import { FindSourcesRequest, type FindSourcesParams, type FindSourcesResponse } from '../../server/protocol';
import { indexedApi, openMemo, positionOf } from './helpers';

describe('find sources', () => {
  it('finds the June 12 directive for the claim under the cursor', async () => {
    const { api } = await indexedApi();
    const editor = await openMemo('memo-en.md');
    const position = positionOf(editor.document, 'export control order', 4);
    const params: FindSourcesParams = { uri: editor.document.uri.toString(), position: { line: position.line, character: position.character } };
    // By method name: this bundle has its own copy of the protocol classes, and the client's
    // copy checks a request type's parameter structure by identity.
    const answer = await api.client.sendRequest<FindSourcesResponse | null>(FindSourcesRequest.method, params);
    assert.ok(answer, 'no answer for the claim under the cursor');
    assert.equal(answer.claim, 'The export control order was issued on June 12.');
    assert.ok(answer.sources.length > 0, 'no sources');
    assert.ok(
      answer.sources.some((s) => s.doc === '002_f6ed0c7e73231cb2.txt' && /June 12|6月12日/.test(s.text)),
      `no June 12 passage of the directive article among:\n${answer.sources.map((s) => `${s.doc}: ${s.text.slice(0, 80)}`).join('\n')}`,
    );
    assert.ok(answer.uris.every((u) => u.startsWith('file://')));
  });
});
