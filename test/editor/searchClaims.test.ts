// Search Claims in a real VS Code, through the command (its options skip only the picker): the
// result opens with its passage selected; filters typed in the query narrow the results.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { SearchClaimsResult } from '../../client/searchClaims';
import { SearchClaimsRequest, type ClaimItem } from '../../server/protocol';
import { indexedApi } from './helpers';

function searchClaims(options: { query?: string; pick?: number }): Thenable<SearchClaimsResult | undefined> {
  return vscode.commands.executeCommand<SearchClaimsResult | undefined>('aiPolicyClaims.searchClaims', options);
}

describe('search claims', () => {
  it('opens the chosen claim (typo in the query) with its passage selected', async () => {
    await indexedApi();
    const result = await searchClaims({ query: 'Glaswing partners lang:en', pick: 0 });
    assert.ok(result, 'nothing was opened');
    assert.match(result.item.text, /Glasswing/);
    assert.equal(result.item.lang, 'en');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.fsPath, result.item.path);
    const r = result.item.range;
    assert.ok(editor.selection.isEqual(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)), JSON.stringify(editor.selection));
    assert.equal(editor.document.getText(editor.selection), result.item.text);
  });

  it('filters by an entity named in either language, and by role', async () => {
    const { api } = await indexedApi();
    // By method name: this bundle has its own copy of the protocol classes (see findSources.test).
    const items = await api.client.sendRequest<ClaimItem[]>(SearchClaimsRequest.method, { query: 'entity:商務省 role:translation 拒否権' });
    assert.ok(items.length > 0, 'no translated claims about the Department of Commerce');
    for (const item of items) {
      assert.equal(item.role, 'translation');
      assert.ok(item.entities.includes('US Department of Commerce'), `${item.text} does not mention Commerce (${item.entities.join(', ')})`);
    }
    const result = await searchClaims({ query: 'entity:商務省 role:translation 拒否権', pick: 0 });
    assert.equal(result?.item.id, items[0].id);
    assert.equal(vscode.window.activeTextEditor?.document.uri.fsPath, items[0].path);
  });
});
