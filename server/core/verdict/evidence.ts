// Evidence units: a ranked passage together with its aligned translation — one statement in two
// languages — with the terms and facts of both. Analysis passages (the aggregator's opinion) and
// headings are never evidence of a fact.
import type { Corpus } from '../corpus';
import { extractFacts, type Fact } from '../facts';
import { neighbours, passagesSay, passageTokenSet, type RankedPassage } from '../retrieval';
import type { Passage, Role } from '../types';
import { share, type ClaimTerms } from './terms';

export interface SourcedFact extends Fact {
  passage: number;
}

export interface EvidenceUnit {
  /** The ranked passage the unit grew from. */
  lead: Passage;
  members: Passage[];
  /** Claim terms the unit holds (tokens; `#…` facts, `@…` entities). */
  matched: string[];
  /** Share of all the claim's weight found in the unit. */
  coverage: number;
  /** Share of the claim's entity and event terms: the unit speaks of the same thing. */
  subject: number;
  /** Share of the claim's event terms alone (what happened, without names or values). */
  event: number;
  /** The same three shares, where a term also counts when the unit says it in other words or the other language. */
  meaningCoverage: number;
  meaningSubject: number;
  meaningEvent: number;
  /** Share of the claim's event weight in its heaviest event term said in no wording (an invented act). */
  meaningMissing: number;
  /** Weight of the claim's event terms the unit holds, and of the heaviest one it lacks. */
  eventFound: number;
  eventMissing: number;
  facts: SourcedFact[];
}

/** The better evidence first when coverage is equal: the article's own words over summaries. */
export const ROLE_PREFERENCE: Record<Role, number> = { original: 0, translation: 1, summary: 2, related: 3, analysis: 4 };

// Facts of a passage, extracted once per corpus (a new index is a new corpus object): memo
// checks judge the same few hundred passages again and again. Tokens come from retrieval's cache.
const factCache = new WeakMap<Corpus, Map<number, SourcedFact[]>>();

function factsOf(corpus: Corpus, p: Passage): SourcedFact[] {
  let cache = factCache.get(corpus);
  if (!cache) factCache.set(corpus, (cache = new Map()));
  let facts = cache.get(p.id);
  if (!facts) {
    facts = extractFacts(p.text).map((fact) => ({ ...fact, passage: p.id }));
    cache.set(p.id, facts);
  }
  return facts;
}

/**
 * `hidden`: passages that do not exist for this claim — the training script's generated claims
 * are made from a passage, which must not stand beside its translation as evidence for itself.
 */
export function evidenceUnits(corpus: Corpus, ranked: RankedPassage[], terms: ClaimTerms, hidden: ReadonlySet<number> = NONE): EvidenceUnit[] {
  const seen = new Set<number>();
  const units: EvidenceUnit[] = [];
  for (const { passage } of ranked) {
    if (seen.has(passage.id) || !isEvidence(passage, terms.opinion)) continue;
    const members = withTranslations(corpus, [passage]).filter((m) => !hidden.has(m.id));
    for (const m of members) seen.add(m.id);
    units.push(evidenceUnit(corpus, passage, members, terms));
  }
  return units;
}

/** Analysis (the aggregator's opinion) is evidence only of a claim that reports it as an opinion. */
const NONE: ReadonlySet<number> = new Set();

function isEvidence(p: Passage, opinion = false): boolean {
  return (opinion || p.role !== 'analysis') && !p.heading;
}

function withTranslations(corpus: Corpus, passages: Passage[]): Passage[] {
  const members = new Map<number, Passage>();
  for (const p of passages) {
    members.set(p.id, p);
    for (const id of p.aligned) if (isEvidence(corpus.passages[id])) members.set(id, corpus.passages[id]);
  }
  return [...members.values()];
}

function evidenceUnit(corpus: Corpus, lead: Passage, members: Passage[], terms: ClaimTerms): EvidenceUnit {
  const context = members.flatMap((m) => preceding(corpus, m));
  // A name the sentences before it in the paragraph give is what its `it`, `they`, `同社` stand for.
  const holds = (t: string) =>
    members.some((m) => passageTokenSet(corpus, m).has(t)) || (terms.names.has(t) && context.some((c) => passageTokenSet(corpus, c).has(t)));
  // Asked of every term by each share below: answered once per term.
  const answers = new Map<string, boolean>();
  const has = (t: string) => {
    let answer = answers.get(t);
    if (answer === undefined) {
      const entity = terms.nameOf.get(t);
      answers.set(t, (answer = holds(t) || (entity !== undefined && holds(entity))));
    }
    return answer;
  };
  const means = (t: string) => {
    const keys = terms.meaning.get(t);
    return has(t) || (keys !== undefined && passagesSay(corpus, members, keys));
  };
  return {
    lead,
    members,
    matched: [...terms.weight.keys()].filter(has),
    coverage: share(terms, has, ['fact', 'entity', 'event']),
    subject: share(terms, has, ['entity', 'event']),
    event: share(terms, has, ['event']),
    meaningCoverage: share(terms, means, ['fact', 'entity', 'event']),
    meaningSubject: share(terms, means, ['entity', 'event']),
    meaningEvent: share(terms, means, ['event']),
    meaningMissing: heaviestMissing(terms, means),
    ...eventWeights(terms, has),
    facts: members.flatMap((m) => factsOf(corpus, m)),
  };
}

/** Sentences of a paragraph that a later one may refer back to. */
const CONTEXT_SENTENCES = 2;

/** The sentences just before a passage in its paragraph and language, nearest first. */
function preceding(corpus: Corpus, p: Passage): Passage[] {
  const out: Passage[] = [];
  for (let id = p.id - 1; id >= 0 && out.length < CONTEXT_SENTENCES; id--) {
    const n = corpus.passages[id];
    if (n.doc !== p.doc || n.paragraph !== p.paragraph || n.lang !== p.lang) break;
    if (!n.heading) out.push(n);
  }
  return out;
}

/** The unit's facts and those of the sentences beside its lead (a claim may join the two). */
export function factsNearby(corpus: Corpus, unit: EvidenceUnit): SourcedFact[] {
  const around = neighbours(corpus, unit.lead).filter((p) => isEvidence(p));
  return [...unit.facts, ...withTranslations(corpus, around).flatMap((p) => factsOf(corpus, p))];
}

/** How much more of the claim two adjacent sentences must hold than the lead sentence alone. */
const JOIN_GAIN = 0.1;

/**
 * A claim often joins two adjacent sentences of a source (`METR evaluated Mythos in March` +
 * `it estimated at least 16 hours`), so a value the claim gives may sit in the sentence next to
 * the one that names its subject. For each unit, the unit joined with the neighbour that adds
 * most of the claim (if it adds at least JOIN_GAIN): for finding conflicts, not as evidence of
 * support, where two half-matches would add up to a match that neither sentence makes.
 */
export function joinedUnits(corpus: Corpus, units: EvidenceUnit[], terms: ClaimTerms): EvidenceUnit[] {
  const out: EvidenceUnit[] = [];
  for (const unit of units) {
    let best: EvidenceUnit | undefined;
    for (const n of neighbours(corpus, unit.lead)) {
      if (!isEvidence(n)) continue;
      const pair = n.id < unit.lead.id ? [n, unit.lead] : [unit.lead, n];
      const joined = evidenceUnit(corpus, unit.lead, withTranslations(corpus, pair), terms);
      if (joined.coverage >= unit.coverage + JOIN_GAIN && (!best || joined.coverage > best.coverage)) best = joined;
    }
    if (best) out.push(best);
  }
  return out;
}

function heaviestMissing(terms: ClaimTerms, has: (t: string) => boolean): number {
  let total = 0;
  let missing = 0;
  for (const [term, w] of terms.weight) {
    if (terms.role.get(term) !== 'event') continue;
    total += w;
    if (!has(term)) missing = Math.max(missing, w);
  }
  return total > 0 ? missing / total : 0;
}

function eventWeights(terms: ClaimTerms, has: (t: string) => boolean): { eventFound: number; eventMissing: number } {
  let eventFound = 0;
  let eventMissing = 0;
  for (const [term, w] of terms.weight) {
    if (terms.role.get(term) !== 'event') continue;
    if (has(term)) eventFound += w;
    else eventMissing = Math.max(eventMissing, w);
  }
  return { eventFound, eventMissing };
}

/** How many passages to look at for echoes of a match (the ones ranking highest on its terms). */
const ECHO_CANDIDATES = 30;

/**
 * Other statements in the corpus (a passage and its translation count once) that hold every term
 * the unit holds: when several do, what matched is common background, not the claim's point.
 * Found through the index, so the count does not depend on how the claim's passages ranked.
 */
export function echoes(corpus: Corpus, unit: EvidenceUnit): number {
  if (!unit.matched.length) return 0;
  const query = new Map(unit.matched.map((t) => [t, 1]));
  const counted = new Set(unit.members.map((m) => m.id));
  let count = 0;
  for (const hit of corpus.index.search(query, ECHO_CANDIDATES, corpus.boost)) {
    const p = corpus.passages[hit.id];
    if (counted.has(p.id) || p.role === 'analysis' || p.heading) continue;
    const group = [p, ...p.aligned.map((id) => corpus.passages[id])];
    for (const m of group) counted.add(m.id);
    if (unit.matched.every((t) => group.some((m) => passageTokenSet(corpus, m).has(t)))) count++;
  }
  return count;
}

/** The passage of a unit to show as evidence: the original when the unit has one. */
export function bestMember(unit: EvidenceUnit): Passage {
  return [...unit.members].sort((a, b) => ROLE_PREFERENCE[a.role] - ROLE_PREFERENCE[b.role])[0];
}
