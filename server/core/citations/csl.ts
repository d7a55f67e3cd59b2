// CSL-JSON entries for catalog documents, as Pandoc and Zotero read them.
import type { CatalogEntry } from '../types';

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  type: 'article-newspaper' | 'webpage' | 'article';
  title: string;
  'container-title'?: string;
  author?: CslName[];
  issued?: { 'date-parts': number[][] };
  URL?: string;
  note?: string;
}

// Platforms that host newsletters and blogs rather than edited publications.
const BLOG_PLATFORM = /substack|medium|blog|note\.com/i;

export function cslEntry(doc: CatalogEntry): CslItem {
  const item: CslItem = { id: doc.key, type: cslType(doc), title: doc.title };
  if (doc.outlet) item['container-title'] = doc.outlet;
  const author = doc.author ? cslNames(doc.author) : [];
  if (author.length > 0) item.author = author;
  const parts = doc.date ? dateParts(doc.date) : undefined;
  if (parts) item.issued = { 'date-parts': [parts] };
  if (doc.url) item.URL = doc.url;
  return item;
}

function cslType(doc: CatalogEntry): CslItem['type'] {
  if (doc.outlet && !BLOG_PLATFORM.test(doc.outlet)) return 'article-newspaper';
  if (doc.outlet || doc.url) return 'webpage';
  return 'article';
}

/**
 * Split an author field into CSL names. Western personal names become family/given so styles
 * can invert them; Japanese names, single words and organisations stay literal, because
 * guessing which part is the family name there would misprint them.
 */
export function cslNames(author: string): CslName[] {
  return author
    .split(/\s*;\s*|\s+and\s+|\s*、\s*/)
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .map(cslName);
}

const ORGANISATION = /\b(inc|ltd|llc|corp|team|staff|editors?|editorial|news|press|institute|university|agency|department|office|council|committee|foundation|group)\b/i;

function cslName(name: string): CslName {
  const inverted = /^([^,]+),\s*([^,]+)$/.exec(name);
  if (inverted && !ORGANISATION.test(name)) return { family: inverted[1].trim(), given: inverted[2].trim() };
  const words = name.split(/\s+/);
  const western = /^[\p{Script=Latin}.'’-]+$/u;
  if (words.length >= 2 && words.every((w) => western.test(w)) && !ORGANISATION.test(name)) {
    return { family: words[words.length - 1], given: words.slice(0, -1).join(' ') };
  }
  return { literal: name };
}

/** `2026-06-12` → [2026, 6, 12]; `2026-06` → [2026, 6]; anything unparseable → undefined. */
export function dateParts(date: string): number[] | undefined {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(date.trim());
  if (!m) return undefined;
  const parts = [Number(m[1])];
  if (m[2]) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return parts;
    parts.push(month);
    if (m[3]) {
      const day = Number(m[3]);
      if (day >= 1 && day <= 31) parts.push(day);
    }
  }
  return parts;
}
