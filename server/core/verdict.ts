// Verdict of a claim against its ranked passages. A first version: supported when an
// evidence-grade passage covers enough of the claim, unsupported otherwise.
import type { RankedPassage } from './retrieval';

export type Verdict = 'supported' | 'contradicted' | 'unsupported';

export interface Conflict {
  kind: string;
  claimValue: string;
  sourceValue: string;
  passage: number;
}

export interface Judgement {
  verdict: Verdict;
  explanation: string;
  conflicts: Conflict[];
  /** The passage the verdict rests on, if any. */
  evidence?: number;
}

export const SUPPORT_COVERAGE = 0.45;

export function judge(_claim: string, ranked: RankedPassage[]): Judgement {
  const best = ranked.find((r) => r.passage.role !== 'analysis');
  if (best && best.coverage >= SUPPORT_COVERAGE) {
    return { verdict: 'supported', explanation: `${Math.round(best.coverage * 100)}% of the claim's terms found in a ${best.passage.role} passage`, conflicts: [], evidence: best.passage.id };
  }
  return { verdict: 'unsupported', explanation: 'no passage covers enough of the claim', conflicts: [] };
}
