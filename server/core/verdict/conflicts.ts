// Fact conflicts: the claim states a value (a date, an amount, a count, a percent, a ratio, a
// duration) and a passage about the same event states a different value of the same kind. A
// passage that mentions several values (a timeline, a table of results) agrees when any of its
// values of that kind agrees, and so does any other passage about the same event: only a value
// that no such passage confirms is a conflict. A bounded value (`over 8 hours`) is compared with
// the source's values bounded the same way, when it has any.
import { factsAgree, sameKind, type Fact } from '../facts';
import type { EvidenceUnit, SourcedFact } from './evidence';

export interface FactConflict {
  claimFact: Fact;
  sourceFact: SourcedFact;
}

/**
 * Conflicts between the claim's facts and the facts of same-event units. `sameEvent` units are
 * the ones whose non-fact terms match the claim well enough to be talking about the same thing.
 */
export function factConflicts(claimFacts: Fact[], sameEvent: EvidenceUnit[], claimLang: string): FactConflict[] {
  const conflicts: FactConflict[] = [];
  for (const fact of claimFacts) {
    const all = sameEvent.flatMap((u) => u.facts.filter((f) => sameKind(fact, f)));
    // A bound answers a bound: `at least 8 hours` is weighed against the source's `at least 16
    // hours`, not against the confidence interval `8.5 to 55 hours` printed beside it.
    const bounded = fact.bound ? all.filter((f) => f.bound === fact.bound) : [];
    const rivals = bounded.length ? bounded : all;
    if (!rivals.length || rivals.some((f) => factsAgree(fact, f))) continue;
    conflicts.push({ claimFact: fact, sourceFact: closest(fact, rivals, claimLang) });
  }
  return conflicts;
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

function langOf(text: string): string {
  return /[\u3040-\u30ff\u3400-\u9fff]/.test(text) ? 'ja' : 'en';
}
