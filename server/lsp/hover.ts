// textDocument/hover on a memo: a citation key's source, or what the corpus says about an entity.
import { MarkupKind } from 'vscode-languageserver/node';
import { entityFacts } from '../core/entityFacts';
import { memoHover } from '../core/hover';
import type { Feature } from './context';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    ctx.connection.onHover(async (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const { corpus, bridges } = await ctx.workspace.indexed();
      const table = entityFacts(corpus, bridges.entities);
      void table.warmUp();
      const hover = memoHover(table, doc.getText(), params.position);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
    });
  },
};
