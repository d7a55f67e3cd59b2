// Catalog metadata of a document: what the text itself reveals (title, author byline, the
// platform's furniture, URLs, dates), corrected by a sidecar `catalog.json` in the corpus folder.
import type { ParsedDocument } from './parse';
import type { CatalogEntry } from './types';

/** The sidecar file: file name (relative to the folder) → fields that override the inferred ones. */
export type CatalogSidecar = Record<string, Partial<CatalogEntry>>;

export const SIDECAR_NAME = 'catalog.json';

// Platforms recognisable from their page furniture.
const OUTLET_HINTS: Array<[RegExp, string]> = [
  [/^Follow topics and authors from this story/, 'The Verge'],
  [/min read|Press enter or click to view image/, 'Medium'],
  [/^Subscribe now$|^Share$/, 'Substack'],
];

export function parseSidecar(json: string, path: string): CatalogSidecar {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new Error(`${path}: expected an object mapping file names to catalog fields`);
  }
  const out: CatalogSidecar = {};
  for (const [name, value] of Object.entries(data as Record<string, unknown>)) {
    if (name.startsWith('$')) continue;
    if (!value || typeof value !== 'object') throw new Error(`${path}: entry "${name}" must be an object`);
    const entry: Partial<CatalogEntry> = {};
    for (const field of ['title', 'key', 'outlet', 'author', 'date', 'url'] as const) {
      const v = (value as Record<string, unknown>)[field];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw new Error(`${path}: "${name}".${field} must be a string`);
      entry[field] = v;
    }
    out[name] = entry;
  }
  return out;
}

export function inferCatalog(doc: ParsedDocument, content: string): Omit<CatalogEntry, 'key'> {
  const entry: Omit<CatalogEntry, 'key'> = { title: doc.title };
  if (doc.authors.length) entry.author = doc.authors.join(' and ');
  for (const [re, outlet] of OUTLET_HINTS) {
    if (doc.furniture.some((line) => re.test(line)) || (outlet === 'Medium' && /\d+ min read/.test(content))) {
      entry.outlet = outlet;
      break;
    }
  }
  const url = /^(?:url|source|link):\s*(https?:\/\/\S+)/im.exec(content) ?? /^<?(https?:\/\/[^\s>]+)>?$/m.exec(content);
  if (url) entry.url = url[1];
  const date = /^(?:date|published):\s*(\d{4}-\d{2}(?:-\d{2})?)/im.exec(content);
  if (date) entry.date = date[1];
  return entry;
}

/** A readable, stable key: author family name or outlet, year, and a Latin word of the title. */
export function baseKey(entry: Omit<CatalogEntry, 'key'>, fileName: string): string {
  const slug = (s: string) => s.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '');
  const who = entry.author ? entry.author.split(/\s+and\s+/)[0].split(/\s+/).pop()! : entry.outlet ?? '';
  const year = entry.date?.slice(0, 4) ?? '';
  const word = /[A-Za-z][A-Za-z0-9]{3,}/.exec(entry.title)?.[0] ?? '';
  const key = slug(who) + year + slug(word);
  return key || slug(fileName.replace(/\.[^.]+$/, '')) || 'source';
}

// A Pandoc citation key: letters, digits and `_`, with punctuation only inside (citations/keys.ts).
const PANDOC_KEY = /^[\p{L}\p{N}_]+(?:[:.#$%&\-+?~/]+[\p{L}\p{N}_]+)*$/u;

/**
 * A key from catalog.json as it can be written in `[@key]`: kept when it is a Pandoc key, else
 * with the characters that are not allowed left out (a key `x](command:y)` would otherwise go
 * into the memo raw); undefined when nothing usable is left.
 */
export function citableKey(key: string): string | undefined {
  const trimmed = key.normalize('NFKC').trim();
  if (PANDOC_KEY.test(trimmed)) return trimmed;
  const kept = trimmed.replace(/[^\p{L}\p{N}_:.#$%&\-+?~/]+/gu, '').replace(/^[^\p{L}\p{N}_]+|[^\p{L}\p{N}_]+$/gu, '');
  return PANDOC_KEY.test(kept) ? kept : undefined;
}

/** Gives every document a unique key; collisions get `a`, `b`… in a stable (path) order. */
export function assignKeys(entries: Array<{ entry: Omit<CatalogEntry, 'key'> & { key?: string }; name: string }>): string[] {
  const keys = entries.map(({ entry, name }) => (entry.key !== undefined ? citableKey(entry.key) : undefined) ?? baseKey(entry, name));
  const seen = new Map<string, number>();
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return keys.map((k) => {
    if (counts.get(k) === 1) return k;
    const n = seen.get(k) ?? 0;
    seen.set(k, n + 1);
    return k + String.fromCharCode(97 + (n % 26)) + (n >= 26 ? Math.floor(n / 26) : '');
  });
}
