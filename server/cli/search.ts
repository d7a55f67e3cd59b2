// `search "<query>"`: the fuzzy claim search the quick pick shows.
import { ClaimSearch } from '../core/claimSearch';
import { sourceView } from '../core/findSources';
import { searchClaims } from '../core/searchClaims';
import { LANGS, ROLES, type Lang, type Role } from '../core/types';
import { UsageError, intFlag, parseArgs } from './args';
import { CORPUS_FLAGS, corpusFromArgs } from './corpusArgs';
import { location, roleLabel } from './format';


export async function searchCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv, { ...CORPUS_FLAGS, json: 'boolean', limit: 'string', lang: 'string', role: 'string', doc: 'string', entity: 'string' });
  if (parsed.positional.length !== 1) throw new UsageError('usage: search [--json] [--limit N] [--lang ja|en] [--role ROLE] [--doc NAME] [--entity NAME] "<query>"');
  const lang = parsed.flags.lang as string | undefined;
  const role = parsed.flags.role as string | undefined;
  if (lang && !LANGS.includes(lang as Lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}`);
  if (role && !ROLES.includes(role as Role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const { corpus, bridges } = await corpusFromArgs(parsed);
  // The same search as the editor's picker: `entity:` and `lang:` typed in the query filter too.
  const request = { query: parsed.positional[0], lang: lang as Lang | undefined, role: role as Role | undefined, doc: parsed.flags.doc as string | undefined, entity: parsed.flags.entity as string | undefined };
  const { hits, unknownEntity } = searchClaims(new ClaimSearch(corpus, bridges.entities), bridges.entities, request, intFlag(parsed.flags.limit, 'limit', 20));
  if (unknownEntity !== undefined) throw new UsageError(`unknown entity: ${unknownEntity}`);
  if (parsed.flags.json) {
    out(JSON.stringify(hits.map((h) => ({ ...sourceView(corpus, { passage: h.passage, score: 1 - h.score }) }))));
    return 0;
  }
  if (!hits.length) out('No matching claims.');
  hits.forEach((h, i) => out(`${i + 1}. ${location({ doc: corpus.documents[h.passage.doc].name, range: h.passage.range })} [${roleLabel(h.passage.role)}, ${h.passage.lang}]\n   ${h.passage.text}`));
  return 0;
}
