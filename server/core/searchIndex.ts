// A BM25 inverted index over typed arrays, built for thousands of documents (millions of
// passages): postings in one compressed-sparse-row layout, and pruning at query time
// (windowSearch.ts) so that a whole-sentence claim touches the long posting lists of common terms
// only for the few passages that can still reach the top k.
import { GrowableInt32, lowerBound } from './arrays';
import { B, blockMaxima, K1, searchTopK, WINDOW, type Postings } from './windowSearch';

/** Collects passages' tokens; `finish()` turns them into a `SearchIndex`. */
export class IndexBuilder {
  private terms = new Map<string, number>();
  private termOf = new GrowableInt32(1 << 16);
  private tfOf = new GrowableInt32(1 << 16);
  private lengths = new GrowableInt32(1 << 16);
  private passageOf = new GrowableInt32(1 << 16);

  /** Per-term counts while one passage is added (all zero between passages), indexed by term id. */
  private counts = new Int32Array(1 << 16);

  /** Adds the next passage (ids are consecutive from 0); an empty token list is never matched. */
  add(tokens: string[]): number {
    const ids = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.termId(tokens[i]);
    return this.addTermIds(ids, 0, ids.length);
  }

  /** The term's id, a new one (the next) if the builder has not seen it. */
  termId(term: string): number {
    let termId = this.terms.get(term);
    if (termId === undefined) {
      termId = this.terms.size;
      this.terms.set(term, termId);
      if (termId >= this.counts.length) {
        const next = new Int32Array(this.counts.length * 2);
        next.set(this.counts);
        this.counts = next;
      }
    }
    return termId;
  }

  /** Adds the next passage as the ids `termId` gave its tokens: `termIds[from]`…`termIds[to - 1]`. */
  addTermIds(termIds: Int32Array, from: number, to: number): number {
    const id = this.lengths.length;
    this.lengths.push(to - from);
    const touched: number[] = [];
    for (let i = from; i < to; i++) {
      const termId = termIds[i];
      if (this.counts[termId]++ === 0) touched.push(termId);
    }
    // Terms in first-seen order; every term's postings still come out sorted by passage id.
    for (const termId of touched) {
      this.termOf.push(termId);
      this.tfOf.push(Math.min(this.counts[termId], 255));
      this.passageOf.push(id);
      this.counts[termId] = 0;
    }
    return id;
  }

  finish(): SearchIndex {
    return this.snapshot(this.lengths.length);
  }

  /**
   * An index of the first `passages` passages added so far, while more are still to come (an
   * answer during indexing). It costs one pass over their postings; the builder goes on as before.
   */
  snapshot(passages: number): SearchIndex {
    const termCount = this.terms.size;
    // Postings are added in passage order: those of the first `passages` passages are a prefix.
    let total = this.termOf.length;
    if (passages < this.lengths.length) total = lowerBound(this.passageOf.data, passages, 0, total);
    const offsets = new Int32Array(termCount + 1);
    for (let i = 0; i < total; i++) offsets[this.termOf.data[i] + 1]++;
    for (let t = 0; t < termCount; t++) offsets[t + 1] += offsets[t];
    const cursor = offsets.slice(0, termCount);
    const postings = new Int32Array(total);
    const tfs = new Uint8Array(total);
    // Passages were added in id order, so every term's postings come out sorted by id.
    for (let i = 0; i < total; i++) {
      const slot = cursor[this.termOf.data[i]]++;
      postings[slot] = this.passageOf.data[i];
      tfs[slot] = this.tfOf.data[i];
    }
    const lengths = this.lengths.data.slice(0, passages);
    // The dictionary is shared: terms the builder adds later have ids past this index's rows.
    return new SearchIndex(this.terms, offsets, postings, tfs, lengths);
  }
}

export interface Hit {
  id: number;
  score: number;
}

/** What a `SearchIndex` is made of: what a saved index stores and an incremental update merges. */
export interface IndexParts {
  /** Terms in term-id order. */
  terms: string[];
  /** Term id → start of its postings (one more entry than terms). */
  offsets: Int32Array;
  /** Passage ids, ascending within each term. */
  ids: Int32Array;
  /** Term frequency of each posting (capped at 255). */
  tfs: Uint8Array;
  /** Token count of each passage. */
  lengths: Int32Array;
}

export class SearchIndex {
  private readonly norm: Float32Array;
  /** What a search reads: the postings, the length norms and each block's best posting. */
  private readonly postingView: Postings;
  readonly size: number;
  /** Term ids below this are this index's; `terms` may hold more, added by a later index that extended it. */
  private readonly idCount: number;
  /** Terms with at least one posting (an update may leave a term with none). */
  readonly termCount: number;

  /**
   * `terms` maps each term to its id, the row of `offsets`. It may be shared with (and extended
   * by) the indexes an incremental update makes from this one: ids are only ever appended, and
   * an id at or past this index's own rows is a term this index does not have.
   */
  constructor(
    private readonly terms: Map<string, number>,
    private readonly offsets: Int32Array,
    private readonly ids: Int32Array,
    private readonly tfs: Uint8Array,
    private readonly lengths: Int32Array,
  ) {
    this.size = lengths.length;
    this.idCount = offsets.length - 1;
    let used = 0;
    for (let t = 0; t < this.idCount; t++) if (offsets[t + 1] > offsets[t]) used++;
    this.termCount = used;
    let sum = 0;
    for (let i = 0; i < lengths.length; i++) sum += lengths[i];
    const avg = sum / Math.max(1, lengths.length) || 1;
    this.norm = new Float32Array(lengths.length);
    for (let i = 0; i < lengths.length; i++) this.norm[i] = K1 * (1 - B + (B * lengths[i]) / avg);
    this.postingView = { ids, tfs, norm: this.norm, blockMax: new Float32Array(0) };
    this.postingView.blockMax = blockMaxima(this.postingView);
  }

  /** Rebuilds an index from its parts (a saved or merged index): the same answers as the one that gave them. */
  static fromParts(parts: IndexParts): SearchIndex {
    const terms = new Map<string, number>();
    for (let t = 0; t < parts.terms.length; t++) terms.set(parts.terms[t], t);
    return new SearchIndex(terms, parts.offsets, parts.ids, parts.tfs, parts.lengths);
  }

  /** The arrays behind the index, without terms left with no postings (views where possible: do not modify). */
  parts(): IndexParts {
    const terms: string[] = [];
    const offsets = this.termCount === this.idCount ? this.offsets : new Int32Array(this.termCount + 1);
    for (const [term, t] of this.terms) {
      if (t >= this.idCount) continue;
      if (offsets === this.offsets) terms[t] = term;
      else if (this.offsets[t + 1] > this.offsets[t]) {
        terms.push(term);
        offsets[terms.length] = this.offsets[t + 1];
      }
    }
    return { terms, offsets, ids: this.ids, tfs: this.tfs, lengths: this.lengths };
  }

  /**
   * What an incremental update builds on: the term dictionary (to extend with new terms, ids
   * from `idCount` on) and the arrays by term id. The dictionary is this index's own unless
   * another update already extended it; then a copy of this index's part of it.
   */
  extensible(): { terms: Map<string, number>; idCount: number; offsets: Int32Array; ids: Int32Array; tfs: Uint8Array; lengths: Int32Array } {
    let terms = this.terms;
    if (terms.size !== this.idCount) {
      terms = new Map();
      for (const [term, t] of this.terms) if (t < this.idCount) terms.set(term, t);
    }
    return { terms, idCount: this.idCount, offsets: this.offsets, ids: this.ids, tfs: this.tfs, lengths: this.lengths };
  }

  /** The term's id in this index, if it has the term. */
  private termId(term: string): number | undefined {
    const t = this.terms.get(term);
    return t !== undefined && t < this.idCount ? t : undefined;
  }

  get postingCount(): number {
    return this.ids.length;
  }

  df(term: string): number {
    const t = this.termId(term);
    return t === undefined ? 0 : this.offsets[t + 1] - this.offsets[t];
  }

  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /**
   * Top `k` passages for weighted query terms. `boost` (≤ 1 per passage, 0 to exclude) scales
   * each passage's score: roles that are weaker evidence rank lower. `window`: passages per
   * window of the pruning (windowSearch.ts), smaller in tests so that a small corpus has many.
   */
  search(query: Map<string, number>, k: number, boost?: Float32Array, window = WINDOW): Hit[] {
    const qs = [...query]
      .map(([term, weight]) => ({ t: this.termId(term), weight }))
      .filter((q): q is { t: number; weight: number } => q.t !== undefined)
      .map(({ t, weight }) => {
        const df = this.offsets[t + 1] - this.offsets[t];
        const w = weight * Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
        return { t, w, upper: w * (K1 + 1) };
      })
      // Terms are added in this order, whatever the pruning: the scores' sums are the same floats.
      .sort((a, b) => b.upper - a.upper);
    if (!qs.length || k <= 0) return [];
    const starts = Int32Array.from(qs, (q) => this.offsets[q.t]);
    const ends = Int32Array.from(qs, (q) => this.offsets[q.t + 1]);
    return searchTopK(this.postingView, starts, ends, Float64Array.from(qs, (q) => q.w), k, boost, window);
  }

  /** Every term of the index (that some passage holds). */
  *vocabulary(): IterableIterator<string> {
    for (const [term, t] of this.terms) if (t < this.idCount && this.offsets[t + 1] > this.offsets[t]) yield term;
  }

  /** Ids of the passages that contain the term, ascending (a view: do not modify). */
  postings(term: string): Int32Array {
    const t = this.termId(term);
    return t === undefined ? new Int32Array(0) : this.ids.subarray(this.offsets[t], this.offsets[t + 1]);
  }

  /** BM25 score of one passage for the query (unboosted), by binary search in each posting list. */
  score(query: Map<string, number>, id: number): number {
    let score = 0;
    for (const [term, weight] of query) {
      const t = this.termId(term);
      if (t === undefined) continue;
      const p = this.find(t, id);
      if (p < 0) continue;
      const df = this.offsets[t + 1] - this.offsets[t];
      const w = weight * Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
      const tf = this.tfs[p];
      score += (w * tf * (K1 + 1)) / (tf + this.norm[id]);
    }
    return score;
  }

  private find(t: number, id: number): number {
    const end = this.offsets[t + 1];
    const at = lowerBound(this.ids, id, this.offsets[t], end);
    return at < end && this.ids[at] === id ? at : -1;
  }
}
