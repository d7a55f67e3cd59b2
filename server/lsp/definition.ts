// textDocument/definition: a citation key → the cited paragraph (or the document's start); an
// entity → the passage that best states what it is.
import type { Location } from 'vscode-languageserver/node';
import { citationKeyAt, documentByKey, paragraphNumber, paragraphPassages } from '../core/citationKeys';
import { entityAt, entityFacts } from '../core/entityFacts';
import { fileUri } from '../workspace';
import type { Feature } from './context';

export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register(ctx) {
    ctx.connection.onDefinition(async (params): Promise<Location | null> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const { corpus, bridges } = await ctx.workspace.indexed();
      const text = doc.getText();
      const use = citationKeyAt(text, params.position);
      const source = use && documentByKey(corpus, use.key);
      if (use && source) {
        const n = paragraphNumber(use.locator);
        const first = n === undefined ? undefined : paragraphPassages(corpus, source, n)[0];
        const start = { line: 0, character: 0 };
        return { uri: fileUri(source.path), range: first?.range ?? { start, end: start } };
      }
      const mention = entityAt(bridges.entities, text, params.position);
      const best = mention && entityFacts(corpus, bridges.entities).of(mention.entity).facts[0];
      return best ? { uri: fileUri(corpus.documents[best.doc].path), range: best.range } : null;
    });
  },
};
