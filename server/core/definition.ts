// Go to definition in a memo: a citation key → the cited paragraph (or the document's start); an
// entity → the passage that best states what it is.
import { citationKeyAt, documentByKey, paragraphNumber, paragraphPassages } from './citationKeys';
import type { Corpus } from './corpus';
import type { EntityCatalog } from './entities';
import { entityAt, entityFacts } from './entityFacts';
import type { Position, Range } from './types';

/** A place in a corpus file. */
export interface SourcePlace {
  path: string;
  range: Range;
}

export function definitionAt(corpus: Corpus, entities: EntityCatalog, memoText: string, at: Position): SourcePlace | undefined {
  const use = citationKeyAt(memoText, at);
  const source = use && documentByKey(corpus, use.key);
  if (use && source) {
    const n = paragraphNumber(use.locator);
    const first = n === undefined ? undefined : paragraphPassages(corpus, source, n)[0];
    const start = { line: 0, character: 0 };
    return { path: source.path, range: first?.range ?? { start, end: start } };
  }
  const mention = entityAt(entities, memoText, at);
  const best = mention && entityFacts(corpus, entities).of(mention.entity).facts[0];
  return best ? { path: corpus.documents[best.doc].path, range: best.range } : undefined;
}
