// Pandoc citations in a memo: `[@key]`, `[@key, ¶3]`, `[see @a; -@b p. 4]`, in-text `@key`
// and `@key [p. 33]`, and braced keys `@{odd key}`.
import type { Range } from '../types';
import { frontMatterLength } from './frontMatter';
import { LineIndex } from '../text';

export interface CitationKeyUse {
  key: string;
  /** Range of the key itself (without `@` or braces), e.g. for a diagnostic or a rename. */
  range: Range;
  /** Pinpoint such as `¶3`, `p. 4`, `pp. 33-35`, when the citation gives one. */
  locator?: string;
}

// Pandoc: a key starts with a letter, digit or `_`; punctuation is allowed only inside it, so
// `@doe99.` at the end of a sentence cites `doe99`.
const KEY = String.raw`[\p{L}\p{N}_]+(?:[:.#$%&\-+?<>~/]+[\p{L}\p{N}_]+)*`;
const ITEM = new RegExp(String.raw`(-?)@(?:\{([^{}\r\n]+)\}|(${KEY}))`, 'gu');
// A character before `@` that makes it part of a word: an e-mail address (`a@b.org`), a handle
// in a URL (`x.com/@user`) or an escaped `\@`.
const WORDISH = /[\p{L}\p{N}_.%+\-/:=@\\]/u;
const LOCATOR = /^[\s,]*((?:[^\s\d,;\]]{1,12}\s*)?\d+(?:\s*[-–]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–]\s*\d+)?)*)/u;

export function parseCitationKeys(memoText: string): CitationKeyUse[] {
  const text = maskNonProse(memoText);
  const lines = new LineIndex(memoText);
  const uses: { offset: number; use: CitationKeyUse }[] = [];
  const inGroups = new Set<number>();

  for (const group of bracketGroups(text)) {
    for (const item of citeItems(text, group.start, group.end)) {
      inGroups.add(item.at);
      const tail = text.slice(item.keyEnd + (item.braced ? 1 : 0), nextSeparator(text, item.keyEnd, group.end));
      uses.push({ offset: item.at, use: makeUse(item, lines, locatorOf(tail)) });
    }
  }
  for (const item of citeItems(text, 0, text.length)) {
    if (inGroups.has(item.at) || item.suppress) continue;
    const after = /^ ?\[([^[\]@\r\n]*)\]/.exec(text.slice(item.keyEnd + (item.braced ? 1 : 0)));
    uses.push({ offset: item.at, use: makeUse(item, lines, after ? locatorOf(after[1]) : undefined) });
  }
  return uses.sort((a, b) => a.offset - b.offset).map((u) => u.use);
}

interface CiteItem {
  /** Offset of the `@`. */
  at: number;
  keyStart: number;
  keyEnd: number;
  key: string;
  braced: boolean;
  suppress: boolean;
}

function* citeItems(text: string, from: number, to: number): Generator<CiteItem> {
  ITEM.lastIndex = from;
  for (let m = ITEM.exec(text); m && m.index < to; m = ITEM.exec(text)) {
    const before = text[m.index - 1];
    if (before !== undefined && WORDISH.test(before)) continue;
    const at = m.index + m[1].length;
    const key = m[2] ?? m[3];
    const keyStart = at + 1 + (m[2] !== undefined ? 1 : 0);
    if (keyStart + key.length > to) continue;
    yield { at, keyStart, keyEnd: keyStart + key.length, key, braced: m[2] !== undefined, suppress: m[1] === '-' };
  }
}

/** `[ … ]` spans with no nested brackets and no blank line, that are not link texts. */
function* bracketGroups(text: string): Generator<{ start: number; end: number }> {
  const group = /\[([^[\]]*)\]/g;
  for (let m = group.exec(text); m; m = group.exec(text)) {
    if (/(?:\r?\n|\r)[ \t]*(?:\r?\n|\r)/.test(m[1])) continue;
    if (text[m.index - 1] === '!' || /[([]/.test(text[m.index + m[0].length] ?? '')) continue;
    if (m[1].startsWith('^')) continue;
    yield { start: m.index + 1, end: m.index + m[0].length - 1 };
  }
}

function nextSeparator(text: string, from: number, end: number): number {
  const semi = text.indexOf(';', from);
  return semi >= 0 && semi < end ? semi : end;
}

function locatorOf(tail: string): string | undefined {
  const m = LOCATOR.exec(tail);
  return m ? m[1].trim() : undefined;
}

function makeUse(item: CiteItem, lines: LineIndex, locator: string | undefined): CitationKeyUse {
  const use: CitationKeyUse = { key: item.key, range: lines.range(item.keyStart, item.keyEnd) };
  if (locator) use.locator = locator;
  return use;
}

/**
 * Blank out (keeping offsets and line breaks) the parts of a memo where `@` is not a citation:
 * front matter, fenced and inline code, and autolinks.
 */
export function maskNonProse(memoText: string): string {
  const blank = (s: string) => s.replace(/[^\r\n]/g, ' ');
  const head = frontMatterLength(memoText);
  let text = blank(memoText.slice(0, head)) + memoText.slice(head);
  text = text.replace(/^([ \t]{0,3})(`{3,}|~{3,})[^\r\n]*[\s\S]*?(?:^[ \t]{0,3}\2[`~]*[ \t]*\r?$|(?![\s\S]))/gm, blank);
  text = text.replace(/(`+)(?!`)[\s\S]*?(?<!`)\1(?!`)/g, blank);
  text = text.replace(/<[a-z][a-z0-9+.-]*:[^\s<>]*>/gi, blank);
  return text;
}
