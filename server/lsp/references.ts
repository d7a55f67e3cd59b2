// textDocument/references on an entity: its mentions in this memo, then every mention in the corpus.
import type { Location } from 'vscode-languageserver/node';
import { entityAt, entityFacts, memoMentions, rangeInPassage } from '../core/entityFacts';
import { fileUri } from '../workspace';
import type { Feature } from './context';

export const referencesFeature: Feature = {
  capabilities: { referencesProvider: true },
  register(ctx) {
    ctx.connection.onReferences(async (params): Promise<Location[] | null> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const { corpus, bridges } = await ctx.workspace.indexed();
      const text = doc.getText();
      const mention = entityAt(bridges.entities, text, params.position);
      if (!mention) return null;
      const id = mention.entity.id;
      const inMemo = memoMentions(bridges.entities, text)
        .filter((m) => m.entity.id === id)
        .map((m) => ({ uri: doc.uri, range: m.range }));
      const inCorpus = entityFacts(corpus, bridges.entities)
        .mentions(mention.entity)
        .map((m) => ({ uri: fileUri(corpus.documents[m.passage.doc].path), range: rangeInPassage(m.passage, m.start, m.end) }));
      return [...inMemo, ...inCorpus];
    });
  },
};
