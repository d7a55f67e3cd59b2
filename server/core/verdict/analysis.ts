// One analysis per claim: its terms and words (once), the evidence units retrieval found, the
// candidate conflicts (values, roles, actors, reversals, negation) and the features the verdict
// model weighs. The model (model.ts) decides; this file only measures.
import type { Corpus } from '../corpus';
import type { EntityCatalog } from '../entities';
import { factsAgree } from '../facts';
import { passagesSay, type RankedPassage } from '../retrieval';
import { indexTokens } from '../tokenize';
import type { Role } from '../types';
import { actorConflicts } from './actors';
import { attachment, factConflicts, langOf, placement, type FactConflict } from './conflicts';
import { echoes, evidenceUnits, factsNearby, joinedUnits, ROLE_PREFERENCE, type EvidenceUnit } from './evidence';
import { modalityMismatch, negationMismatch, quantifierMismatch, reversals, type SlotConflict } from './slots';
import type { NameClash } from './clash';
import { reporterSwaps } from './reporters';
import { speakerSwaps } from './speakers';
import { bindingSwaps } from './binding';
import { contrastSwaps } from './contrast';
import { actorSwaps } from './swaps';
import { claimTerms, hasRole, type ClaimTerms } from './terms';

/**
 * Units about the same event as the claim (the ground for a contradiction) hold at least this
 * share of its names and event terms, in any wording. It only gathers candidates: the model weighs
 * how much the conflicting unit shares (`conflictSubject`).
 */
export const CANDIDATE_SUBJECT = 0.35;
/** The earlier hand-calibrated line for "clearly the same event" (dev set, 2026-11), kept for actor swaps only. */
const SAME_EVENT = 0.5;
/** The units saying most of what the claim says was said, where its speaker is looked for. */
const SPEAKER_UNITS = 2;


export interface Analysis {
  terms: ClaimTerms;
  lang: string;
  units: EvidenceUnit[];
  sameEvent: EvidenceUnit[];
  best?: EvidenceUnit;
  factConflicts: FactConflict[];
  actorConflicts: NameClash[];
  slotConflicts: SlotConflict[];
  /** Why the best unit may not back the claim: a value it gives differently, or lacks. */
  clash?: FactConflict;
  absent?: FactConflict['claimFact'];
  echoes: number;
  features: Features;
}

/** What the model sees, all in 0–1 (or small counts), named for the explanation and the weights file. */
export interface Features {
  meaningCoverage: number;
  joinedCoverage: number;
  meaningEvent: number;
  meaningSubject: number;
  eventDominant: number;
  echoes: number;
  clash: number;
  absent: number;
  hasFacts: number;
  factConflict: number;
  actorConflict: number;
  conflictSubject: number;
  reversal: number;
  negation: number;
  scope: number;
  modality: number;
  crossLanguage: number;
  weakRole: number;
  unmatchedWords: number;
  missingEvent: number;
}

// The exact-word shares (unit.coverage, unit.event) are left to the explanations, not weighed: they only
// repeat the meaning-aware shares for a claim in the passage's own words, and a model given both
// learned opposite signs for the pair.
export const FEATURE_NAMES: Array<keyof Features> = [
  'meaningCoverage', 'joinedCoverage', 'meaningEvent', 'meaningSubject', 'eventDominant', 'echoes', 'clash', 'absent',
  'hasFacts', 'factConflict', 'actorConflict', 'conflictSubject', 'reversal', 'negation', 'scope', 'modality', 'crossLanguage', 'weakRole',
  'unmatchedWords', 'missingEvent',
];

/** `hidden`: passages left out of the evidence (for generated training claims; see evidenceUnits). */
export function analyse(corpus: Corpus, claim: string, ranked: RankedPassage[], entities: EntityCatalog, hidden?: ReadonlySet<number>): Analysis {
  const terms = claimTerms(corpus, claim, entities);
  const lang = langOf(claim);
  const units = evidenceUnits(corpus, ranked, terms, hidden);
  const joined = joinedUnits(corpus, units, terms);
  const sameEvent = [...units, ...joined].filter((u) => u.meaningSubject >= CANDIDATE_SUBJECT);

  const claimWords = new Set([...terms.role].filter(([t, r]) => r !== 'fact' && !t.startsWith('@')).map(([t]) => t));
  const attach = attachment((id) => corpus.passages[id].text, claimWords, indexTokens);
  const placed = placement(claim, terms.words, (id) => corpus.passages[id].text);
  let facts = factConflicts(terms.facts, sameEvent, lang, attach, (u) => u.meaningSubject, placed);
  const actors: NameClash[] = actorConflicts(claim, sameEvent.flatMap((u) => u.members), entities).map((c) => ({
    claim: { name: c.claim.name, start: c.claim.start, end: c.claim.end },
    source: { name: c.source.name, start: c.source.start, end: c.source.end },
    passage: c.passage,
  }));
  const lead = bestUnit(sameEvent, (u) => u.meaningSubject);
  if (!facts.length && !actors.length && lead) {
    // Whether some passage about the event names the claim's actor is asked of the units that are
    // clearly about it (half the claim's names and event terms, as before the model): a passage
    // that merely shares a name with the claim must not excuse a swap.
    const clearly = sameEvent.filter((u) => u.meaningSubject >= SAME_EVENT);
    for (const s of actorSwaps(corpus, claim, lead, clearly.length ? clearly : [lead], entities)) {
      if (reportedBy(claim, s.claim)) continue;
      actors.push({ claim: { name: s.claim.name, start: s.claim.start, end: s.claim.end }, source: { name: s.source.name, start: s.source.start, end: s.source.end }, passage: s.passage });
    }
    // Who reported it: an outlet credited in the claim that no passage about the event names.
    if (!actors.length) {
      for (const s of reporterSwaps(claim, lead.members, sameEvent.flatMap((u) => u.members))) actors.push(s);
    }
    // Who said it: the statement the claim credits to one person, quoted from another.
    if (!actors.length) {
      const said = [...sameEvent].sort((a, b) => b.meaningEvent - a.meaningEvent).slice(0, SPEAKER_UNITS);
      for (const s of speakerSwaps(claim, terms.mentions, said, entities)) actors.push(s);
    }
    // What the claim says one named doer did, the passage says another it also names did.
    if (!actors.length) actors.push(...bindingSwaps(claim, terms.mentions, terms.words, lead.members, entities));
  }
  const best = bestUnit(units, (u) => u.meaningCoverage);
  // Reversals and negation are read in the unit the claim matches best, when it is about the same
  // thing; else in the unit most about the claim's subject.
  const slotUnit = best && best.meaningSubject >= CANDIDATE_SUBJECT ? best : lead;
  const slots: SlotConflict[] = slotUnit ? [...reversals(corpus, terms.words, slotUnit.members)] : [];
  let negation = slotUnit ? negationMismatch(corpus, claim, lang, slotUnit.members) : undefined;
  const scope = slotUnit ? quantifierMismatch(claim, slotUnit.members) : undefined;
  if (scope) slots.push(scope);
  const modality = slotUnit ? modalityMismatch(claim, slotUnit.members) : undefined;
  if (modality) slots.push(modality);
  // An opposite under a negation says the same thing (`弱い` for `without strong defenses`):
  // the two cancel out.
  if (negation && slots.some((s) => s.kind === 'reversal')) {
    slots.splice(0, slots.length, ...slots.filter((s) => s.kind !== 'reversal'));
    negation = undefined;
  }
  if (negation) slots.push(negation);
  // A contrast turned around is its own finding, whatever negation it is written with.
  if (slotUnit) slots.push(...contrastSwaps(claim, slotUnit.members, entities));

  const clash = best ? factConflicts(terms.facts, [best], lang)[0] : undefined;
  // The best unit's own rival value is a candidate too, when that unit is about the claim's subject:
  // the model weighs it (the attachment test above may have set it aside for a value elsewhere).
  if (!facts.length && clash && best!.meaningSubject >= CANDIDATE_SUBJECT) facts = [clash];
  const nearby = best ? factsNearby(corpus, best) : [];
  const absent = best ? terms.facts.find((f) => !nearby.some((g) => factsAgree(f, g))) : undefined;
  const echoed = best ? echoes(corpus, best) : 0;
  const conflictUnit = facts.length || actors.length ? [...sameEvent, ...(best ? [best] : [])].find((u) => u.members.some((m) => m.id === (facts[0]?.sourceFact.passage ?? actors[0].passage))) : undefined;

  const features: Features = {
    meaningCoverage: best?.meaningCoverage ?? 0,
    // A claim that joins two adjacent sentences: how much of it the pair holds (the model weighs it).
    joinedCoverage: Math.max(best?.meaningCoverage ?? 0, ...joined.map((u) => u.meaningCoverage)),
    meaningEvent: best?.meaningEvent ?? 0,
    meaningSubject: best?.meaningSubject ?? 0,
    eventDominant: !hasRole(terms, 'event') || (best !== undefined && best.eventFound > best.eventMissing) ? 1 : 0,
    echoes: Math.log1p(echoed),
    clash: clash ? 1 : 0,
    absent: absent ? 1 : 0,
    hasFacts: terms.facts.length ? 1 : 0,
    factConflict: facts.length ? 1 : 0,
    actorConflict: actors.length ? 1 : 0,
    conflictSubject: conflictUnit?.meaningSubject ?? 0,
    // A reversal or a negation counts as much as the unit it is read in is about the claim's subject.
    reversal: slots.some((s) => s.kind === 'reversal') ? (slotUnit?.meaningSubject ?? 0) : 0,
    negation: negation ? (slotUnit?.meaningSubject ?? 0) : 0,
    scope: scope ? (slotUnit?.meaningSubject ?? 0) : 0,
    modality: modality ? (slotUnit?.meaningSubject ?? 0) : 0,
    crossLanguage: best && !best.members.some((m) => m.lang === lang) ? 1 : 0,
    weakRole: best && Math.min(...best.members.map((m) => ROLE_PREFERENCE[m.role as Role])) >= ROLE_PREFERENCE.summary ? 1 : 0,
    unmatchedWords: best ? unmatchedShare(corpus, terms, best) : 1,
    missingEvent: best?.meaningMissing ?? 1,
  };
  return { terms, lang, units, sameEvent, best, factConflicts: facts, actorConflicts: actors, slotConflicts: slots, clash, absent, echoes: echoed, features };
}

// Who tells it is not who did it: `according to Anthropic`, `Anthropic の説明によれば`, `Anthropic said`.
const REPORTED_BEFORE = /according to\s*(?:the\s+)?$/i;
const REPORTED_AFTER = /^\s*(?:(?:said|says|told|claims?|claimed)\b|(?:の(?:説明|発表|主張|見解|話))?(?:によれば|によると|では|いわく))/;

function reportedBy(claim: string, actor: { start: number; end: number }): boolean {
  return REPORTED_BEFORE.test(claim.slice(Math.max(0, actor.start - 20), actor.start)) || REPORTED_AFTER.test(claim.slice(actor.end, actor.end + 12));
}

/** Share of the claim's content words that the unit says in no wording at all. */
function unmatchedShare(corpus: Corpus, terms: ClaimTerms, unit: EvidenceUnit): number {
  if (!terms.words.length) return 0;
  const found = (w: (typeof terms.words)[number]) => passagesSay(corpus, unit.members, w.own) || passagesSay(corpus, unit.members, w.synonyms);
  return terms.words.filter((w) => !found(w)).length / terms.words.length;
}

/** The unit scoring highest; on a near tie, the better kind of evidence. */
export function bestUnit(units: EvidenceUnit[], score: (u: EvidenceUnit) => number): EvidenceUnit | undefined {
  const rank = (u: EvidenceUnit) => score(u) - 0.02 * Math.min(...u.members.map((m) => ROLE_PREFERENCE[m.role as Role]));
  return [...units].sort((a, b) => rank(b) - rank(a))[0];
}
