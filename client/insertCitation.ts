// Insert Citation: pick a claim of the corpus (searched on the server as the user types; with a
// selection, the selection's best sources first) and insert its citation at the cursor in the
// configured style. The server computes the edits and writes the bibliography.
import * as vscode from 'vscode';
import {
  CitationRequest,
  FindSourcesRequest,
  SearchClaimsRequest,
  type CitationResponse,
  type CitationStyle,
  type ClaimItem,
  type SourceView,
} from '../server/protocol';
import type { ExtensionApi } from './extension';
import { liveSearch } from './liveSearch';
import { CITATION_STYLES } from '../server/core/types';
import { inertLinks } from '../server/core/citations/markdown';
import { configuredStyle, passageItem, styleLabel, type PassageItem } from './labels';

/** Skips the picker (tests, other commands): `query` is searched, `pick` chooses an item (0 = first). */
export interface InsertCitationOptions {
  query?: string;
  pick?: number;
  style?: CitationStyle;
  /** Cite this passage directly. */
  passageId?: number;
}

export interface InsertCitationResult {
  passageId: number;
  style: CitationStyle;
  /** The text of each edit applied to the memo. */
  inserted: string[];
  bibliography?: CitationResponse['bibliography'];
}

export async function insertCitationCommand(api: ExtensionApi, options: InsertCitationOptions = {}): Promise<InsertCitationResult | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a memo to insert a citation.'));
    return undefined;
  }
  const style = options.style ?? configuredStyle(editor.document.uri);
  if (options.passageId !== undefined) return insertCitationAt(api, editor, options.passageId, style);
  const best = editor.selection.isEmpty ? [] : await bestSources(api, editor);
  if (options.pick !== undefined || options.query !== undefined) {
    const items = merge(best, options.query !== undefined ? await searchClaims(api, options.query) : []);
    const chosen = items[options.pick ?? 0];
    if (!chosen) throw new Error(`no claim at index ${options.pick ?? 0} (${items.length} listed)`);
    return insertCitationAt(api, editor, chosen.source, style);
  }
  const chosen = await pickClaim(api, best, style);
  return chosen ? insertCitationAt(api, editor, chosen.item.source, chosen.style) : undefined;
}

/**
 * Asks the server for the citation and applies it to the version of the memo it was computed
 * for; if the user typed in between, asks again.
 */
export async function insertCitationAt(
  api: ExtensionApi,
  editor: vscode.TextEditor,
  cited: number | Pick<SourceView, 'id' | 'path' | 'range'>,
  style: CitationStyle,
  at?: vscode.Position,
): Promise<InsertCitationResult | undefined> {
  const passageId = typeof cited === 'number' ? cited : cited.id;
  // Where the passage was listed: the server finds it again there if the corpus was re-indexed since.
  const source = typeof cited === 'number' ? undefined : { path: cited.path, start: cited.range.start };
  const doc = editor.document;
  for (let attempt = 0; attempt < 3; attempt++) {
    const position = at ?? editor.selection.end;
    const response = await api.client.sendRequest(CitationRequest, {
      uri: doc.uri.toString(),
      position: { line: position.line, character: position.character },
      passageId,
      ...(source ? { source } : {}),
      style,
    });
    if (response.version !== doc.version) continue;
    const edit = new vscode.WorkspaceEdit();
    for (const e of response.edits) {
      edit.replace(doc.uri, new vscode.Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
    }
    if (!(await vscode.workspace.applyEdit(edit))) break;
    placeCursorAfter(editor, response);
    report(response);
    return { passageId, style: response.style, inserted: response.edits.map((e) => e.newText), bibliography: response.bibliography };
  }
  void vscode.window.showWarningMessage(vscode.l10n.t('The memo changed while the citation was prepared; nothing was inserted. Try again.'));
  return undefined;
}

// The marker is one line of text; the cursor goes right after it so the writer can go on typing.
function placeCursorAfter(editor: vscode.TextEditor, response: CitationResponse): void {
  const marker = response.edits[0];
  if (!marker || marker.newText.includes('\n') || vscode.window.activeTextEditor?.document !== editor.document) return;
  const end = new vscode.Position(marker.range.start.line, marker.range.start.character + marker.newText.length);
  editor.selection = new vscode.Selection(end, end);
}

function report(response: CitationResponse): void {
  const bib = response.bibliography;
  if (bib?.error) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Could not write the bibliography: {0}', inertLinks(bib.error)));
  } else if (response.message) {
    void vscode.window.showWarningMessage(inertLinks(response.message));
  } else if (bib?.added) {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Bibliography updated: {0}', vscode.workspace.asRelativePath(bib.path)), 5000);
  } else {
    vscode.window.setStatusBarMessage(vscode.l10n.t('Citation inserted.'), 3000);
  }
}

async function bestSources(api: ExtensionApi, editor: vscode.TextEditor): Promise<PassageItem[]> {
  const s = editor.selection;
  const answer = await api.client.sendRequest(FindSourcesRequest, {
    uri: editor.document.uri.toString(),
    range: { start: { line: s.start.line, character: s.start.character }, end: { line: s.end.line, character: s.end.character } },
    top: 5,
  });
  return answer ? answer.sources.map((source, i) => passageItem(source, answer.uris[i], 'star-full')) : [];
}

async function searchClaims(api: ExtensionApi, query: string, token?: vscode.CancellationToken): Promise<PassageItem[]> {
  const items: ClaimItem[] = await api.client.sendRequest(SearchClaimsRequest, { query, limit: 100 }, token);
  return items.map((item) => passageItem(item, item.uri));
}

function merge(best: PassageItem[], found: PassageItem[]): PassageItem[] {
  const seen = new Set(best.map((i) => i.source.id));
  return [...best, ...found.filter((i) => !seen.has(i.source.id))];
}

/** The picker a person uses: server-side search as they type, and a button to change the style. */
function pickClaim(api: ExtensionApi, best: PassageItem[], initialStyle: CitationStyle): Promise<{ item: PassageItem; style: CitationStyle } | undefined> {
  const pick = vscode.window.createQuickPick<PassageItem | vscode.QuickPickItem>();
  let style = initialStyle;
  const styleButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: vscode.l10n.t('Change the citation style') };
  const retitle = () => (pick.title = vscode.l10n.t('Insert citation — {0}', styleLabel(style)));
  retitle();
  pick.placeholder = vscode.l10n.t('Type to search claims (Japanese or English)');
  pick.matchOnDescription = false;
  pick.matchOnDetail = false;
  pick.buttons = [styleButton];
  const live = liveSearch(pick, async (query, token) => sections(best, best.length > 0 && !query.trim() ? [] : await searchClaims(api, query, token)));
  return new Promise((resolve) => {
    pick.onDidTriggerButton((button) => {
      if (button !== styleButton) return;
      style = CITATION_STYLES[(CITATION_STYLES.indexOf(style) + 1) % CITATION_STYLES.length];
      retitle();
    });
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (!item || !('source' in item)) return;
      resolve({ item, style });
      pick.hide();
    });
    pick.onDidHide(() => {
      live.stop();
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
    void live.refresh('');
  });
}

function sections(best: PassageItem[], found: PassageItem[]): Array<PassageItem | vscode.QuickPickItem> {
  const rest = merge(best, found).slice(best.length);
  const items: Array<PassageItem | vscode.QuickPickItem> = [];
  if (best.length > 0) items.push({ label: vscode.l10n.t('Best sources for the selection'), kind: vscode.QuickPickItemKind.Separator }, ...best);
  if (rest.length > 0) items.push({ label: vscode.l10n.t('Claims'), kind: vscode.QuickPickItemKind.Separator }, ...rest);
  if (items.length === 0) items.push({ label: vscode.l10n.t('No matching claims.'), alwaysShow: true });
  return items;
}
