// How the client names roles, languages, verdicts and styles, and turns a passage into a quick
// pick item. Source text goes into labels as plain text (quick picks render no Markdown).
import * as vscode from 'vscode';
import type { CitationStyle, FindSourcesResponse, SourceView } from '../server/protocol';
import { LANGUAGE_NAMES, ROLE_LABELS } from '../server/core/text';
import { CITATION_STYLES, type Lang, type Range, type Role } from '../server/core/types';
import { whereFrom, type WhereLabels } from './whereFrom';

/** Role and language names come from the server's table, in the editor's display language. */
function uiLang(): Lang {
  return vscode.env.language.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function roleLabel(role: Role): string {
  return ROLE_LABELS[uiLang()][role].short;
}

export function langLabel(lang: Lang): string {
  return LANGUAGE_NAMES[uiLang()][lang];
}

export function styleLabel(style: CitationStyle): string {
  switch (style) {
    case 'pandoc':
      return vscode.l10n.t('Pandoc [@key]');
    case 'footnote':
      return vscode.l10n.t('Footnote [^n]');
    case 'plain':
      return vscode.l10n.t('Plain (Title, Outlet, Date)');
  }
}


/** The style setting for a memo, falling back to Pandoc on a value of the wrong kind. */
export function configuredStyle(uri: vscode.Uri): CitationStyle {
  const value = vscode.workspace.getConfiguration('aiPolicyClaims', uri).get<string>('citation.style');
  return CITATION_STYLES.find((s) => s === value) ?? 'pandoc';
}

/** "Contradicted — the memo says June 30; the source says July 1." */
export function verdictTitle(answer: FindSourcesResponse): string {
  const verdict =
    answer.verdict === 'supported'
      ? vscode.l10n.t('Supported')
      : answer.verdict === 'contradicted'
        ? vscode.l10n.t('Contradicted')
        : vscode.l10n.t('No source found');
  const conflicts = answer.conflicts.map((c) => vscode.l10n.t('The memo says {0}; the source says {1}.', c.claimValue, c.sourceValue));
  const title = conflicts.length > 0 ? `${verdict} — ${conflicts.join(' ')}` : verdict;
  return answer.partial ? `${title} ${partialNote(answer.partial)}` : title;
}

/** Said beside an answer given while the index is still being built. */
export function partialNote(partial: { documents: number; total: number }): string {
  return vscode.l10n.t('(indexing: from {0} of {1} documents so far)', partial.documents.toLocaleString(), partial.total.toLocaleString());
}

export interface PassageItem extends vscode.QuickPickItem {
  source: SourceView;
  uri: string;
}

const WHERE_LABELS: WhereLabels = { role: roleLabel, lang: langLabel, quoting: (speaker) => vscode.l10n.t('quoting {0}', speaker) };

/** The passage's text on the first line; where it comes from (title, role, speaker, date, language) on the second. */
export function passageItem(source: SourceView, uri: string, icon = 'quote'): PassageItem {
  return {
    label: `$(${icon}) ${oneLine(shorten(source.text, 200))}`,
    detail: oneLine(whereFrom(source, WHERE_LABELS)),
    // The server ranks (fuse.js, typo-tolerant, no 60-character limit); VS Code must not
    // filter the list again by its own label matching.
    alwaysShow: true,
    source,
    uri,
  };
}

export function toRange(r: Range): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

// `$(name)` in source text would render as an icon in a quick pick label: break the syntax.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\$\(/g, '$\u200b(').trim();
}
