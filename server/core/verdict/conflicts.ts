// Fact conflicts: the claim states a value (a date, an amount, a count, a percent, a ratio, a
// duration) and a passage about the same event states a different value of the same kind. A
// passage that mentions several values (a timeline, a table of results) agrees when any of its
// values of that kind agrees, and so does any other passage about the same event: only a value
// that no such passage confirms is a conflict. A bounded value (`over 8 hours`) is compared with
// the source's values bounded the same way, when it has any.
import { saidNear, type ClaimWord } from '../dictionary/concepts';
import { factsAgree, sameKind, type Fact } from '../facts';
import type { EvidenceUnit, SourcedFact } from './evidence';
import { KANA_ONLY } from './terms';

export interface FactConflict {
  claimFact: Fact;
  sourceFact: SourcedFact;
}

/**
 * Conflicts between the claim's facts and the facts of same-event units. `sameEvent` units are
 * the ones whose non-fact terms match the claim well enough to be talking about the same thing.
 */
export function factConflicts(
  claimFacts: Fact[],
  sameEvent: EvidenceUnit[],
  claimLang: string,
  attach?: Attachment,
  aboutness?: (u: EvidenceUnit) => number,
  placed?: Placement,
): FactConflict[] {
  const conflicts: FactConflict[] = [];
  for (const fact of claimFacts) {
    // With `aboutness`, only the units most about the claim's event weigh in: a passage that
    // shares less of the claim (`June 30: controls lifted`) does not confirm a value that the
    // passages about the event itself (`June 12: order issued`) give differently.
    const holding = sameEvent.filter((u) => u.facts.some((f) => sameKind(fact, f)));
    const top = aboutness && holding.length ? Math.max(...holding.map(aboutness)) : 0;
    // A source value that is another of the claim's own values (`June 2 … by August 1` against
    // `by August 1`) is accounted for: it is no rival to this one.
    const others = claimFacts.filter((g) => g !== fact);
    const candidates = (u: EvidenceUnit) => u.facts.filter((f) => sameKind(fact, f) && !others.some((g) => factsAgree(g, f)));
    // When the units most about the event give only the claim's other values, this one is
    // weighed against the values of every unit about the event that are written where the claim
    // writes its own (the deadline `to be designed by August 1` for `9月1日までに設計される`, in
    // a passage that shares less of the claim than the one giving its `June 2`).
    const most = holding.filter((u) => !aboutness || aboutness(u) >= top).flatMap(candidates);
    const all = most.length ? most : holding.flatMap(candidates).filter((f) => placed?.(fact, f) ?? true);
    // A bound answers a bound: `at least 8 hours` is weighed against the source's `at least 16
    // hours`, not against the confidence interval `8.5 to 55 hours` printed beside it.
    const bounded = fact.bound ? all.filter((f) => f.bound === fact.bound) : [];
    const rivals = bounded.length ? bounded : all;
    const agreeing = rivals.filter((f) => factsAgree(fact, f));
    if (!rivals.length) continue;
    if (agreeing.length && (!attach || agreeing.some((f) => !attach.elsewhere(f, rivals)))) continue;
    const disagreeing = rivals.filter((f) => !agreeing.includes(f));
    // The same rival value as another same-event passage writes it may be shown instead, so that a
    // Japanese memo is answered with `6月12日` from the translation rather than `June 12`.
    const sameValue = sameEvent.flatMap((u) => u.facts.filter((f) => !disagreeing.includes(f) && disagreeing.some((d) => d.key === f.key)));
    const shown = agreeing.length && attach ? attach.closer(agreeing, disagreeing) : closest(fact, [...disagreeing, ...sameValue], claimLang);
    conflicts.push({ claimFact: fact, sourceFact: shown });
  }
  return conflicts;
}

/**
 * Which of a passage's values the claim's subject is written beside. A results line lists several
 * (`“The Last Ones” in 6 of 10 attempts and … “Cooling Tower” in 3 of 10`): the claim's `Cooling
 * Tower … 6 of 10` agrees with a value, but not with the one written beside its subject.
 */
export interface Attachment {
  /**
   * Whether an agreeing value is written beside something the claim does not mention, while a
   * rival in the same passage is written beside more of the claim's words.
   */
  elsewhere(agreeing: SourcedFact, rivals: SourcedFact[]): boolean;
  /** The rival the claim's words are written beside. */
  closer(agreeing: SourcedFact[], rivals: SourcedFact[]): SourcedFact;
}

const CLAUSE_BREAK = /[、,;:。]/g;

/** How far before a value its subject is looked for (it usually precedes it, in both languages). */
const ATTACH_WINDOW = 40;

/** An Attachment that reads the words before each value in its passage text. */
export function attachment(passageText: (id: number) => string, claimWords: Set<string>, tokens: (text: string) => string[]): Attachment {
  // Words in the stretch before the value, back to the previous value of its kind or the start of
  // its clause: [the claim's, others].
  const beside = (f: SourcedFact, kin: SourcedFact[]): [number, number] => {
    const previous = Math.max(0, ...kin.filter((k) => k.passage === f.passage && k.end <= f.start).map((k) => k.end));
    const stretch = passageText(f.passage).slice(Math.max(previous, f.start - ATTACH_WINDOW), f.start);
    // Within the value's own clause: `…チェックポイントが両方のレンジを完了し、「The Last Ones」は`.
    const text = stretch.slice(Math.max(...[...stretch.matchAll(CLAUSE_BREAK)].map((m) => m.index! + 1), 0));
    const words = new Set(tokens(text).filter((t) => !KANA_ONLY.test(t)));
    const claims = [...words].filter((t) => claimWords.has(t)).length;
    return [claims, words.size - claims];
  };
  return {
    elsewhere(agreeing, rivals) {
      const kin = rivals.filter((r) => r.passage === agreeing.passage);
      const [own, foreign] = beside(agreeing, kin);
      if (foreign === 0) return false;
      return kin.some((r) => r.key !== agreeing.key && beside(r, kin)[0] > own);
    },
    closer(agreeing, rivals) {
      const inPassage = rivals.filter((r) => agreeing.some((a) => a.passage === r.passage));
      const pool = inPassage.length ? inPassage : rivals;
      const kin = [...agreeing, ...rivals];
      return [...pool].sort((a, b) => beside(b, kin)[0] - beside(a, kin)[0])[0];
    },
  };
}

/** Whether a source value stands where the claim's value does. */
export type Placement = (fact: Fact, rival: SourcedFact) => boolean;

/**
 * A rival is placed like the claim's value when the claim's nearest word on either side of its
 * value, in the value's clause (`designed` in `to be designed by`, `lifted` in `lifted on June
 * 26`), is said near the rival, in any wording or language.
 */
export function placement(claim: string, words: ClaimWord[], passageText: (id: number) => string): Placement {
  const breaks = [...claim.matchAll(CLAUSE_BREAK)].map((m) => m.index!);
  return (fact, rival) => {
    const from = Math.max(0, ...breaks.filter((b) => b < fact.start));
    const to = Math.min(claim.length, ...breaks.filter((b) => b >= fact.end));
    const near = [words.filter((w) => w.start >= from && w.end <= fact.start).at(-1), words.find((w) => w.start >= fact.end && w.end <= to)];
    const said = near.filter((w): w is ClaimWord => w !== undefined);
    return !said.length || saidNear(passageText(rival.passage), rival, said);
  };
}

/** The rival to show: nearest in value, then in the claim's language (so a fix reads naturally). */
function closest(fact: Fact, rivals: SourcedFact[], claimLang: string): SourcedFact {
  const distance = (f: SourcedFact) => {
    if (fact.kind === 'date') return Math.abs(dayOfYear(f.key) - dayOfYear(fact.key));
    if (fact.value === undefined || f.value === undefined || fact.value <= 0 || f.value <= 0) return 0;
    return Math.abs(Math.log(f.value / fact.value));
  };
  const inLang = (f: SourcedFact) => (langOf(f.text) === claimLang ? 0 : 1);
  return [...rivals].sort((a, b) => distance(a) - distance(b) || inLang(a) - inLang(b))[0];
}

/** A rough position in the year (`date:--02-10` → 41), enough to pick the nearest of several dates. */
function dayOfYear(key: string): number {
  const m = /^date:(?:\d{4}|-)-(\d{2})(?:-(\d{2}))?$/.exec(key);
  return m ? (Number(m[1]) - 1) * 31 + Number(m[2] ?? 1) : 0;
}

export function langOf(text: string): string {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(text) ? 'ja' : 'en';
}
