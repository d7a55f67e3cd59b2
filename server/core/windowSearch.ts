// The top k passages of a BM25 query without scoring every posting of its common terms. The
// passages are taken a window of ids at a time, in id order. A window's bound is what each query
// term can add in it — nothing for a term it lacks, else the best posting of the blocks its
// postings there lie in — and a window whose bound is below the k-th best score found so far is
// skipped whole. Inside a window, MaxScore: the terms that can still lift a passage to the k-th
// best are scored posting by posting (essential terms), the others only for the candidates those
// left. The k-th best of the finished windows is a true score, so it prunes from the start of
// each window. Every passage that can reach the top k is scored with every term in the query's
// order, so its score is the same float as an exhaustive search gives.
import { lowerBound } from './arrays';
import type { Hit } from './searchIndex';
import { TopK } from './topK';

export const K1 = 1.2;
export const B = 0.75;
/** Added to each term's bound: more than 32-bit sums of a claim's scores can be off by. */
const ROUNDING = 1e-3;
/**
 * Passages per window: fewer cost a seek per term and window, more prune less. At 1,000 synthetic
 * documents 2,048–8,192 were best (a dev or drawn claim 3.7–4.7× faster than the search before;
 * 256: 3.0–3.4×).
 */
export const WINDOW = 4096;
/** Postings per block (in the order of `ids`, across terms): the finest grain of a term's bound in a window. */
export const BLOCK = 128;
/** Up to this many postings, a term's bound in a window is read from the postings themselves. */
const EXACT_BOUND = 8;

/** The postings a search reads. */
export interface Postings {
  /** Passage ids, ascending within each term. */
  ids: Int32Array;
  /** Term frequency of each posting. */
  tfs: Uint8Array;
  /** Per passage: K1 · (1 − B + B · length ÷ average length). */
  norm: Float32Array;
  /** Per block of BLOCK postings, the most one of them scores for a weight of 1 (`blockMaxima`). */
  blockMax: Float32Array;
}

/** What posting `p` scores for a weight of 1. */
function impact(postings: Pick<Postings, 'ids' | 'tfs' | 'norm'>, p: number): number {
  const tf = postings.tfs[p];
  return (tf * (K1 + 1)) / (tf + postings.norm[postings.ids[p]]);
}

/** The most one posting of each block scores for a weight of 1: one pass over the postings. */
export function blockMaxima(postings: Pick<Postings, 'ids' | 'tfs' | 'norm'>): Float32Array {
  const count = postings.ids.length;
  const blocks = new Float32Array(Math.ceil(count / BLOCK));
  for (let b = 0; b < blocks.length; b++) {
    let max = 0;
    for (let p = b * BLOCK, end = Math.min(count, p + BLOCK); p < end; p++) {
      const v = impact(postings, p);
      if (v > max) max = v;
    }
    // Rounded up a little: stored as a 32-bit float, it must not fall below the true maximum.
    blocks[b] = max * (1 + 1e-6);
  }
  return blocks;
}

/**
 * The top `k` passages (score descending, then id) for query terms given as ranges of postings
 * (`starts[j]`…`ends[j] - 1`) and weights (query weight × idf), summed in that order; each
 * passage's score multiplied by its `boost` (≤ 1; 0 excludes it). `windowSize` is for tests.
 */
export function searchTopK(postings: Postings, starts: Int32Array, ends: Int32Array, weights: Float64Array, k: number, boost?: Float32Array, windowSize = WINDOW): Hit[] {
  const n = weights.length;
  const size = postings.norm.length;
  const from = starts.slice();
  const to = new Int32Array(n);
  const bounds = new Float64Array(n);
  const rest = new Float64Array(n + 1);
  const top = new TopK(k);
  const window = new Window(postings, weights, top, boost, windowSize);
  for (let start = 0; start < size; start += windowSize) {
    const end = Math.min(size, start + windowSize);
    let bound = 0;
    for (let j = 0; j < n; j++) {
      to[j] = seek(postings.ids, from[j], ends[j], end);
      bounds[j] = to[j] > from[j] ? weights[j] * termBound(postings, from[j], to[j]) + ROUNDING : 0;
      bound += bounds[j];
    }
    if (bound > 0 && bound >= top.threshold) {
      for (let j = n - 1; j >= 0; j--) rest[j] = rest[j + 1] + bounds[j];
      window.search(start, end, from, to, rest);
    }
    from.set(to);
  }
  return top.sorted();
}

/**
 * The most one of postings `from`…`to - 1` scores for a weight of 1, or a little more: exactly
 * for a few postings, else the best of the blocks they lie in.
 */
function termBound(postings: Postings, from: number, to: number): number {
  let max = 0;
  if (to - from <= EXACT_BOUND) {
    for (let p = from; p < to; p++) max = Math.max(max, impact(postings, p));
    return max * (1 + 1e-6);
  }
  for (let b = Math.floor(from / BLOCK), last = Math.floor((to - 1) / BLOCK); b <= last; b++) max = Math.max(max, postings.blockMax[b]);
  return max;
}

/** The first of postings `p`…`end - 1` whose passage is at least `id`: by galloping, then binary search. */
function seek(ids: Int32Array, p: number, end: number, id: number): number {
  if (p >= end || ids[p] >= id) return p;
  let lo = p;
  let step = 1;
  let hi = p + 1;
  while (hi < end && ids[hi] < id) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  return lowerBound(ids, id, lo + 1, Math.min(hi, end));
}

/** One window's scores, indexed by passage id less the window's start, and its candidates. */
class Window {
  private readonly scores: Float32Array;
  private readonly candidates: Int32Array;

  constructor(
    private readonly postings: Postings,
    private readonly weights: Float64Array,
    private readonly top: TopK,
    private readonly boost: Float32Array | undefined,
    size: number,
  ) {
    this.scores = new Float32Array(size);
    this.candidates = new Int32Array(size);
  }

  /** Offers `top` every passage of `start`…`end - 1` that can reach it; `rest[j]` is what terms j… can add here. */
  search(start: number, end: number, from: Int32Array, to: Int32Array, rest: Float64Array): void {
    const { ids, tfs, norm } = this.postings;
    const { scores, weights, boost, top } = this;
    const n = weights.length;
    const k = top.k;
    // A lower bound of the final k-th best: the k-th of the finished windows, or of this one's partial scores.
    let theta = top.threshold;
    let best = 0;
    let touched = 0;
    let i = 0;
    for (; i < n && rest[i] >= theta; i++) {
      const w = weights[i];
      for (let p = from[i]; p < to[i]; p++) {
        const id = ids[p];
        const b = boost ? boost[id] : 1;
        if (b === 0) continue;
        const x = id - start;
        if (scores[x] === 0) touched++;
        const tf = tfs[p];
        scores[x] += (w * tf * (K1 + 1)) / (tf + norm[id]);
        if (scores[x] * b > best) best = scores[x] * b;
      }
      // While fewer than k passages are finished, this window's own k-th may raise theta.
      if (top.threshold === 0 && touched >= k && rest[i + 1] < best) theta = Math.max(theta, this.kth(start, end, theta));
    }
    // The candidates: passages that can still reach theta, in id order.
    let count = 0;
    for (let x = 0; x < end - start; x++) {
      if (scores[x] > 0 && (scores[x] + rest[i]) * (boost ? boost[start + x] : 1) >= theta) this.candidates[count++] = x;
    }
    // The other terms, for the candidates only; after each, those that can no longer reach theta drop out.
    for (let j = i; j < n && count > 0; j++) {
      const w = weights[j];
      const last = to[j];
      let p = from[j];
      for (let c = 0; c < count; c++) {
        const id = start + this.candidates[c];
        p = seek(ids, p, last, id);
        if (p === last) break;
        if (ids[p] !== id) continue;
        const tf = tfs[p];
        scores[id - start] += (w * tf * (K1 + 1)) / (tf + norm[id]);
      }
      if (j + 1 < n) count = this.keep(count, start, rest[j + 1], theta);
    }
    for (let c = 0; c < count; c++) {
      const x = this.candidates[c];
      top.offer(start + x, scores[x] * (boost ? boost[start + x] : 1));
    }
    scores.fill(0, 0, end - start);
  }

  /** Keeps the first `count` candidates that `left` more can still lift to theta; returns how many. */
  private keep(count: number, start: number, left: number, theta: number): number {
    const { scores, boost, candidates } = this;
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const x = candidates[c];
      if ((scores[x] + left) * (boost ? boost[start + x] : 1) >= theta) candidates[kept++] = x;
    }
    return kept;
  }

  /** The k-th best boosted partial score in the window (a lower bound of the final k-th), or `floor`. */
  private kth(start: number, end: number, floor: number): number {
    const values: number[] = [];
    for (let x = 0; x < end - start; x++) {
      const v = this.scores[x] * (this.boost ? this.boost[start + x] : 1);
      if (v > 0 && v >= floor) values.push(v);
    }
    if (values.length < this.top.k) return floor;
    // 64-bit: the very values the candidates are compared with (a 32-bit copy may round up past them).
    const sorted = Float64Array.from(values).sort();
    return sorted[sorted.length - this.top.k];
  }
}
