// `entities`: the entity catalog (built-in, user files, `entities.json` beside corpus folders)
// with how often the corpus mentions each entity.
import { ENTITY_KINDS } from '../core/entities';
import { entityFacts } from '../core/entityFacts';
import { parseArgs } from './args';
import { CORPUS_FLAGS, corpusFromArgs } from './corpusArgs';

export const ENTITIES_USAGE = 'entities [--corpus DIR]… [--no-seeds] [--entities FILE]… [--json]';

export async function entitiesCommand(argv: string[], out: (s: string) => void): Promise<number> {
  const parsed = parseArgs(argv, { ...CORPUS_FLAGS, json: 'boolean' });
  const { corpus, bridges } = await corpusFromArgs(parsed);
  const table = entityFacts(corpus, bridges.entities);
  const rows = bridges.entities.all().map((e) => {
    const stats = table.of(e);
    return { id: e.id, name: e.name, kind: e.kind, aliases: e.aliases, documents: stats.documents, passages: stats.passages.length, mentions: table.mentions(e).length };
  });
  if (parsed.flags.json) {
    out(JSON.stringify(rows));
    return 0;
  }
  const byKind = ENTITY_KINDS.map((k) => [k, rows.filter((r) => r.kind === k).length] as const).filter(([, n]) => n > 0);
  out(`${rows.length} entities: ${byKind.map(([k, n]) => `${n} ${k}`).join(', ')}`);
  const sorted = [...rows].sort((a, b) => ENTITY_KINDS.indexOf(a.kind) - ENTITY_KINDS.indexOf(b.kind) || b.mentions - a.mentions || a.name.localeCompare(b.name));
  for (const r of sorted) out(`${r.kind.padEnd(9)} ${r.name.padEnd(36)} ${String(r.documents).padStart(3)} docs ${String(r.mentions).padStart(5)} mentions`);
  return 0;
}
