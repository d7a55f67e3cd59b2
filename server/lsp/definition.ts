// textDocument/definition: core/definition.ts, as an LSP location.
import type { Location } from 'vscode-languageserver/node';
import { definitionAt } from '../core/definition';
import { fileUri } from '../workspace';
import type { Feature } from './context';

export const definitionFeature: Feature = {
  capabilities: { definitionProvider: true },
  register(ctx) {
    ctx.connection.onDefinition(async (params): Promise<Location | null> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const { corpus, bridges } = await ctx.workspace.indexed();
      const place = definitionAt(corpus, bridges.entities, doc.getText(), params.position);
      return place ? { uri: fileUri(place.path), range: place.range } : null;
    });
  },
};
