// Find Sources for Claim: the selection (or the sentence at the cursor) against the corpus. The
// picker's title gives the verdict and the conflicting values; moving through the passages
// previews each beside the memo, highlighted; choosing one opens it; an item button cites it.
import * as vscode from 'vscode';
import { citationOffset } from '../server/core/text';
import { FindSourcesRequest, type CitationStyle, type FindSourcesResponse } from '../server/protocol';
import type { ExtensionApi } from './extension';
import { insertCitationAt, type InsertCitationResult } from './insertCitation';
import { configuredStyle, passageItem, toRange, verdictTitle, type PassageItem } from './labels';
import { closePreviewsSince, openTabUris, type PassageHighlighter } from './preview';

/** Skips the picker (tests): `pick` opens that source, or cites it when `cite` is set. */
export interface FindSourcesOptions {
  pick?: number;
  cite?: boolean;
  style?: CitationStyle;
}

export interface FindSourcesOutcome {
  answer: FindSourcesResponse;
  opened?: vscode.TextEditor;
  cited?: InsertCitationResult;
}

export async function findSourcesCommand(api: ExtensionApi, highlighter: PassageHighlighter, options: FindSourcesOptions = {}): Promise<FindSourcesOutcome | undefined> {
  const memo = vscode.window.activeTextEditor;
  if (!memo) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select a sentence or put the cursor in one.'));
    return undefined;
  }
  const s = memo.selection;
  const answer = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Finding sources…') }, () =>
    api.client.sendRequest(FindSourcesRequest, {
      uri: memo.document.uri.toString(),
      position: { line: s.active.line, character: s.active.character },
      ...(s.isEmpty ? {} : { range: { start: { line: s.start.line, character: s.start.character }, end: { line: s.end.line, character: s.end.character } } }),
      top: 8,
    }),
  );
  if (!answer) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No claim sentence at the cursor.'));
    return undefined;
  }
  if (answer.sources.length === 0) {
    void vscode.window.showInformationMessage(`${verdictTitle(answer)}: ${answer.claim}`);
    return { answer };
  }
  const items = sourceItems(answer);
  const style = options.style ?? configuredStyle(memo.document.uri);
  const citeAt = answer.claimRange ? citationPlace(memo.document, toRange(answer.claimRange)) : s.end;
  if (options.pick !== undefined) {
    const item = items[options.pick];
    if (!item) throw new Error(`no source at index ${options.pick} (${items.length} listed)`);
    if (options.cite) return { answer, cited: await insertCitationAt(api, memo, item.source, style, citeAt) };
    return { answer, opened: await open(highlighter, item) };
  }
  const chosen = await pickSource(highlighter, answer, items);
  if (!chosen) return { answer };
  if (chosen.cite) {
    await vscode.window.showTextDocument(memo.document, memo.viewColumn);
    return { answer, cited: await insertCitationAt(api, memo, chosen.item.source, style, citeAt) };
  }
  return { answer, opened: await open(highlighter, chosen.item) };
}

/** Where a citation for the claim goes: the rule the quick fix follows too (the server's text layer). */
function citationPlace(doc: vscode.TextDocument, claim: vscode.Range): vscode.Position {
  return doc.positionAt(doc.offsetAt(claim.start) + citationOffset(doc.getText(claim)));
}

function sourceItems(answer: FindSourcesResponse): PassageItem[] {
  return answer.sources.map((source, i) => {
    const conflicts = answer.conflicts.filter((c) => c.passage === source.id);
    const icon = conflicts.length > 0 ? 'error' : source.id === answer.evidence ? 'pass' : 'quote';
    const item = passageItem(source, answer.uris[i], icon);
    if (conflicts.length > 0) {
      item.description = conflicts.map((c) => vscode.l10n.t('The memo says {0}; the source says {1}.', c.claimValue, c.sourceValue)).join(' ');
    }
    return item;
  });
}

function open(highlighter: PassageHighlighter, item: PassageItem): Promise<vscode.TextEditor> {
  return highlighter.show(vscode.Uri.parse(item.uri), toRange(item.source.range), { preserveFocus: false, preview: false, viewColumn: vscode.ViewColumn.Beside });
}

function pickSource(highlighter: PassageHighlighter, answer: FindSourcesResponse, items: PassageItem[]): Promise<{ item: PassageItem; cite: boolean } | undefined> {
  const pick = vscode.window.createQuickPick<PassageItem>();
  const citeButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('quote'), tooltip: vscode.l10n.t('Insert citation for this passage') };
  pick.title = verdictTitle(answer);
  pick.placeholder = answer.claim;
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.items = items.map((i) => ({ ...i, alwaysShow: false, buttons: [citeButton] }));
  const before = openTabUris();
  let settled = false;
  return new Promise((resolve) => {
    const finish = (value: { item: PassageItem; cite: boolean } | undefined) => {
      settled = true;
      resolve(value);
      pick.hide();
    };
    pick.onDidChangeActive((active) => {
      const item = active[0];
      if (!item) return;
      void highlighter.show(vscode.Uri.parse(item.uri), toRange(item.source.range), { preserveFocus: true, preview: true, viewColumn: vscode.ViewColumn.Beside });
    });
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (item) finish({ item, cite: false });
    });
    pick.onDidTriggerItemButton((e) => finish({ item: e.item, cite: true }));
    pick.onDidHide(() => {
      if (!settled) {
        // Cancelled: take away the previews this picker opened.
        highlighter.clear();
        void closePreviewsSince(before);
        resolve(undefined);
      }
      pick.dispose();
    });
    pick.show();
  });
}
