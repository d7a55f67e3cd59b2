// Find references of the entity at a position of a memo: its mentions in the memo, in any
// spelling, then every mention in the corpus, each range on the name.
import type { Corpus } from './corpus';
import type { SourcePlace } from './definition';
import type { EntityCatalog } from './entities';
import { entityAt, entityFacts, memoMentions, rangeInPassage } from './entityFacts';
import type { Position, Range } from './types';

export interface EntityReferences {
  inMemo: Range[];
  inCorpus: SourcePlace[];
}

export function referencesAt(corpus: Corpus, entities: EntityCatalog, memoText: string, at: Position): EntityReferences | undefined {
  const mention = entityAt(entities, memoText, at);
  if (!mention) return undefined;
  const id = mention.entity.id;
  return {
    inMemo: memoMentions(entities, memoText).filter((m) => m.entity.id === id).map((m) => m.range),
    inCorpus: entityFacts(corpus, entities)
      .mentions(mention.entity)
      .map((m) => ({ path: corpus.documents[m.passage.doc].path, range: rangeInPassage(m.passage, m.start, m.end) })),
  };
}
