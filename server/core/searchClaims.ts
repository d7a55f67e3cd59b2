// Search Claims, one feature for the editor's picker and the CLI's `search`: filters come as
// parameters or as `entity:`/`doc:`/`lang:`/`role:` prefixes typed in the query (parameters win),
// an entity in any spelling the catalog knows; claimSearch.ts ranks.
import { parseClaimQuery, type ClaimFilters, type ClaimHit, type ClaimSearch } from './claimSearch';
import type { EntityCatalog } from './entities';
import type { Lang } from './types';

export interface ClaimRequest extends Pick<ClaimFilters, 'doc' | 'lang' | 'role'> {
  query: string;
  /** An entity's name or alias (ClaimFilters takes its id). */
  entity?: string;
  /** The languages setting: when it names one language, only claims in it are listed. */
  languages?: readonly Lang[];
}

export interface ClaimResults {
  hits: ClaimHit[];
  /** An entity asked for that the catalog does not know (then nothing is listed). */
  unknownEntity?: string;
}

export function searchClaims(claims: ClaimSearch, entities: EntityCatalog, request: ClaimRequest, limit: number): ClaimResults {
  const typed = parseClaimQuery(request.query);
  const entityName = request.entity ?? typed.entity;
  const entity = entityName ? entities.byName(entityName) : undefined;
  if (entityName && !entity) return { hits: [], unknownEntity: entityName };
  const only = request.languages?.length === 1 ? request.languages[0] : undefined;
  const filters = { doc: request.doc ?? typed.doc, lang: request.lang ?? typed.lang ?? only, role: request.role ?? typed.role, entity: entity?.id };
  return { hits: claims.search(typed.text, filters, limit) };
}
