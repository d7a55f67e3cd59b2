// aiPolicyClaims/searchClaims: the quick pick's fuzzy search, ranked on the server. Filters come
// as parameters or as `entity:`/`doc:`/`lang:`/`role:` prefixes typed in the query; parameters win.
import { parseClaimQuery } from '../core/claimSearch';
import { sourceView } from '../core/findSources';
import type { Lang } from '../core/types';
import { SearchClaimsRequest, type ClaimItem, type SearchClaimsParams } from '../protocol';
import type { Indexed } from '../workspace';
import { fileUri } from '../workspace';
import type { Feature } from './context';

export const searchClaimsFeature: Feature = {
  capabilities: {},
  register(ctx) {
    // The first query's one-time costs (dictionaries, typo index) are paid in the background once an index is ready.
    ctx.workspace.onIndexed(({ claims }) => setImmediate(() => claims.warmUp()));
    ctx.connection.onRequest(SearchClaimsRequest, async (params) => searchClaims(await ctx.workspace.answerable(), params, ctx.workspace.settings.languages));
  },
};

/** `languages`: the setting; when it names one language, only claims in it are listed. */
export function searchClaims({ corpus, bridges, claims }: Indexed, params: SearchClaimsParams, languages: Lang[] = []): ClaimItem[] {
  const typed = parseClaimQuery(typeof params.query === 'string' ? params.query : '');
  const entityName = params.entity ?? typed.entity;
  const entity = entityName ? bridges.entities.byName(entityName) : undefined;
  if (entityName && !entity) return [];
  const filters = { doc: params.doc ?? typed.doc, lang: params.lang ?? typed.lang ?? (languages.length === 1 ? languages[0] : undefined), role: params.role ?? typed.role, entity: entity?.id };
  const limit = Math.min(Math.max(1, params.limit ?? 100), 500);
  return claims.search(typed.text, filters, limit).map((h) => {
    const view = sourceView(corpus, { passage: h.passage, score: 1 - h.score });
    const entities = [...new Set(bridges.entities.findMentions(h.passage.text).map((m) => m.entity.name))];
    return { ...view, uri: fileUri(view.path), entities };
  });
}
