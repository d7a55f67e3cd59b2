// aiPolicyClaims/searchClaims: the quick pick's fuzzy search (core/searchClaims.ts), as claim items.
import { sourceView } from '../core/findSources';
import { searchClaims as search } from '../core/searchClaims';
import { inBackground } from '../core/slices';
import type { Lang } from '../core/types';
import { SearchClaimsRequest, type ClaimItem, type SearchClaimsParams } from '../protocol';
import type { Indexed } from '../workspace';
import { fileUri } from '../workspace';
import type { Feature } from './context';

export const searchClaimsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    // The first query's one-time costs (dictionaries, typo index) are paid in the background once
    // an index is ready, in slices, so that a hover or a query meanwhile does not wait for them.
    ctx.workspace.onIndexed(({ claims }) => void inBackground(claims.warmUpSteps()));
    ctx.connection.onRequest(SearchClaimsRequest, async (params) => searchClaims(await ctx.workspace.answerable(), params, ctx.workspace.settings.languages));
  },
};

/** `languages`: the setting; when it names one language, only claims in it are listed. */
export function searchClaims({ corpus, bridges, claims }: Indexed, params: SearchClaimsParams, languages: Lang[] = []): ClaimItem[] {
  const query = typeof params.query === 'string' ? params.query : '';
  const limit = Math.min(Math.max(1, params.limit ?? 100), 500);
  return search(claims, bridges.entities, { ...params, query, languages }, limit).hits.map((h) => {
    const view = sourceView(corpus, { passage: h.passage, score: 1 - h.score });
    const entities = [...new Set(bridges.entities.findMentions(h.passage.text).map((m) => m.entity.name))];
    return { ...view, uri: fileUri(view.path), entities };
  });
}
