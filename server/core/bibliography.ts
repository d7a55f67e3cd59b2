// The text of a CSL-JSON bibliography: its entries, and the same text with new entries added
// without touching a byte of the old ones. Reading and writing the file is the host's
// (server/host/bibliography.ts).
import * as path from 'node:path';
import type { CslItem } from './citations';

export interface BibliographyEntry {
  id: string;
  title?: string;
}

/** The entries (id and title) of a bibliography's text, in file order. */
export function bibliographyEntries(file: string, text: string): BibliographyEntry[] {
  return parseEntries(file, text).flatMap((entry) => {
    const id = idOf(entry);
    if (id === undefined) return [];
    const title = (entry as { title?: unknown }).title;
    return [{ id, ...(typeof title === 'string' ? { title } : {}) }];
  });
}

/** The bibliography's text with the items it lacks added (`text` undefined: no file yet). */
export function withEntries(file: string, text: string | undefined, items: CslItem[]): { next?: string; added: string[]; kept: number } {
  const entries = text === undefined ? [] : parseEntries(file, text);
  const known = new Set(idsOf(entries));
  const fresh: CslItem[] = [];
  for (const item of items) {
    if (known.has(item.id)) continue;
    known.add(item.id);
    fresh.push(item);
  }
  const next = fresh.length === 0 ? undefined : entries.length === 0 || text === undefined ? freshArray(fresh) : appendEntries(text, fresh);
  return { ...(next !== undefined ? { next } : {}), added: fresh.map((i) => i.id), kept: entries.length };
}

export function assertCslJson(file: string): void {
  if (/\.(bib|bibtex|biblatex|ya?ml|ris)$/i.test(file)) {
    throw new Error(
      `Only CSL-JSON bibliographies (.json) are supported; ${path.basename(file)} is not one. ` +
        'Point the bibliography setting or the memo front matter at a .json file.',
    );
  }
}

export function parseEntries(file: string, text: string): unknown[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    // Node's message quotes the start of the input; a file's bytes are not echoed into the UI.
    const reason = (error as Error).message.replace(/,? ".*"(?:\.\.\.)? is not valid JSON$/s, '').slice(0, 80);
    throw new Error(`${file} is not valid JSON (${reason}); it was left unchanged.`);
  }
  if (!Array.isArray(data)) throw new Error(`${file} is not a CSL-JSON array of entries; it was left unchanged.`);
  return data;
}

export function idOf(entry: unknown): string | undefined {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export function idsOf(entries: unknown[]): string[] {
  return entries.flatMap((entry) => idOf(entry) ?? []);
}

export function freshArray(items: CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/**
 * Insert the new entries before the closing `]` of the existing text, leaving every byte of
 * the existing entries as the user wrote them (re-serialising would reformat numbers, escapes
 * and duplicate fields).
 */
export function appendEntries(text: string, items: CslItem[]): string {
  const body = text.replace(/\s+$/, '');
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const head = body.slice(0, -1).replace(/\s+$/, '');
  const added = items.map((item) => indent(JSON.stringify(item, null, 2), eol)).join(`,${eol}`);
  return `${head},${eol}${added}${eol}]${eol}`;
}

function indent(json: string, eol: string): string {
  return json
    .split('\n')
    .map((line) => `  ${line}`)
    .join(eol);
}
