// A memo (Markdown or plain text) as the claim sentences to check, each with its exact range.
// Structure that states nothing is skipped: front matter, headings, code, comments, table
// separators, link and footnote definitions. Citation markers (`[@key, ¶3]`, `[^1]`) are kept
// out of the sentence text; the range covers the sentence as written, including markers inside
// it and markers right after it (`Claim.[@key]`), so that a fix or a diagnostic covers them too.
import { append } from './arrays';
import { detectLang, splitLines, splitSentences } from './text';
import type { Lang, Position, Range } from './types';

export interface MemoSentence {
  /** The sentence as a claim: markup, list markers and citation markers removed, spaces collapsed. */
  text: string;
  /** LSP range of the sentence in the memo (0-based lines, UTF-16 characters). */
  range: Range;
  lang: Lang;
  /** Citation markers attached to the sentence, as written (`[@verge2026, ¶3]`, `[^1]`). */
  citations?: string[];
}

/** A stretch of one line that belongs to a paragraph's text. */
interface Segment {
  line: number;
  start: number;
  end: number;
}

const CITATION = /\[@[^\]\n]*\]|\[\^[^\]\n]+\](?!:)/g;
const IMAGE = /!\[[^\]\n]*\]\([^)\n]*\)/g;
const LINK = /\[([^\]\n]*)\]\([^)\n]*\)/g;
const HTML_TAG = /<\/?[A-Za-z][^>\n]*>/g;
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:\s|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)\s*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:\s*\1){2,}\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const BLOCKQUOTE = /^ {0,3}> ?/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?(?:\s+|$)/;
const INDENTED_CODE = /^(?: {4}|\t)/;

// A claim needs a few words (English) or characters (Japanese): `Share` or `はい。` is none.
const MIN_WORDS = 3;
const MIN_JA_CHARS = 8;

export function memoSentences(memoText: string): MemoSentence[] {
  // Every line break LSP knows (CR LF, LF, and a lone CR, as old Mac files have) ends a line.
  const lines = splitLines(blankComments(memoText));
  const sentences: MemoSentence[] = [];
  for (const paragraph of paragraphs(lines)) append(sentences, sentencesOf(paragraph, lines));
  return sentences;
}

/** The sentence at a position; between sentences on one line, the nearest one on that line. */
export function sentenceAt(memoText: string, line: number, character: number): MemoSentence | undefined {
  const sentences = memoSentences(memoText);
  const at = { line, character };
  const inside = sentences.find((s) => compare(s.range.start, at) <= 0 && compare(at, s.range.end) <= 0);
  if (inside) return inside;
  const onLine = sentences.filter((s) => s.range.start.line <= line && line <= s.range.end.line);
  const distance = (s: MemoSentence) =>
    compare(at, s.range.start) < 0 ? s.range.start.character - character : character - s.range.end.character;
  return onLine.sort((a, b) => distance(a) - distance(b))[0];
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** HTML comments become spaces (newlines kept), so offsets and line numbers do not move. */
function blankComments(text: string): string {
  return text.replace(HTML_COMMENT, (m) => m.replace(/[^\r\n]/g, ' '));
}

/** Group the lines' text into paragraphs (list items and table cells are paragraphs of their own). */
function paragraphs(lines: string[]): Segment[][] {
  const out: Segment[][] = [];
  let current: Segment[] = [];
  let currentIsList = false;
  let listContext = false;
  const close = () => {
    if (current.length) out.push(current);
    current = [];
    currentIsList = false;
  };
  const tableLines = findTableLines(lines);
  let i = skipFrontMatter(lines);
  for (; i < lines.length; i++) {
    const raw = lines[i];
    const fence = FENCE.exec(raw);
    if (fence) {
      close();
      i = endOfFence(lines, i, fence[1]);
      continue;
    }
    // Blockquote markers are structure; what follows them is ordinary text.
    let offset = 0;
    for (let q = BLOCKQUOTE.exec(raw.slice(offset)); q; q = BLOCKQUOTE.exec(raw.slice(offset))) offset += q[0].length;
    const line = raw.slice(offset);
    if (!line.trim()) {
      close();
      continue;
    }
    if (INDENTED_CODE.test(line) && !current.length && !listContext) {
      continue;
    }
    if (SETEXT_UNDERLINE.test(line) && current.length && !currentIsList) {
      // The paragraph above was a heading.
      current = [];
      continue;
    }
    if (ATX_HEADING.test(line) || THEMATIC_BREAK.test(line) || tableLines.get(i) === 'separator' || tableLines.get(i) === 'header') {
      close();
      listContext = false;
      continue;
    }
    if (LINK_DEFINITION.test(line)) {
      close();
      i = endOfDefinition(lines, i);
      continue;
    }
    if (tableLines.get(i) === 'row') {
      close();
      append(out, tableCells(line, i, offset));
      continue;
    }
    const item = LIST_ITEM.exec(line);
    if (item) {
      close();
      currentIsList = true;
      listContext = true;
      pushSegment(current, i, offset + item[0].length, raw.length);
      continue;
    }
    if (!current.length && !/^\s/.test(line)) listContext = false;
    pushSegment(current, i, offset + (line.length - line.trimStart().length), raw.length);
  }
  close();
  return out;
}

function pushSegment(segments: Segment[], line: number, start: number, end: number): void {
  if (end > start) segments.push({ line, start, end });
}

function skipFrontMatter(lines: string[]): number {
  if (lines[0]?.trim() !== '---' && lines[0]?.trim() !== '+++') return 0;
  const closer = lines[0].trim();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === closer || (closer === '---' && lines[i].trim() === '...')) return i + 1;
  }
  return 0;
}

function endOfFence(lines: string[], open: number, marker: string): number {
  const closer = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
  for (let i = open + 1; i < lines.length; i++) if (closer.test(lines[i])) return i;
  return lines.length;
}

/** A link or footnote definition runs on over its indented continuation lines. */
function endOfDefinition(lines: string[], start: number): number {
  let i = start;
  while (i + 1 < lines.length && /^(?: {2,}|\t)\S/.test(lines[i + 1])) i++;
  return i;
}

type TableLine = 'header' | 'separator' | 'row';

/** Lines of pipe tables: a separator row, the header above it (labels, not claims), the rows below. */
function findTableLines(lines: string[]): Map<number, TableLine> {
  const table = new Map<number, TableLine>();
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i].includes('-') || !lines[i].includes('|') || !TABLE_SEPARATOR.test(lines[i]) || !lines[i - 1].includes('|')) continue;
    table.set(i, 'separator');
    table.set(i - 1, 'header');
    for (let j = i + 1; j < lines.length && lines[j].includes('|') && lines[j].trim(); j++) table.set(j, 'row');
  }
  return table;
}

/** Each cell of a table row is a paragraph of its own. */
function tableCells(line: string, lineNumber: number, offset: number): Segment[][] {
  const cells: Segment[][] = [];
  let start = 0;
  for (let k = 0; k <= line.length; k++) {
    if (k < line.length && (line[k] !== '|' || line[k - 1] === '\\')) continue;
    let s = start;
    let e = k;
    while (s < e && /\s/.test(line[s])) s++;
    while (e > s && /\s/.test(line[e - 1])) e--;
    if (e > s) cells.push([{ line: lineNumber, start: offset + s, end: offset + e }]);
    start = k + 1;
  }
  return cells;
}

/** The sentences of one paragraph, with ranges mapped back through its segments. */
function sentencesOf(paragraph: Segment[], lines: string[]): MemoSentence[] {
  const pieces = paragraph.map((s) => lines[s.line].slice(s.start, s.end));
  const joined = pieces.join('\n');
  const bases: number[] = [];
  let base = 0;
  for (const p of pieces) {
    bases.push(base);
    base += p.length + 1;
  }
  const position = (index: number): Position => {
    let k = bases.length - 1;
    while (k > 0 && bases[k] > index) k--;
    const seg = paragraph[k];
    return { line: seg.line, character: seg.start + Math.min(index - bases[k], seg.end - seg.start) };
  };
  // Markers and link targets become spaces for splitting: `Claim.[@key] Next` then splits after
  // `Claim.`, and a `.` inside a URL never ends a sentence.
  const blanked = joined
    .replace(IMAGE, spaces)
    .replace(CITATION, spaces)
    .replace(/\]\([^)\n]*\)/g, spaces)
    .replace(HTML_TAG, spaces);
  const out: MemoSentence[] = [];
  for (const span of splitSentences(blanked)) {
    const end = withTrailingCitations(joined, span.end);
    const written = joined.slice(span.start, end);
    const text = claimText(written);
    const lang = detectLang(text);
    if (!lang || !isClaimSized(text, lang)) continue;
    const citations = written.match(CITATION) ?? [];
    out.push({ text, range: { start: position(span.start), end: position(end) }, lang, ...(citations.length ? { citations } : {}) });
  }
  return out;
}

function spaces(m: string): string {
  return m.replace(/[^\n]/g, ' ');
}

/** Extend a sentence's end over citation markers that follow it (`Claim. [@a][@b]`). */
function withTrailingCitations(text: string, end: number): number {
  const after = /^(?:[ \t]*(?:\[@[^\]\n]*\]|\[\^[^\]\n]+\](?!:)))+/.exec(text.slice(end));
  return after ? end + after[0].length : end;
}

/** The sentence as a claim to check: no markup, no citation markers, one space between words. */
export function claimText(written: string): string {
  return written
    .replace(IMAGE, '')
    .replace(CITATION, '')
    .replace(LINK, '$1')
    .replace(HTML_TAG, '')
    .replace(/\*\*|__|`/g, '')
    .replace(/(?<![\p{L}\p{N}])[*_](?=\S)|(?<=\S)[*_](?![\p{L}\p{N}])/gu, '')
    .replace(/(?<=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])\s*\n\s*(?=[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef])/g, '')
    .replace(/\s+/g, ' ')
    .replace(/ (?=[.,;:!?。、])/g, '')
    .trim();
}

function isClaimSized(text: string, lang: Lang): boolean {
  if (lang === 'ja') return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= MIN_JA_CHARS;
  return (text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= MIN_WORDS;
}
