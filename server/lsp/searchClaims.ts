// aiPolicyClaims/searchClaims: the quick pick's fuzzy search, ranked on the server.
import { sourceView } from '../core/findSources';
import { SearchClaimsRequest, type ClaimItem } from '../protocol';
import { fileUri } from '../workspace';
import type { Feature } from './context';

export const searchClaimsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    ctx.connection.onRequest(SearchClaimsRequest, async (params): Promise<ClaimItem[]> => {
      const { corpus, bridges, claims } = await ctx.workspace.indexed();
      const entity = params.entity ? bridges.entities.byName(params.entity) : undefined;
      if (params.entity && !entity) return [];
      const where = entity ? (p: { text: string }) => bridges.entities.findMentions(p.text).some((m) => m.entity.id === entity.id) : undefined;
      const hits = claims.search(params.query, { doc: params.doc, lang: params.lang, role: params.role, where }, params.limit ?? 100);
      return hits.map((h) => {
        const view = sourceView(corpus, { passage: h.passage, score: 1 - h.score });
        const entities = [...new Set(bridges.entities.findMentions(h.passage.text).map((m) => m.entity.name))];
        return { ...view, uri: fileUri(view.path), entities };
      });
    });
  },
};
