// Verdict of a claim against its ranked passages. The analysis (verdict/analysis.ts) reads the
// claim once — terms, words with their meanings in both languages, values — aligns it with the
// evidence units retrieval found and gathers candidate conflicts: a value the source gives
// differently, a role or act given to someone else, a word reversed into its opposite, a negation
// on one side only. A learned model (verdict/model.ts, weights fitted by `npm run train`) weighs
// the features and decides; every verdict is explained with the passage and the values or words
// it rests on. Analysis passages are evidence only of a claim that reports them as opinion.
import type { Corpus } from './corpus';
import { builtInCatalog, type EntityCatalog } from './entities';
import type { RankedPassage } from './retrieval';
import { analyse, type Analysis } from './verdict/analysis';
import { bestMember } from './verdict/evidence';
import { explainConflicts, explainSupport, explainUnsupported } from './verdict/explain';
import { decide, VERDICT_MODEL } from './verdict/model';
import { hasRole } from './verdict/terms';

export type Verdict = 'supported' | 'contradicted' | 'unsupported';

export interface Conflict {
  /** `date`, `amount`, `count`, `percent`, `ratio`, `duration`, `actor`, `reversal` or `negation`. */
  kind: string;
  claimValue: string;
  sourceValue: string;
  /** Id of the passage that states `sourceValue`. */
  passage: number;
  /** UTF-16 offsets of `claimValue` in the claim text. */
  claimStart: number;
  claimEnd: number;
  /** UTF-16 offsets of `sourceValue` in the passage text. */
  sourceStart: number;
  sourceEnd: number;
}

export interface Judgement {
  verdict: Verdict;
  explanation: string;
  conflicts: Conflict[];
  /** The passage the verdict rests on, if any. */
  evidence?: number;
  /** The model's probability for the verdict given, 0–1. */
  confidence?: number;
}

export interface JudgeOptions {
  /** Entity catalog for names and roles; the shipped catalog when absent. */
  entities?: EntityCatalog;
}

let shipped: EntityCatalog | undefined;

export function judge(corpus: Corpus, claim: string, ranked: RankedPassage[], options: JudgeOptions = {}): Judgement {
  const entities = options.entities ?? (shipped ??= builtInCatalog());
  const a = analyse(corpus, claim, ranked, entities);
  const conflicts = conflictsOf(a);
  const { verdict, probability } = decide(VERDICT_MODEL, a.features, conflicts.length > 0);
  const confidence = Math.round(probability * 100) / 100;
  if (verdict === 'contradicted') {
    const unit = a.sameEvent.find((u) => u.members.some((m) => m.id === conflicts[0].passage)) ?? a.best!;
    return { verdict, explanation: explainConflicts(corpus, conflicts, unit), conflicts, evidence: conflicts[0].passage, confidence };
  }
  if (verdict === 'supported' && a.best) {
    const shown = bestMember(a.best);
    return { verdict, explanation: explainSupport(corpus, a.best, shown), conflicts: [], evidence: shown.id, confidence };
  }
  const why = { needsEvent: hasRole(a.terms, 'event'), background: a.echoes > 1 ? a.echoes : 0, clash: a.clash, absent: a.absent };
  return { verdict: 'unsupported', explanation: explainUnsupported(a.best, why), conflicts: [], confidence };
}

/** Every conflict the analysis can show, values first: the verdict's evidence if the model says contradicted. */
function conflictsOf(a: Analysis): Conflict[] {
  const out: Conflict[] = a.factConflicts.map((c) => ({
    kind: c.claimFact.kind,
    claimValue: c.claimFact.text,
    sourceValue: c.sourceFact.text,
    passage: c.sourceFact.passage,
    claimStart: c.claimFact.start,
    claimEnd: c.claimFact.end,
    sourceStart: c.sourceFact.start,
    sourceEnd: c.sourceFact.end,
  }));
  for (const c of a.actorConflicts) {
    out.push({ kind: 'actor', claimValue: c.claim.name, sourceValue: c.source.name, passage: c.passage, claimStart: c.claim.start, claimEnd: c.claim.end, sourceStart: c.source.start, sourceEnd: c.source.end });
  }
  for (const s of a.slotConflicts) {
    out.push({
      kind: s.kind,
      claimValue: s.claimText || 'no negation',
      sourceValue: s.sourceText || 'no negation',
      passage: s.passage,
      claimStart: s.claimStart,
      claimEnd: s.claimEnd,
      sourceStart: s.sourceStart,
      sourceEnd: s.sourceEnd,
    });
  }
  return out;
}
