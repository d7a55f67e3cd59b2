// textDocument/references on an entity: core/references.ts, as LSP locations (the memo's first).
import type { Location } from 'vscode-languageserver/node';
import { referencesAt } from '../core/references';
import { fileUri } from '../workspace';
import type { Feature } from './context';

export const referencesFeature: Feature = {
  capabilities: { referencesProvider: true },
  register(ctx) {
    ctx.connection.onReferences(async (params): Promise<Location[] | null> => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const { corpus, bridges } = await ctx.workspace.indexed();
      const refs = referencesAt(corpus, bridges.entities, doc.getText(), params.position);
      if (!refs) return null;
      return [...refs.inMemo.map((range) => ({ uri: doc.uri, range })), ...refs.inCorpus.map((p) => ({ uri: fileUri(p.path), range: p.range }))];
    });
  },
};
