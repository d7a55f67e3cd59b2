// Actor swaps: the claim says X did what a passage about the same event says Y did (`Google
// tipped off the White House` against `Amazon tipped off the White House`). X is a person,
// company or agency that no same-event passage names; Y is one of the same kind that the best
// same-event passage names and the claim does not.
import type { Corpus } from '../corpus';
import type { EntityCatalog, EntityKind } from '../entities';
import { passageTokenSet } from '../retrieval';
import { indexTokens } from '../tokenize';
import { people } from './actors';
import type { EvidenceUnit } from './evidence';

export interface Actor {
  /** Catalog id, or the folded name of a person the catalog does not know. */
  id: string;
  kind: EntityKind;
  name: string;
  start: number;
  end: number;
}

export interface ActorSwap {
  claim: Actor;
  source: Actor;
  passage: number;
}

const SWAPPABLE: ReadonlySet<EntityKind> = new Set(['person', 'company', 'agency']);

/** The people, companies and agencies of the catalog that a text names. */
function catalogActors(text: string, entities: EntityCatalog): Actor[] {
  return entities
    .findMentions(text)
    .filter((m) => SWAPPABLE.has(m.entity.kind))
    .map((m) => ({ id: m.entity.id, kind: m.entity.kind, name: m.text, start: m.start, end: m.end }));
}

/**
 * The claim's actors: the catalog's, and names the sources never use (`Jared Kaplan` when no
 * source says `Kaplan`), which are taken for people. A capitalised pair the sources do use
 * (`United States`, `Dana Nickel`) is left out: it may be no person, and it is not made up.
 */
function claimActors(corpus: Corpus, claim: string, entities: EntityCatalog): Actor[] {
  const out = catalogActors(claim, entities);
  for (const p of people(claim, entities.findMentions(claim))) {
    const surname = indexTokens(p.name).at(-1);
    if (surname && corpus.index.postings(surname).length === 0) out.push({ id: p.person, kind: 'person', name: p.name, start: p.start, end: p.end });
  }
  return out;
}

/** Whether a unit names the actor: its entity token, or every word of an unknown name. */
function names(corpus: Corpus, unit: EvidenceUnit, actor: Actor): boolean {
  const has = (t: string) => unit.members.some((m) => passageTokenSet(corpus, m).has(t));
  if (!actor.id.includes(' ')) return has(`@${actor.id}`);
  const words = indexTokens(actor.name);
  return words.length > 0 && words.every(has);
}

/**
 * Swaps between the claim and `best`, the same-event unit that holds most of the claim: one per
 * claim actor that no unit in `sameEvent` names, when `best` (its lead passage, or failing that
 * its translation) names exactly one actor of its kind that the claim does not.
 */
export function actorSwaps(corpus: Corpus, claim: string, best: EvidenceUnit, sameEvent: EvidenceUnit[], entities: EntityCatalog): ActorSwap[] {
  const actors = claimActors(corpus, claim, entities);
  const claimIds = new Set(actors.map((a) => a.id));
  const swaps: ActorSwap[] = [];
  for (const x of actors) {
    if (sameEvent.some((u) => names(corpus, u, x))) continue;
    // The lead passage first: its translation may name more people (`Tom Brown, with Sarah Heck`).
    for (const members of [[best.lead], best.members]) {
      const others = new Map<string, { actor: Actor; passage: number; text: string }>();
      for (const m of members) {
        for (const y of catalogActors(m.text, entities)) {
          if (y.kind === x.kind && !claimIds.has(y.id) && !others.has(y.id)) others.set(y.id, { actor: y, passage: m.id, text: m.text });
        }
      }
      if (others.size === 0) continue;
      const y = others.size === 1 ? [...others.values()][0] : inSamePlace(claim, x, [...others.values()]);
      if (y) swaps.push({ claim: x, source: y.actor, passage: y.passage });
      break;
    }
  }
  return swaps;
}

/** Words just around a name: `Anthropic cofounder ___ has replaced`. */
function surroundings(text: string, actor: Actor): Set<string> {
  return new Set(indexTokens(`${text.slice(Math.max(0, actor.start - 30), actor.start)} ${text.slice(actor.end, actor.end + 30)}`));
}

/**
 * Of several candidates, the one written where the claim writes its actor (`Anthropic cofounder
 * Jared Kaplan` → `Anthropic cofounder Tom Brown`, not `Sarah Heck, the company's public policy
 * chief`): most words around it in common with the claim's, and strictly more than any other.
 */
function inSamePlace<T extends { actor: Actor; text: string }>(claim: string, x: Actor, candidates: T[]): T | undefined {
  const around = surroundings(claim, x);
  const scored = candidates
    .map((c) => ({ c, shared: [...surroundings(c.text, c.actor)].filter((w) => around.has(w)).length }))
    .sort((a, b) => b.shared - a.shared);
  return scored[0].shared > 0 && scored[0].shared > scored[1].shared ? scored[0].c : undefined;
}
