// Search Claims: free text over every claim of the corpus, ranked on the server, with filters
// typed as `entity:`/`doc:`/`lang:`/`role:` prefixes or chosen from the filter button. Choosing a
// result opens its passage, highlighted.
import * as vscode from 'vscode';
import { SearchClaimsRequest, type ClaimItem } from '../server/protocol';
import type { ExtensionApi } from './extension';
import { LANGS, ROLES } from '../server/core/types';
import { liveSearch } from './liveSearch';
import { langLabel, partialNote, passageItem, roleLabel, toRange, type PassageItem } from './labels';
import type { PassageHighlighter } from './preview';

/** Skips the picker (tests): `query` is searched and `pick` opens that result (0 = first). */
export interface SearchClaimsOptions {
  query?: string;
  pick?: number;
}

export interface SearchClaimsResult {
  item: ClaimItem;
  opened: vscode.TextEditor;
}


export async function searchClaimsCommand(api: ExtensionApi, highlighter: PassageHighlighter, options: SearchClaimsOptions = {}): Promise<SearchClaimsResult | undefined> {
  if (options.query !== undefined || options.pick !== undefined) {
    const items = await search(api, options.query ?? '');
    const item = items[options.pick ?? 0];
    if (!item) throw new Error(`no claim at index ${options.pick ?? 0} for "${options.query ?? ''}" (${items.length} found)`);
    return { item: item.source as ClaimItem, opened: await open(highlighter, item) };
  }
  const chosen = await pickClaim(api);
  return chosen ? { item: chosen.source as ClaimItem, opened: await open(highlighter, chosen) } : undefined;
}

async function search(api: ExtensionApi, query: string, token?: vscode.CancellationToken): Promise<PassageItem[]> {
  const found: ClaimItem[] = await api.client.sendRequest(SearchClaimsRequest, { query, limit: 100 }, token);
  return found.map((item) => {
    const shown = passageItem(item, item.uri);
    if (item.entities.length > 0) shown.description = item.entities.join(', ');
    return shown;
  });
}

function open(highlighter: PassageHighlighter, item: PassageItem): Promise<vscode.TextEditor> {
  return highlighter.show(vscode.Uri.parse(item.uri), toRange(item.source.range), { preserveFocus: false, preview: false });
}

function pickClaim(api: ExtensionApi, initial = ''): Promise<PassageItem | undefined> {
  const pick = vscode.window.createQuickPick<PassageItem | vscode.QuickPickItem>();
  const filterButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('filter'), tooltip: vscode.l10n.t('Filter by entity, document, language or role') };
  pick.title = vscode.l10n.t('Search claims in the corpus');
  pick.placeholder = vscode.l10n.t('Type to search claims; filters: entity:Mythos doc:NAME lang:ja role:original');
  pick.buttons = [filterButton];
  pick.value = initial;
  let shown: PassageItem[] = [];
  let choosingFilter = false;
  const live = liveSearch(pick, async (query, token) => {
    shown = await search(api, query, token);
    // During the first index the server answers from the documents indexed so far: the title says so.
    const answering = api.status()?.state === 'indexing' ? api.status()?.progress?.answering : undefined;
    pick.title = answering ? `${vscode.l10n.t('Search claims in the corpus')} ${partialNote({ documents: answering, total: api.status()!.progress!.total })}` : vscode.l10n.t('Search claims in the corpus');
    return shown.length > 0 ? shown : [{ label: vscode.l10n.t('No matching claims.'), alwaysShow: true }];
  });
  return new Promise((resolve) => {
    pick.onDidAccept(() => {
      const item = pick.selectedItems[0];
      if (!item || !('source' in item)) return;
      resolve(item);
      pick.hide();
    });
    pick.onDidTriggerButton(async () => {
      choosingFilter = true;
      const value = pick.value;
      pick.hide();
      const filter = await chooseFilter(shown);
      resolve(await pickClaim(api, filter ? `${value.trim()} ${filter}`.trim() + ' ' : value));
    });
    pick.onDidHide(() => {
      live.stop();
      if (!choosingFilter) resolve(undefined);
      pick.dispose();
    });
    pick.show();
    void live.refresh(initial);
  });
}

/** Filters to add: languages, roles, and the documents and entities of the current results. */
async function chooseFilter(results: PassageItem[]): Promise<string | undefined> {
  const quote = (v: string) => (/\s/.test(v) ? `"${v.replace(/"/g, '')}"` : v);
  const items: Array<vscode.QuickPickItem & { filter?: string }> = [
    { label: vscode.l10n.t('Language'), kind: vscode.QuickPickItemKind.Separator },
    ...LANGS.map((lang) => ({ label: langLabel(lang), description: `lang:${lang}`, filter: `lang:${lang}` })),
    { label: vscode.l10n.t('Role'), kind: vscode.QuickPickItemKind.Separator },
    ...ROLES.map((role) => ({ label: roleLabel(role), description: `role:${role}`, filter: `role:${role}` })),
  ];
  const docs = new Map<string, string>();
  const entities = new Set<string>();
  for (const r of results) {
    docs.set(r.source.doc, r.source.title);
    for (const e of (r.source as ClaimItem).entities ?? []) entities.add(e);
  }
  if (docs.size > 0) {
    items.push({ label: vscode.l10n.t('Document'), kind: vscode.QuickPickItemKind.Separator });
    for (const [doc, title] of docs) items.push({ label: title, description: `doc:${quote(doc)}`, filter: `doc:${quote(doc)}` });
  }
  if (entities.size > 0) {
    items.push({ label: vscode.l10n.t('Entity'), kind: vscode.QuickPickItemKind.Separator });
    for (const e of [...entities].sort()) items.push({ label: e, description: `entity:${quote(e)}`, filter: `entity:${quote(e)}` });
  }
  const chosen = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Filter by entity, document, language or role'), matchOnDescription: true });
  return chosen?.filter;
}
