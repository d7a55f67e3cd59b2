// Hover on an entity name in a memo, through VS Code's own hover pipeline: the real client asks
// the real server. A hover that is missing, empty or names no source fails the run.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { EXTENSION_ID, hoverText, indexedApi, openMemo, positionOf } from './helpers';

/** Citation keys and file names of the seeds: a hover that names its source shows one of them. */
function seedSources(): string[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const catalog = JSON.parse(readFileSync(vscode.Uri.joinPath(extension.extensionUri, 'seeds', 'catalog.json').fsPath, 'utf8')) as Record<string, { key?: string }>;
  return Object.entries(catalog)
    .filter(([name]) => !name.startsWith('$'))
    .flatMap(([name, entry]) => (entry.key ? [entry.key, name] : [name]));
}

async function hoverOn(memo: string, word: string): Promise<string> {
  const { api } = await indexedApi();
  assert.ok(api.client.initializeResult?.capabilities.hoverProvider, 'the server does not announce hoverProvider');
  const editor = await openMemo(memo);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, positionOf(editor.document, word));
  return hoverText(hovers);
}

function assertNamesASource(text: string): void {
  assert.ok(
    seedSources().some((s) => text.includes(s)),
    `no seed key or file name in the hover:\n${text}`,
  );
}

describe('hover', () => {
  it('on "Mythos" in an English memo shows the entity, what the sources say and a source', async () => {
    const text = await hoverOn('memo-en.md', 'Mythos');
    assert.match(text, /Claude Mythos 5/);
    assertNamesASource(text);
  });

  it('on "商務省" in a Japanese memo shows the Department of Commerce and a source', async () => {
    const text = await hoverOn('memo-ja.md', '商務省');
    assert.match(text, /Department of Commerce/);
    assert.match(text, /商務省/);
    assertNamesASource(text);
  });

  it('on an ordinary word shows nothing of ours', async () => {
    const text = await hoverOn('memo-en.md', 'dispute');
    assert.doesNotMatch(text, /Claude Mythos 5|Department of Commerce|mentioned in/);
  });
});
