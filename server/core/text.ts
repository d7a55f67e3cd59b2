// Language-aware text utilities: folding, language detection, sentence splitting.
import type { Lang } from './types';

/** Fold width, compatibility forms and case: `Ｆａｂｌｅ５` → `fable5`. */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Fold `text` character by character and keep, for each folded UTF-16 unit, the offset of the
 * original unit it came from, so that a match in folded text maps back to an exact range.
 */
export function foldWithMap(text: string): { folded: string; map: number[] } {
  let folded = '';
  const map: number[] = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const piece = String.fromCodePoint(cp).normalize('NFKC').toLowerCase();
    for (let k = 0; k < piece.length; k++) map.push(i);
    folded += piece;
    i += width;
  }
  map.push(text.length);
  return { folded, map };
}

function isCjkCode(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff66 && c <= 0xff9f)
  );
}

function isLatinCode(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f);
}

export function countCjk(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (isCjkCode(text.charCodeAt(i))) n++;
  return n;
}

/**
 * Language of a line or sentence. Japanese text routinely embeds Latin names (`Anthropic の
 * Mythos`), so one CJK character is weighed as several Latin letters.
 */
export function detectLang(text: string): Lang | undefined {
  let cjk = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isCjkCode(c)) cjk++;
    else if (isLatinCode(c)) latin++;
  }
  if (cjk === 0 && latin === 0) return undefined;
  return cjk * 4 >= latin ? 'ja' : 'en';
}

export function isCjkChar(ch: string): boolean {
  return ch.length > 0 && isCjkCode(ch.charCodeAt(0));
}

export interface Span {
  start: number;
  end: number;
  /** A subheading glued to the text around it (`…a letter.What the letter actually saidOn the evening…`). */
  heading?: boolean;
}

// Abbreviations after which a period does not end an English sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'co',
  'corp', 'ltd', 'no', 'u.s', 'u.k', 'u.n', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug',
  'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'sen', 'rep', 'gov', 'approx',
]);

const CLOSERS = '"\'”’」』)）]】*';

/**
 * Split a line into sentence spans (offsets into `line`), trimmed of surrounding spaces.
 * Handles Japanese `。！？`, English `.!?` before a capital, and sentences glued without a space
 * (`to me.It is`) as in pages whose paragraphs were flattened onto one line.
 */
export function splitSentences(line: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  // Whether the current sentence began right after the previous one, with no space between:
  // the sign of text scraped without its line breaks, where subheadings are glued in too.
  let glued = false;
  const push = (end: number, heading = false) => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(line[s])) s++;
    while (e > s && /\s/.test(line[e - 1])) e--;
    if (e > s) spans.push({ start: s, end: e, ...(heading ? { heading } : {}) });
    start = end;
    glued = end < line.length && !/\s/.test(line[end]);
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (glued && isGluedHeadingEnd(line, start, i)) {
      push(i, true);
      continue;
    }
    if (ch === '。' || ch === '！' || ch === '？' || ch === '!' || ch === '?' || ch === '.') {
      let j = i + 1;
      if (ch === '.' || ch === '!' || ch === '?') {
        while (j < line.length && (line[j] === '.' || line[j] === '!' || line[j] === '?')) j++;
      }
      while (j < line.length && CLOSERS.includes(line[j])) j++;
      if (j >= line.length) break;
      if (ch === '。' || ch === '！' || ch === '？') {
        push(j);
        i = j - 1;
        continue;
      }
      if (isEnglishBoundary(line, i, j)) {
        push(j);
        i = j - 1;
      }
    }
  }
  push(line.length);
  return spans;
}

/**
 * In glued text, `…saidOn the evening` ends a subheading at `O`: a lowercase word of two letters
 * or more runs straight into a capitalised one, a few words after the sentence began. Names like
 * `McDonald` or `iPhone` do not qualify (their first part is not a lowercase word); only text
 * that is already glued is looked at, so a camelCase word in ordinary spaced prose is safe.
 */
function isGluedHeadingEnd(line: string, start: number, i: number): boolean {
  if (!/[A-Z]/.test(line[i]) || !/[a-z]/.test(line[i + 1] ?? '') || !/[a-z]/.test(line[i - 1] ?? '')) return false;
  const segment = line.slice(start, i);
  if (segment.length > 120 || segment.trim().split(/\s+/).length < 2) return false;
  return /(?:^|\s)[a-z]{2,}$/.test(segment);
}

function isEnglishBoundary(line: string, dot: number, after: number): boolean {
  const next = line[after];
  const spaced = /\s/.test(next);
  let k = after;
  while (k < line.length && /\s/.test(line[k])) k++;
  const first = line[k];
  if (first === undefined) return false;
  const startsSentence = /[A-Z"“‘'(\[0-9\u3040-\u30ff\u4e00-\u9fff]/.test(first);
  if (!startsSentence) return false;
  if (line[dot] === '.') {
    const word = /([A-Za-z.]+)$/.exec(line.slice(Math.max(0, dot - 12), dot))?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word)) return false;
    // Initials (`J. Smith`) and decimals (`5.5`) do not end sentences.
    if (/^[a-z]$/i.test(word) && spaced) return false;
    if (/[0-9]/.test(line[dot - 1] ?? '') && /[0-9]/.test(next)) return false;
    if (!spaced) {
      // Glued sentences: `me.It`, `motive.I have`, but not `U.S.A` or `Node.js`.
      return /[a-z)"”’]/.test(line[dot - 1] ?? '') && /[A-Z“"]/.test(next) && (/[a-z]/.test(line[after + 1] ?? '') || (next === 'I' && line[after + 1] === ' '));
    }
  }
  return spaced || /[“"‘]/.test(next);
}

/** Levenshtein distance: the fewest single-letter edits that turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}
