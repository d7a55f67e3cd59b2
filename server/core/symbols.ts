// Workspace symbols: the entities the corpus mentions (at their best passage), then the corpus
// documents, those whose names contain the query (folded), up to a limit.
import type { Corpus } from './corpus';
import type { SourcePlace } from './definition';
import type { EntityCatalog } from './entities';
import { entityFacts } from './entityFacts';
import { fold } from './text';
import type { EntityKind } from './types';

export interface CorpusSymbol extends SourcePlace {
  name: string;
  kind: EntityKind | 'document';
  /** What a symbol list shows beside the name. */
  container: string;
}

export function workspaceSymbols(corpus: Corpus, entities: EntityCatalog, query: string, limit: number): CorpusSymbol[] {
  const table = entityFacts(corpus, entities);
  const folded = fold(query).replace(/\s+/g, ' ').trim();
  const matches = (...names: string[]) => !folded || names.some((n) => fold(n).includes(folded));
  const out: CorpusSymbol[] = [];
  for (const entity of entities.all()) {
    if (out.length >= limit) break;
    if (!matches(entity.name, ...entity.aliases)) continue;
    const stats = table.of(entity);
    const at = stats.facts[0] ?? corpus.passages[stats.passages[0]];
    if (!at) continue;
    out.push({ name: entity.name, kind: entity.kind, container: `${entity.kind} · ${stats.documents} documents`, path: corpus.documents[at.doc].path, range: at.range });
  }
  for (const doc of corpus.documents) {
    if (out.length >= limit) break;
    if (!matches(doc.catalog.title, doc.catalog.key, doc.name)) continue;
    const start = { line: 0, character: 0 };
    out.push({ name: doc.catalog.title, kind: 'document', container: `@${doc.catalog.key} · ${doc.name}`, path: doc.path, range: { start, end: start } });
  }
  return out;
}
