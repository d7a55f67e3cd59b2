// Actor swaps: the claim says X did what a passage about the same event says Y did (`Google
// tipped off the White House` against `Amazon tipped off the White House`). X is a person,
// company or agency that no same-event passage names; Y is one of the same kind that the best
// same-event passage names and the claim does not.
import type { Corpus } from '../corpus';
import type { EntityCatalog, EntityKind, Mention } from '../entities';
import { passageTokenSet } from '../retrieval';
import { editDistance } from '../text';
import { indexTokens } from '../tokenize';
import { people } from './actors';
import type { EvidenceUnit } from './evidence';
import { katakanaNames } from './terms';

export interface Actor {
  /** Catalog id, or the name itself for a person the catalog does not know. */
  id: string;
  kind: EntityKind;
  name: string;
  start: number;
  end: number;
  /** A catalog entity (found by its id token), or a name found by its spelling. */
  known: boolean;
  /** A catalog entity's names in every language and spelling. */
  names?: string[];
}

export interface ActorSwap {
  claim: Actor;
  source: Actor;
  passage: number;
}

const SWAPPABLE: ReadonlySet<EntityKind> = new Set(['person', 'company', 'agency', 'model', 'program', 'benchmark']);

/** The people, companies and agencies of the catalog among a text's mentions. */
function catalogActors(mentions: Mention[]): Actor[] {
  return mentions
    .filter((m) => SWAPPABLE.has(m.entity.kind))
    .map((m) => ({ id: m.entity.id, kind: m.entity.kind, name: m.text, start: m.start, end: m.end, known: true, names: [m.entity.name, ...m.entity.aliases] }));
}

/**
 * The claim's actors: the catalog's, and names the sources never use (`Jared Kaplan` when no
 * source says `Kaplan`; `ケイティ・ムスーリス氏` when none writes `ムスーリス`), which are taken
 * for people. A capitalised pair the sources do use (`United States`, `Dana Nickel`) is left
 * out: it may be no person, and it is not made up.
 */
function claimActors(corpus: Corpus, claim: string, entities: EntityCatalog): Actor[] {
  const mentions = entities.findMentions(claim);
  const out = catalogActors(mentions);
  const unknown = (start: number, end: number) => !mentions.some((m) => m.start < end && start < m.end);
  for (const p of people(claim, mentions)) {
    const surname = indexTokens(p.name).at(-1);
    if (surname && corpus.index.postings(surname).length === 0) out.push({ id: p.name, kind: 'person', name: p.name, start: p.start, end: p.end, known: false });
  }
  for (const k of katakanaNames(claim)) {
    if (unknown(k.start, k.end) && !corpusWrites(corpus, k.name.split(/[・=]/).at(-1)!)) {
      out.push({ id: k.name, kind: 'person', name: k.name, start: k.start, end: k.end, known: false });
    }
  }
  return out;
}

/** Whether some passage holds this Japanese word: the passages holding all its bigrams, read. */
function corpusWrites(corpus: Corpus, word: string): boolean {
  const grams = indexTokens(word);
  if (!grams.length) return true;
  const lists = grams.map((g) => corpus.index.postings(g)).sort((a, b) => a.length - b.length);
  let candidates = Array.from(lists[0]);
  for (const list of lists.slice(1)) {
    if (!candidates.length) return false;
    const has = new Set(list);
    candidates = candidates.filter((id) => has.has(id));
  }
  return candidates.some((id) => corpus.passages[id].text.normalize('NFKC').includes(word));
}

/** Whether a unit names the actor: its entity token, or the unknown name as written. */
function names(corpus: Corpus, unit: EvidenceUnit, actor: Actor): boolean {
  if (actor.known) return unit.members.some((m) => passageTokenSet(corpus, m).has(`@${actor.id}`));
  const name = actor.name.toLowerCase();
  return unit.members.some((m) => m.text.normalize('NFKC').toLowerCase().includes(name));
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
  const actorsOf = new Map(best.members.map((m) => [m.id, catalogActors(entities.findMentions(m.text))]));
  for (const x of actors) {
    if (sameEvent.some((u) => names(corpus, u, x))) continue;
    // The lead passage first: its translation may name more people (`Tom Brown, with Sarah Heck`).
    for (const members of [[best.lead], best.members]) {
      const others = new Map<string, { actor: Actor; passage: number; text: string }>();
      for (const m of members) {
        for (const y of actorsOf.get(m.id)!) {
          // One part of the other (`White House` for `Trump administration`) names the same side, not another actor.
          if (y.kind === x.kind && !claimIds.has(y.id) && !others.has(y.id) && !(x.known && entities.nested(x.id, y.id))) others.set(y.id, { actor: y, passage: m.id, text: m.text });
        }
      }
      if (others.size === 0) continue;
      const y = others.size === 1 ? [...others.values()][0] : inSamePlace(claim, x, [...others.values()]);
      if (y && !spellingOf(x, y.actor)) swaps.push({ claim: x, source: y.actor, passage: y.passage });
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

/**
 * Whether the claim's name is likely the rival itself rather than someone else: an unknown name
 * that is another spelling of one of the rival's names (`ケイティ・ムスーリス` for `ケイティ・ムッソウリス`,
 * the catalog's Japanese name of Katie Moussouris; `Howard Lutnik` for `Howard Lutnick`) — a part
 * in common, or surnames a few letters apart — or a shorter name of the same thing (`Mythos` for
 * `Claude Mythos Preview`: every part of one is in the other).
 */
function spellingOf(x: Actor, y: Actor): boolean {
  const parts = (name: string) => name.toLowerCase().split(/[・=\s]+/).filter(Boolean);
  const a = parts(x.name);
  const b = parts(y.name);
  const shorter = a.length <= b.length ? a : b;
  const longer = a.length <= b.length ? b : a;
  if (shorter.length && shorter.every((p) => longer.includes(p))) return true;
  if (x.known) return false;
  return [y.name, ...(y.names ?? [])].some((name) => {
    const c = parts(name);
    if (a.some((p) => c.includes(p))) return true;
    const [p, q] = [a.at(-1) ?? '', c.at(-1) ?? ''];
    return editDistance(p, q) <= Math.max(1, Math.floor(Math.max(p.length, q.length) / 3));
  });
}
