// "Find the source for this claim" through the running extension's client: the claim is the
// memo sentence at the cursor, taken from the document VS Code synchronised to the server. Then
// the Find Sources command itself (its options skip only the picker): the passage it opens, and
// the citation it inserts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FindSourcesOutcome } from '../../client/findSources';
import { FindSourcesRequest, type FindSourcesParams, type FindSourcesResponse } from '../../server/protocol';
import { indexedApi, openMemo, placeCursor, positionOf, untitledMemo } from './helpers';

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

describe('find sources for claim (command)', () => {
  it('opens the chosen source with the passage selected', async () => {
    const { api } = await indexedApi();
    const memo = await openMemo('memo-en.md');
    const at = positionOf(memo.document, 'export control order', 4);
    placeCursor(memo, at);
    const params: FindSourcesParams = { uri: memo.document.uri.toString(), position: { line: at.line, character: at.character }, top: 8 };
    const answer = await api.client.sendRequest<FindSourcesResponse>(FindSourcesRequest.method, params);
    const index = answer.sources.findIndex((s) => s.doc === '002_f6ed0c7e73231cb2.txt' && /June 12/.test(s.text));
    assert.ok(index >= 0, 'no English June 12 passage of the directive article');

    const result = await vscode.commands.executeCommand<FindSourcesOutcome | undefined>('aiPolicyClaims.findSources', { pick: index });
    assert.ok(result?.opened, 'nothing was opened');
    assert.equal(result.answer.claim, 'The export control order was issued on June 12.');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'no active editor');
    assert.ok(editor.document.uri.fsPath.endsWith('002_f6ed0c7e73231cb2.txt'), `opened ${editor.document.uri.fsPath}`);
    const source = answer.sources[index];
    const expected = new vscode.Range(source.range.start.line, source.range.start.character, source.range.end.line, source.range.end.character);
    assert.ok(editor.selection.isEqual(expected), `selection ${JSON.stringify(editor.selection)} is not the passage ${JSON.stringify(source.range)}`);
    assert.equal(editor.document.getText(editor.selection), source.text);
  });

  it('cites the chosen source at the end of the claim sentence, before its full stop', async () => {
    await indexedApi();
    const memo = await untitledMemo('Intro line.\n\nThe export control order was issued on June 12. Another sentence.\n');
    placeCursor(memo, positionOf(memo.document, 'control order', 2));

    const result = await vscode.commands.executeCommand<FindSourcesOutcome | undefined>('aiPolicyClaims.findSources', { pick: 0, cite: true, style: 'pandoc' });
    assert.ok(result?.cited, 'nothing was cited');
    const source = result.answer.sources[0];
    assert.equal(result.cited.passageId, source.id);
    const line = memo.document.lineAt(2).text;
    assert.ok(line.startsWith(`The export control order was issued on June 12 [@${source.key}, ¶${source.paragraph}`), line);
    assert.ok(line.endsWith(']. Another sentence.'), line);
  });
});
