// Citation keys in a memo, resolved against the corpus: the key under the cursor, the document a
// key names, the passages of a `¶N` pinpoint, and the key being typed after `[@`.
import { parseCitationKeys, type CitationKeyUse } from './citations';
import type { Corpus } from './corpus';
import type { Passage, Position, SourceDocument } from './types';

/** The citation key whose range holds the position (its end included, as for any word). */
export function citationKeyAt(memoText: string, at: Position): CitationKeyUse | undefined {
  const inside = (u: CitationKeyUse) => !before(at, u.range.start) && !before(u.range.end, at);
  return parseCitationKeys(memoText).find(inside);
}

const before = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character < b.character);

const byKey = new WeakMap<Corpus, Map<string, SourceDocument>>();

/** The corpus document with this citation key (one map per corpus). */
export function documentByKey(corpus: Corpus, key: string): SourceDocument | undefined {
  let map = byKey.get(corpus);
  if (!map) {
    map = new Map(corpus.documents.map((d) => [d.catalog.key, d]));
    byKey.set(corpus, map);
  }
  return map.get(key);
}

/** `¶3`, `para. 3`, `paragraph 3` → 3; page or other locators → undefined. */
export function paragraphNumber(locator: string | undefined): number | undefined {
  const m = locator ? /^(?:¶|para(?:graph)?\.?)\s*(\d+)/iu.exec(locator.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

/** The passages of paragraph `n` of a document, in file order (several when a long line was split). */
export function paragraphPassages(corpus: Corpus, doc: SourceDocument, n: number): Passage[] {
  return doc.passages.map((id) => corpus.passages[id]).filter((p) => p.paragraph === n);
}

export interface KeyPrefix {
  /** What is typed of the key so far (without `@` or `{`). */
  prefix: string;
  /** Character where the key starts on the line (just after `@` or `@{`). */
  start: number;
}

const TYPED = /(?:^|[[;\s])-?@(\{?)([\p{L}\p{N}_:.#$%&\-+?<>~/]*)$/u;

/**
 * The key being typed at `character` of a line, inside a citation bracket: `[@ver|`,
 * `[see @a; @b|`. Undefined outside a bracket that is still open before the cursor.
 */
export function keyPrefixAt(lineText: string, character: number): KeyPrefix | undefined {
  const head = lineText.slice(0, character);
  if (head.lastIndexOf('[') <= head.lastIndexOf(']')) return undefined;
  const m = TYPED.exec(head.slice(head.lastIndexOf('[')));
  if (!m) return undefined;
  return { prefix: m[2], start: character - m[2].length };
}
