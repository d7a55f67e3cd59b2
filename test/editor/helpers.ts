// What the editor tests share: the extension's API once indexed, and memos opened from the
// workspace copy the runner made.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/extension';
import type { IndexStatus } from '../../server/protocol';

export const EXTENSION_ID = 'ai-policy-claims.ai-policy-claims';

/** Activates the extension and waits for the server's `ready` status (a signal, not a sleep). */
export async function indexedApi(): Promise<{ api: ExtensionApi; status: IndexStatus }> {
  const extension = vscode.extensions.getExtension<ExtensionApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not installed in this editor`);
  const api = await extension.activate();
  assert.ok(api, 'the extension activated but returned no API (did the server fail to start? see its log)');
  const status = await api.whenIndexed();
  return { api, status };
}

export function memoUri(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the editor opened no workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openMemo(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(memoUri(name));
  return vscode.window.showTextDocument(doc);
}

/** The position of the first occurrence of `word` (plus `offset` characters) in the document. */
export function positionOf(doc: vscode.TextDocument, word: string, offset = 1): vscode.Position {
  const at = doc.getText().indexOf(word);
  assert.ok(at >= 0, `"${word}" is not in ${doc.uri.path}`);
  return doc.positionAt(at + offset);
}

/** The Markdown text of hovers, joined, as a user would read them. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

/** A new untitled Markdown memo with `content`, shown in the editor. */
export async function untitledMemo(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
  return vscode.window.showTextDocument(doc);
}

/** Puts the cursor (an empty selection) at `position`, or selects `range`. */
export function placeCursor(editor: vscode.TextEditor, at: vscode.Position | vscode.Range): void {
  const range = at instanceof vscode.Range ? at : new vscode.Range(at, at);
  editor.selection = new vscode.Selection(range.start, range.end);
}

/** The text of a file of the workspace copy, as it is on disk now. */
export async function readWorkspaceFile(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(memoUri(name)));
}
