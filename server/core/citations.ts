// Citations of a passage in the writer's style: Pandoc `[@key, ¶N]`, a Markdown footnote, or a
// plain parenthetical. Results are LSP-shaped edits as plain data; the server or client applies
// them. Parts live in ./citations/.
import type { Corpus } from './corpus';
import type { CatalogEntry, CitationStyle, Passage, Position, Range } from './types';
import { definitionInsertion, nextFootnoteNumber } from './citations/footnotes';
import { LineIndex, roleNote } from './text';
import { escapeMarkdown, oneLine, shortQuote } from './citations/markdown';

export { cslEntry, type CslItem, type CslName } from './citations/csl';
export { parseCitationKeys, type CitationKeyUse } from './citations/keys';
export { bibliographyPathFromFrontMatter } from './citations/frontMatter';
export { nextFootnoteNumber } from './citations/footnotes';
export { roleNote } from './text';

export type { CitationStyle } from './types';

export interface TextEdit {
  range: Range;
  newText: string;
}

export function citationEdits(
  style: CitationStyle,
  memoText: string,
  at: Position,
  doc: CatalogEntry,
  passage: Passage,
): TextEdit[] {
  switch (style) {
    case 'pandoc':
      return [insertAt(at, spaceBefore(memoText, at) + pandocCitation(doc, passage))];
    case 'plain':
      return [insertAt(at, spaceBefore(memoText, at) + plainCitation(doc, passage))];
    case 'footnote':
      return footnoteEdits(memoText, at, doc, passage);
  }
}

/**
 * `[@key, ¶N]`, with the role as a suffix when the passage is not the article's own text
 * (`[@key, ¶N, aggregator's summary]`): Pandoc prints the suffix after the pinpoint.
 */
export function pandocCitation(doc: CatalogEntry, passage: Passage): string {
  const note = roleNote(passage.role, passage.lang);
  return `[@${pandocKey(doc.key)}, ¶${passage.paragraph}${note ? `, ${note}` : ''}]`;
}

// A key with characters Pandoc does not allow in a bare key must be braced to stay one key.
function pandocKey(key: string): string {
  return /^[\p{L}\p{N}_]+(?:[:.#$%&\-+?<>~/]+[\p{L}\p{N}_]+)*$/u.test(key) ? key : `{${key.replace(/[{}]/g, '')}}`;
}

/** `(Title, Outlet, Date)` with missing parts left out, and the role when it is not the original. */
export function plainCitation(doc: CatalogEntry, passage: Passage): string {
  const note = roleNote(passage.role, passage.lang);
  return `(${escapeMarkdown(sourceLine(doc))}${note ? `; ${note}` : ''})`;
}

/** The footnote's text after `[^n]: ` — `Title, Outlet, Date, ¶N. “quote” (role) <URL>`. */
export function footnoteText(doc: CatalogEntry, passage: Passage): string {
  const note = roleNote(passage.role, passage.lang);
  const parts = [`${escapeMarkdown(sourceLine(doc))}, ¶${passage.paragraph}.`];
  const quote = shortQuote(passage.text);
  if (quote) parts.push(`“${escapeMarkdown(quote)}”`);
  if (note) parts.push(`(${note})`);
  if (doc.url && /^https?:\/\/[^\s<>]+$/i.test(doc.url)) parts.push(`<${doc.url}>`);
  else if (doc.url) parts.push(escapeMarkdown(oneLine(doc.url)));
  return parts.join(' ');
}

function footnoteEdits(memoText: string, at: Position, doc: CatalogEntry, passage: Passage): TextEdit[] {
  const n = nextFootnoteNumber(memoText);
  const definition = definitionInsertion(memoText, `[^${n}]: ${footnoteText(doc, passage)}`);
  // Same-position inserts apply in array order, so the marker comes first when they coincide.
  return [insertAt(at, `[^${n}]`), insertAt(definition.at, definition.text)];
}

// English puts a space before an inline citation (`July 1 [@key]`); Japanese does not, and a
// footnote marker never takes one.
function spaceBefore(memoText: string, at: Position): string {
  const lines = new LineIndex(memoText);
  const before = memoText[lines.offset(at) - 1] ?? '';
  return /[\p{Script=Latin}\p{N}]/u.test(before) ? ' ' : '';
}

function sourceLine(doc: CatalogEntry): string {
  return [doc.title, doc.outlet, doc.date]
    .map((part) => oneLine(part ?? ''))
    .filter((part) => part.length > 0)
    .join(', ');
}

function insertAt(at: Position, newText: string): TextEdit {
  return { range: { start: at, end: at }, newText };
}

/**
 * The passage a citation asks for by id — checked against where it was listed (`source`), and
 * found there again after a re-index renumbered the passages.
 */
export function citedPassage(corpus: Corpus, passageId: unknown, source?: { path: string; start: Position }): Passage | undefined {
  const byId = Number.isInteger(passageId) ? corpus.passages[passageId as number] : undefined;
  if (!source) return byId;
  const at = (p: Passage) => corpus.documentOf(p).path === source.path && p.range.start.line === source.start.line && p.range.start.character === source.start.character;
  if (byId && at(byId)) return byId;
  const doc = corpus.documents.find((d) => d.path === source.path);
  const id = doc?.passages.find((i) => at(corpus.passages[i]));
  return id === undefined ? undefined : corpus.passages[id];
}
