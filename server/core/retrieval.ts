// Claim → ranked passages: BM25 over language-aware tokens, with facts and entities as bridges
// between Japanese and English, and aligned translations brought in beside their originals.
import type { Corpus } from './corpus';
import { indexTokens, queryTokens } from './tokenize';
import type { Passage, Role } from './types';

export interface RankedPassage {
  passage: Passage;
  score: number;
  /** Share of the claim's (idf-weighted) terms found in the passage, 0–1: comparable across claims. */
  coverage: number;
  /** Claim terms the passage contains (tokens; `#…` are facts, `@…` entities). */
  matched: string[];
  /** Set when the passage was brought in as the aligned counterpart of a ranked one. */
  via?: number;
}

export interface RankOptions {
  top?: number;
  roles?: Role[];
}

/** Bridge tokens (facts, entities) say more than a single word or bigram. */
const BRIDGE_WEIGHT = 2;

export function claimQuery(corpus: Corpus, claim: string): Map<string, number> {
  const query = new Map<string, number>();
  for (const t of queryTokens(claim)) query.set(t, (query.get(t) ?? 0) + 1);
  for (const annotate of corpus.annotators) {
    for (const t of annotate(claim)) query.set(t, (query.get(t) ?? 0) + BRIDGE_WEIGHT);
  }
  // Sub-linear term frequency: a word repeated in a claim is not twice as important.
  for (const [t, c] of query) query.set(t, c >= 1 ? 1 + Math.log(c) : c);
  return query;
}

export function rankPassages(corpus: Corpus, claim: string, options: RankOptions = {}): RankedPassage[] {
  const top = options.top ?? 5;
  const query = claimQuery(corpus, claim);
  let boost = corpus.boost;
  if (options.roles) {
    boost = new Float32Array(corpus.boost);
    const allowed = new Set(options.roles);
    for (const p of corpus.passages) if (!allowed.has(p.role)) boost[p.id] = 0;
  }
  const hits = corpus.index.search(query, Math.max(top * 3, 20), boost);
  const totalWeight = [...query].reduce((s, [t, w]) => s + w * corpus.index.idf(t), 0) || 1;
  const ranked: RankedPassage[] = [];
  const seen = new Set<number>();
  const add = (passage: Passage, score: number, via?: number) => {
    if (seen.has(passage.id)) return;
    seen.add(passage.id);
    const tokens = new Set([...indexTokens(passage.text), ...corpus.annotators.flatMap((a) => a(passage.text))]);
    const matched = [...query.keys()].filter((t) => tokens.has(t));
    const coverage = matched.reduce((s, t) => s + query.get(t)! * corpus.index.idf(t), 0) / totalWeight;
    ranked.push({ passage, score, coverage, matched, ...(via !== undefined ? { via } : {}) });
  };
  for (const hit of hits) {
    const passage = corpus.passages[hit.id];
    add(passage, hit.score);
    // The aligned counterpart states the same thing in the other language: rank it just below.
    for (const other of passage.aligned) {
      if (boost[other] > 0) add(corpus.passages[other], hit.score * 0.9 * boost[other], passage.id);
    }
  }
  ranked.sort((a, b) => b.score - a.score);
  return dedupe(ranked).slice(0, top);
}

/** Identical sentences (repeated blurbs, key points restated) are listed once. */
function dedupe(ranked: RankedPassage[]): RankedPassage[] {
  const texts = new Set<string>();
  return ranked.filter((r) => {
    const key = r.passage.text.normalize('NFKC').replace(/\s+/g, '');
    if (texts.has(key)) return false;
    texts.add(key);
    return true;
  });
}
