// Insert Citation in a real VS Code, through the command a person runs (its options skip only the
// picker): the text inserted in each style, and for Pandoc the memo's own bibliography file
// written with the hand-written entry kept byte for byte.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/extension';
import type { InsertCitationOptions, InsertCitationResult } from '../../client/insertCitation';
import { FindSourcesRequest, SearchClaimsRequest, type ClaimItem, type FindSourcesResponse } from '../../server/protocol';
import { indexedApi, memoUri, openMemo, placeCursor, positionOf, readWorkspaceFile, untitledMemo } from './helpers';

const JUNE_12 = 'lang:en role:original June 12 directive';
const GLASSWING = 'lang:en role:original Glasswing partners similar stories';

// By method name: this bundle has its own copy of the protocol classes (see findSources.test).
async function firstClaim(api: ExtensionApi, query: string): Promise<ClaimItem> {
  const items = await api.client.sendRequest<ClaimItem[]>(SearchClaimsRequest.method, { query });
  assert.ok(items.length > 0, `no claim for "${query}"`);
  return items[0];
}

function insertCitation(options: InsertCitationOptions): Thenable<InsertCitationResult | undefined> {
  return vscode.commands.executeCommand<InsertCitationResult | undefined>('aiPolicyClaims.insertCitation', options);
}

describe('insert citation', () => {
  it('pandoc: inserts [@key, ¶N] at the cursor and adds the source to the front-matter bibliography, keeping its entry', async () => {
    const { api } = await indexedApi();
    const claim = await firstClaim(api, JUNE_12);
    assert.equal(claim.doc, '002_f6ed0c7e73231cb2.txt');
    const before = await readWorkspaceFile('refs.json');
    const editor = await openMemo('citations.md');
    const at = positionOf(editor.document, 'June 12.', 'June 12'.length);
    placeCursor(editor, at);

    const result = await insertCitation({ query: JUNE_12, pick: 0, style: 'pandoc' });
    assert.ok(result, 'the command inserted nothing');
    assert.equal(editor.document.lineAt(at.line).text, `The export control order was issued on June 12 [@${claim.key}, ¶${claim.paragraph}].`);
    assert.equal(editor.selection.active.character, editor.document.lineAt(at.line).text.length - 1, 'the cursor is not after the citation');

    assert.deepEqual(result.bibliography, { path: memoUri('refs.json').fsPath, added: true });
    const after = await readWorkspaceFile('refs.json');
    assert.ok(after.startsWith(before.replace(/\s*\]\s*$/, '')), `the existing entry was rewritten:\n${after}`);
    const entries = JSON.parse(after) as Array<{ id: string; title: string }>;
    assert.deepEqual(
      entries.map((e) => e.id),
      ['existing2025report', claim.key],
    );
    assert.equal(entries[1].title, claim.title);

    // Citing the same source again inserts a second marker but never duplicates the entry.
    placeCursor(editor, editor.document.lineAt(editor.document.lineCount - 1).range.end);
    const again = await insertCitation({ query: JUNE_12, pick: 0, style: 'pandoc' });
    assert.equal(again?.bibliography?.added, false);
    assert.equal((JSON.parse(await readWorkspaceFile('refs.json')) as unknown[]).length, 2);
  });

  it('footnote: inserts [^1] at the cursor and its definition at the end of the memo', async () => {
    const { api } = await indexedApi();
    const claim = await firstClaim(api, GLASSWING);
    const editor = await untitledMemo('# Notes\n\nOther Glasswing partners shared similar stories.\n\nMore text follows.\n');
    placeCursor(editor, positionOf(editor.document, 'stories.', 'stories.'.length));

    const result = await insertCitation({ query: GLASSWING, pick: 0, style: 'footnote' });
    assert.ok(result);
    const lines = editor.document.getText().split('\n');
    assert.equal(lines[2], 'Other Glasswing partners shared similar stories.[^1]');
    const definition = lines.filter((l) => l.startsWith('[^1]:'));
    assert.equal(definition.length, 1, editor.document.getText());
    assert.ok(definition[0].startsWith(`[^1]: ${claim.title}`), definition[0]);
    assert.match(definition[0], new RegExp(`¶${claim.paragraph}\\. “${claim.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`));
    assert.ok(editor.document.getText().indexOf('[^1]:') > editor.document.getText().indexOf('More text follows.'), 'the definition is not at the end');
  });

  it('plain: inserts (Title, …) after the word at the cursor', async () => {
    const { api } = await indexedApi();
    const claim = await firstClaim(api, GLASSWING);
    const editor = await untitledMemo('Glasswing partners told similar stories\n');
    placeCursor(editor, editor.document.lineAt(0).range.end);

    const result = await insertCitation({ query: GLASSWING, pick: 0, style: 'plain' });
    assert.deepEqual(result?.inserted, [editor.document.lineAt(0).text.slice('Glasswing partners told similar stories'.length)]);
    assert.ok(editor.document.lineAt(0).text.startsWith(`Glasswing partners told similar stories (${claim.title}`), editor.document.lineAt(0).text);
    assert.ok(editor.document.lineAt(0).text.endsWith(')'));
  });

  it('with a selection, lists the best sources of the selected claim first and cites after the selection', async () => {
    const { api } = await indexedApi();
    const sentence = 'The export control order was issued on June 12.';
    const editor = await untitledMemo(`${sentence} More follows.\n`);
    placeCursor(editor, new vscode.Range(0, 0, 0, sentence.length));
    const answer = await api.client.sendRequest<FindSourcesResponse>(FindSourcesRequest.method, { text: sentence, top: 5 });

    const result = await insertCitation({ pick: 0, style: 'plain' });
    assert.equal(result?.passageId, answer.sources[0].id, 'the first item is not the best source of the selection');
    assert.ok(editor.document.lineAt(0).text.startsWith(`${sentence}(${answer.sources[0].title}`), editor.document.lineAt(0).text);
  });
});
