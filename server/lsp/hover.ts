// textDocument/hover on a memo: a citation key's source, or what the corpus says about an entity.
import { MarkupKind } from 'vscode-languageserver/node';
import { entityFacts, memoMentions } from '../core/entityFacts';
import { memoHover } from '../core/hover';
import type { Feature } from './context';

export const hoverFeature: Feature = {
  capabilities: { hoverProvider: true },
  register(ctx) {
    // Every entity's facts are computed in the background as soon as an index is ready, those the
    // open memos name first, so that even the first hover on each is a lookup; a hover that comes
    // sooner answers at once from what is ready (`forHover`) and the next one is complete.
    ctx.workspace.onIndexed(({ corpus, bridges }) => {
      const table = entityFacts(corpus, bridges.entities);
      table.answerAtOnce = true;
      table.prefer(ctx.documents.all().flatMap((d) => memoMentions(bridges.entities, d.getText()).map((m) => m.entity)));
      void table.warmUp();
    });
    ctx.connection.onHover(async (params) => {
      const doc = ctx.documents.get(params.textDocument.uri);
      if (!doc) return null;
      const { corpus, bridges } = await ctx.workspace.indexed();
      const table = entityFacts(corpus, bridges.entities);
      table.answerAtOnce = true;
      const hover = memoHover(table, doc.getText(), params.position);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
    });
  },
};
