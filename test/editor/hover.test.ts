// Hover on an entity name in a memo, through VS Code's own hover pipeline.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { hoverText, indexedApi, openMemo, positionOf } from './helpers';

/** Citation keys of the seeds: a hover that names its source shows one of them or a title. */
function seedKeys(): string[] {
  const extension = vscode.extensions.getExtension('ai-policy-claims.ai-policy-claims');
  assert.ok(extension);
  const catalog = JSON.parse(readFileSync(vscode.Uri.joinPath(extension.extensionUri, 'seeds', 'catalog.json').fsPath, 'utf8')) as Record<string, { key?: string }>;
  return Object.entries(catalog).flatMap(([name, entry]) => (entry.key ? [entry.key, name] : [name]));
}

describe('hover', () => {
  it('on "Mythos" in an English memo shows what the sources say, with a source', async function () {
    const { api } = await indexedApi();
    if (!api.client.initializeResult?.capabilities.hoverProvider) this.skip();
    const editor = await openMemo('memo-en.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, 'Mythos'));
    const text = hoverText(hovers);
    assert.match(text, /Mythos/);
    const keys = seedKeys();
    assert.ok(keys.some((k) => text.includes(k)), `no seed key or file name in the hover:\n${text}`);
  });

  it('on "商務省" in a Japanese memo answers too', async function () {
    const { api } = await indexedApi();
    if (!api.client.initializeResult?.capabilities.hoverProvider) this.skip();
    const editor = await openMemo('memo-ja.md');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, '商務省'));
    const text = hoverText(hovers);
    assert.match(text, /商務省|Commerce/);
  });
});
