// Claim → ranked passages: BM25 over language-aware tokens, with facts and entities as bridges
// between Japanese and English, and aligned translations brought in beside their originals.
import { ROLE_BOOST, type Corpus } from './corpus';
import { attributesView } from './attribution';
import { claimWords, expansionTokens, textKeys } from './dictionary/concepts';
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
  /** Passages never returned: the training script's generated claims leave out the sentence they were made from. */
  exclude?: number[];
  /**
   * Entities (catalog ids) the claim names in a spelling the sources may not use (`ラトニック`
   * for `ルットニック`): their bridge tokens join the query as if the annotator had found them.
   */
  named?: string[];
}

/** Bridge tokens (facts, entities) say more than a single word or bigram. */
const BRIDGE_WEIGHT = 2;
/** Share of passages above which an expansion is left out of a query — on a large corpus only, where a long posting list costs. */
const COMMON_EXPANSION = 0.02;
const COMMON_EXPANSION_MIN = 2_000;
/**
 * A dictionary translation or synonym of a claim word counts as a word of the claim (1 gave the
 * training claims' cross-language sources a better top 5 than 0.5: 87% against 77%).
 */
const EXPANSION_WEIGHT = 1;

/** The claim's own query terms: its tokens and bridge tokens, with sub-linear term frequency. */
export function ownQuery(corpus: Corpus, claim: string): Map<string, number> {
  const query = new Map<string, number>();
  for (const t of queryTokens(claim)) query.set(t, (query.get(t) ?? 0) + 1);
  for (const annotate of corpus.annotators) {
    for (const t of annotate(claim)) query.set(t, (query.get(t) ?? 0) + BRIDGE_WEIGHT);
  }
  // Sub-linear term frequency: a word repeated in a claim is not twice as important.
  for (const [t, c] of query) query.set(t, c >= 1 ? 1 + Math.log(c) : c);
  return query;
}

/** The claim's own terms and, for retrieval, its words in the other language and in other words. */
export function claimQuery(corpus: Corpus, claim: string): Map<string, number> {
  const query = ownQuery(corpus, claim);
  // Dictionary glosses and synonyms, where the corpus has them; one most passages carry
  // (`government`) ranks nothing and costs a long posting list.
  const common = Math.max(COMMON_EXPANSION_MIN, COMMON_EXPANSION * corpus.passages.length);
  for (const t of expansionTokens(claimWords(claim), indexTokens, (t) => corpus.index.df(t) > 0)) {
    const df = corpus.index.df(t);
    if (!query.has(t) && df > 0 && df <= common) query.set(t, EXPANSION_WEIGHT);
  }
  return query;
}

/**
 * A claim often joins two adjacent sentences of a source ("… after a Friday ultimatum. The company
 * sent executives to Washington"): a passage gains up to this share of the claim terms its
 * neighbour holds and it lacks — never more than its own score, so a neighbour alone ranks nothing.
 */
const CONTEXT_WEIGHT = 0.4;
/** Neighbours of this many of the best hits join the candidates. */
const CONTEXT_HITS = 10;

export function rankPassages(corpus: Corpus, claim: string, options: RankOptions = {}): RankedPassage[] {
  const top = options.top ?? 5;
  const query = claimQuery(corpus, claim);
  for (const id of options.named ?? []) if (!query.has(`@${id}`)) query.set(`@${id}`, BRIDGE_WEIGHT);
  // A claim that reports someone's view looks for where that view is stated: the aggregator's
  // analysis ranks like any other passage instead of below them.
  let boost = attributesView(claim) ? viewBoost(corpus) : corpus.boost;
  if (options.roles || options.exclude?.length) {
    boost = new Float32Array(boost);
    const allowed = new Set(options.roles ?? []);
    if (options.roles) for (const p of corpus.passages) if (!allowed.has(p.role)) boost[p.id] = 0;
    for (const id of options.exclude ?? []) boost[id] = 0;
  }
  const hits = corpus.index.search(query, Math.max(top * 3, 20), boost);
  const weightOf = (t: string) => query.get(t)! * corpus.index.idf(t);
  const totalWeight = [...query.keys()].reduce((s, t) => s + weightOf(t), 0) || 1;
  const matchedIn = (p: Passage) => {
    const tokens = passageTokenSet(corpus, p);
    return [...query.keys()].filter((t) => tokens.has(t));
  };

  // Candidates: the hits, and the sentences beside the best of them.
  const own = new Map<number, number>(hits.map((h) => [h.id, h.score]));
  for (const hit of hits.slice(0, CONTEXT_HITS)) {
    for (const n of neighbours(corpus, corpus.passages[hit.id])) {
      if (!own.has(n.id) && boost[n.id] > 0) own.set(n.id, corpus.index.score(query, n.id) * boost[n.id]);
    }
  }
  const scored = [...own].flatMap(([id, score]) => {
    if (score <= 0) return [];
    const passage = corpus.passages[id];
    const matched = matchedIn(passage);
    const have = new Set(matched);
    let context = 0;
    for (const n of neighbours(corpus, passage)) {
      const extra = matchedIn(n).reduce((s, t) => s + (have.has(t) ? 0 : weightOf(t)), 0);
      context = Math.max(context, extra);
    }
    const coverage = matched.reduce((s, t) => s + weightOf(t), 0) / totalWeight;
    return [{ passage, score: score + Math.min(score, CONTEXT_WEIGHT * context * boost[id]), coverage, matched }];
  });
  scored.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);

  const ranked: RankedPassage[] = [];
  const seen = new Set<number>();
  for (const r of scored) {
    if (!seen.has(r.passage.id)) {
      seen.add(r.passage.id);
      ranked.push(r);
    }
    // The aligned counterpart states the same thing in the other language: rank it just below.
    for (const other of r.passage.aligned) {
      if (boost[other] <= 0 || seen.has(other)) continue;
      seen.add(other);
      const passage = corpus.passages[other];
      const matched = matchedIn(passage);
      const coverage = matched.reduce((s, t) => s + weightOf(t), 0) / totalWeight;
      ranked.push({ passage, score: r.score * 0.9 * boost[other], coverage, matched, via: r.passage.id });
    }
  }
  ranked.sort((a, b) => b.score - a.score);
  return dedupe(ranked).slice(0, top);
}

// The boosts for a claim that reports a view, once per corpus (a new index is a new Corpus object):
// not a copy of every passage's boost per query.
const viewBoosts = new WeakMap<Corpus, Float32Array>();

function viewBoost(corpus: Corpus): Float32Array {
  let boost = viewBoosts.get(corpus);
  if (!boost) {
    boost = new Float32Array(corpus.boost);
    for (const p of corpus.passages) if (p.role === 'analysis') boost[p.id] = ROLE_BOOST.original;
    viewBoosts.set(corpus, boost);
  }
  return boost;
}

/** The sentences just before and after, in the same paragraph and language. */
export function neighbours(corpus: Corpus, p: Passage): Passage[] {
  const out: Passage[] = [];
  for (const id of [p.id - 1, p.id + 1]) {
    const n = corpus.passages[id];
    if (n && n.doc === p.doc && n.paragraph === p.paragraph && n.lang === p.lang && !n.heading) out.push(n);
  }
  return out;
}

// Tokens of a passage, once per corpus (a new index is a new Corpus object).
const tokenCache = new WeakMap<Corpus, Map<number, Set<string>>>();

export function passageTokenSet(corpus: Corpus, p: Passage): Set<string> {
  let cache = tokenCache.get(corpus);
  if (!cache) tokenCache.set(corpus, (cache = new Map()));
  let tokens = cache.get(p.id);
  if (!tokens) {
    tokens = new Set(indexTokens(p.text));
    for (const annotate of corpus.annotators) for (const t of annotate(p.text)) tokens.add(t);
    cache.set(p.id, tokens);
  }
  return tokens;
}

// Meaning keys of a passage (dictionary/concepts.ts), once per corpus, like its tokens.
const keyCache = new WeakMap<Corpus, Map<number, Set<string>>>();

export function passageKeySet(corpus: Corpus, p: Passage): Set<string> {
  let cache = keyCache.get(corpus);
  if (!cache) keyCache.set(corpus, (cache = new Map()));
  let keys = cache.get(p.id);
  if (!keys) cache.set(p.id, (keys = textKeys(p.text)));
  return keys;
}

/** Whether any of the passages says any of the keys, in any wording (see passageKeySet). */
export function passagesSay(corpus: Corpus, passages: Passage[], keys: Iterable<string>): boolean {
  for (const p of passages) {
    const own = passageKeySet(corpus, p);
    for (const k of keys) if (own.has(k)) return true;
  }
  return false;
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
