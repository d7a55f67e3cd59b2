// Opens a source document at a passage and highlights it: as a preview while the user moves
// through a quick pick (focus stays in the picker), or for good when they choose it.
import * as vscode from 'vscode';

export interface ShowOptions {
  /** Keep focus where it is (previewing from a quick pick). */
  preserveFocus: boolean;
  /** Open as a preview tab that the next preview replaces. */
  preview: boolean;
  viewColumn?: vscode.ViewColumn;
}

export class PassageHighlighter implements vscode.Disposable {
  private readonly decoration = vscode.window.createTextEditorDecorationType({
    backgroundColor: new vscode.ThemeColor('editor.findMatchHighlightBackground'),
    border: '1px solid',
    borderColor: new vscode.ThemeColor('editor.findMatchHighlightBorder'),
    overviewRulerColor: new vscode.ThemeColor('editorOverviewRuler.findMatchForeground'),
    overviewRulerLane: vscode.OverviewRulerLane.Center,
  });
  private highlighted?: vscode.TextEditor;
  private readonly listener: vscode.Disposable;

  constructor() {
    // The highlight marks where the user arrived; it goes once they move on in that editor.
    this.listener = vscode.window.onDidChangeTextEditorSelection((e) => {
      if (e.textEditor === this.highlighted && e.kind !== undefined && e.kind !== vscode.TextEditorSelectionChangeKind.Command) this.clear();
    });
  }

  async show(uri: vscode.Uri, range: vscode.Range, options: ShowOptions): Promise<vscode.TextEditor> {
    const editor = await vscode.window.showTextDocument(uri, {
      selection: range,
      preserveFocus: options.preserveFocus,
      preview: options.preview,
      viewColumn: options.viewColumn,
    });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    this.clear();
    editor.setDecorations(this.decoration, [range]);
    this.highlighted = editor;
    return editor;
  }

  clear(): void {
    this.highlighted?.setDecorations(this.decoration, []);
    this.highlighted = undefined;
  }

  dispose(): void {
    this.listener.dispose();
    this.decoration.dispose();
  }
}

/** Tabs that are open now, so a picker can close only the previews it opened itself. */
export function openTabUris(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) uris.add(tab.input.uri.toString());
    }
  }
  return uris;
}

/** Closes the preview tabs of documents that were not open before (`before`). */
export async function closePreviewsSince(before: Set<string>): Promise<void> {
  const stale: vscode.Tab[] = [];
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.isPreview && tab.input instanceof vscode.TabInputText && !before.has(tab.input.uri.toString())) stale.push(tab);
    }
  }
  if (stale.length > 0) await vscode.window.tabGroups.close(stale, true);
}
