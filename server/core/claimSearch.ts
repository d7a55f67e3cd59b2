// Interactive claim search (the quick pick and `search` on the CLI): fuse.js for typo-tolerant
// matching of short queries, merged with BM25 for words that stand apart. On a large corpus
// fuse.js over every sentence is too slow, so BM25 narrows the field first and fuse.js re-ranks
// what is left.
import Fuse from 'fuse.js';
import { lowerBound } from './arrays';
import type { Corpus } from './corpus';
import type { EntityCatalog } from './entities';
import { preloadSteps as preloadJapanese } from './dictionary/edict';
import { preloadSteps as preloadEnglish } from './dictionary/wordnet';
import { FuzzyPrefilter } from './fuzzyPrefilter';
import { claimQuery } from './retrieval';
import { finish } from './slices';
import type { Hit } from './searchIndex';
import { editDistance } from './text';
import { LANGS, ROLES, type Lang, type Passage, type Role } from './types';

export interface ClaimFilters {
  doc?: string;
  lang?: Lang;
  role?: Role;
  /**
   * Keep passages that mention this entity (its catalog id). Answered from the `@<id>` tokens
   * the entity annotator put in the BM25 index, so no passage text is scanned per query.
   */
  entity?: string;
  /** Keep passages for which this returns true. */
  where?: (passage: Passage) => boolean;
}

export interface ClaimHit {
  passage: Passage;
  /** 0 = perfect, 1 = no match (fuse.js convention). */
  score: number;
}

const FULL_SCAN_LIMIT = 20_000;
/** What a warm-up reads, as a first query would: words of both languages. */
const WARM_UP_QUERY = 'export controls 輸出管理';
// Beyond it, fuse.js re-ranks BM25's best this many (the picker shows 50): 2,000 took 90 ms a
// query on 100 documents, 500 takes 20–50 ms.
const PREFILTER = 500;
// The passages a filter allows, up to this many, get their own small fuse.js index (built once
// per filter combination, a few combinations kept); beyond it BM25 narrows within them first.
const FILTERED_FUSE_LIMIT = 5_000;
const NARROWING_CACHE = 8;
/** The best BM25 match of a search scores 1 − this (fuse.js scale: 0 is perfect). */
const BM25_SHARE = 0.8;

interface Entry {
  id: number;
  text: string;
  title: string;
}

/** The passages that a set of structured filters allows, with what searching them needs. */
interface Narrowing {
  /** Allowed passage ids, in corpus order. */
  ids: number[];
  allowed: Set<number>;
  /** A fuse.js index over them, when they are few enough. */
  fuse?: Fuse<Entry>;
  /** Otherwise a BM25 boost array that excludes every other passage (0 = excluded). */
  mask?: Float32Array;
}

export class ClaimSearch {
  private fuse?: Fuse<Entry>;
  private latinTerms?: Map<string, string[]>;
  private readonly narrowings = new Map<string, Narrowing>();

  /** With `entities`, a query that names an entity (in any spelling they know) lists the passages that mention it first. */
  constructor(
    private readonly corpus: Corpus,
    private readonly entities?: EntityCatalog,
  ) {}

  search(query: string, filters: ClaimFilters = {}, limit = 50): ClaimHit[] {
    const narrowing = this.narrowing(filters);
    const keep = (p: Passage) => !p.heading && (!narrowing || narrowing.allowed.has(p.id)) && (!filters.where || filters.where(p));
    const q = query.trim();
    if (!q) return this.firstKept(narrowing?.ids, keep, limit);
    // BM25's query, built once: it narrows the field for fuse.js on a large corpus and ranks below.
    const terms = this.typoTolerant(claimQuery(this.corpus, q));
    // The entities the query names; their bridge tokens join the query even when only a query's
    // looser reading (a katakana variant) found them.
    const named = this.entities?.namedIn(q).map((e) => e.id) ?? [];
    for (const id of named) if (!terms.has(`@${id}`)) terms.set(`@${id}`, NAMED_ENTITY_WEIGHT);
    const { fuse, prefiltered } = this.fuseFor(q, terms, narrowing, limit);
    const scores = new Map<number, number>();
    for (const r of fuse.search(q, { limit: Math.max(limit * 4, 200) })) {
      if (keep(this.corpus.passages[r.item.id])) scores.set(r.item.id, r.score ?? 1);
      if (scores.size >= limit) break;
    }
    // fuse.js matches the query as one fuzzy pattern, so words that stand apart in a sentence
    // (`Quillfeather audited evaluations`) miss; BM25 finds them. The best BM25 match scores like
    // a close fuzzy one (0.2), an exact phrase still leads.
    // BM25's top `limit` is the head of the top PREFILTER that narrowed the field, when it did
    // (the same query and mask; the search's top k is exact): not searched twice.
    const mask = narrowing ? (narrowing.mask ??= this.mask(narrowing.ids)) : this.corpus.boost;
    const top = prefiltered ? prefiltered.slice(0, limit) : this.corpus.index.search(terms, limit, mask);
    const ranked = top.filter((h) => keep(this.corpus.passages[h.id]));
    const best = ranked[0]?.score ?? 1;
    for (const h of ranked) scores.set(h.id, Math.min(scores.get(h.id) ?? 1, 1 - BM25_SHARE * (h.score / best)));
    // Passages that mention more of the named entities first: `ラトニック` is Lutnick, not a
    // sentence with `パニック` in it, however close fuse.js finds the letters.
    const mentions = new Map<number, number>();
    if (named.length) for (const id of scores.keys()) mentions.set(id, named.reduce((n, e) => n + (this.passagesMentioning(e).has(id) ? 1 : 0), 0));
    const mentioned = (id: number) => mentions.get(id) ?? 0;
    return [...scores]
      .sort((a, b) => mentioned(b[0]) - mentioned(a[0]) || a[1] - b[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id, score]) => ({ passage: this.corpus.passages[id], score }));
  }

  /**
   * Does once what the first query would otherwise pay for (the dictionaries of both languages,
   * the index of words for typos, fuse.js over every sentence of a small corpus), so that a
   * server can do it in the background once an index is ready. Answers are unchanged.
   */
  warmUp(): void {
    finish(this.warmUpSteps());
  }

  /**
   * `warmUp` in slices of a few milliseconds (the dictionaries load a slice at a time), for a
   * server to run in the background without holding up a hover or a query meanwhile.
   */
  *warmUpSteps(): Generator<void> {
    yield* preloadJapanese();
    yield* preloadEnglish();
    yield;
    // A query's reading of words in both languages; then, on a corpus small enough for fuse.js
    // over every sentence, that index (on a large one a query's own fuse.js index is small).
    claimQuery(this.corpus, WARM_UP_QUERY);
    yield;
    if (this.corpus.passages.length <= FULL_SCAN_LIMIT) this.fullFuse();
  }

  /**
   * The passages that mention an entity: the index postings of its bridge token, ascending, asked
   * by binary search (a set of Mythos's 120,000 passages at 10,000 documents cost a first query
   * tens of milliseconds).
   */
  passagesMentioning(entityId: string): SortedIds {
    return new SortedIds(this.corpus.index.postings(`@${entityId}`));
  }

  /**
   * What the entity, document, language and role filters allow, computed once per combination
   * (a few kept): a filtered search ranks only these passages, rather than filtering the
   * corpus-wide best, which on a large corpus may hold none of them.
   */
  private narrowing(filters: ClaimFilters): Narrowing | undefined {
    if (!filters.entity && !filters.doc && !filters.lang && !filters.role) return undefined;
    const key = JSON.stringify([filters.entity, filters.doc, filters.lang, filters.role]);
    let narrowing = this.narrowings.get(key);
    if (narrowing) {
      this.narrowings.delete(key);
    } else {
      const mentions = filters.entity ? this.passagesMentioning(filters.entity) : undefined;
      const docs = filters.doc ? this.documentsNamed(filters.doc) : undefined;
      const from = mentions ? Array.from(mentions.ids) : docs ? [...docs].sort((a, b) => a - b).flatMap((d) => this.corpus.documents[d].passages) : undefined;
      const ids: number[] = [];
      const consider = (id: number) => {
        const p = this.corpus.passages[id];
        if (!p.heading && (!mentions || mentions.has(id)) && (!docs || docs.has(p.doc)) && (!filters.lang || p.lang === filters.lang) && (!filters.role || p.role === filters.role)) ids.push(id);
      };
      if (from) from.forEach(consider);
      else for (let id = 0; id < this.corpus.passages.length; id++) consider(id);
      narrowing = { ids, allowed: new Set(ids) };
      if (this.narrowings.size >= NARROWING_CACHE) this.narrowings.delete(this.narrowings.keys().next().value as string);
    }
    // Re-inserted so the Map's order is least recently used first.
    this.narrowings.set(key, narrowing);
    return narrowing;
  }

  /** Documents whose file name or citation key is `doc`, or whose file name starts with it. */
  private documentsNamed(doc: string): Set<number> {
    const exact = this.corpus.documents.filter((d) => d.name === doc || d.catalog.key === doc);
    const chosen = exact.length > 0 ? exact : this.corpus.documents.filter((d) => d.name.startsWith(doc));
    return new Set(chosen.map((d) => d.id));
  }

  // An empty query lists passages in corpus order, stopping as soon as there are enough.
  private firstKept(candidates: number[] | undefined, keep: (p: Passage) => boolean, limit: number): ClaimHit[] {
    const hits: ClaimHit[] = [];
    const count = candidates ? candidates.length : this.corpus.passages.length;
    for (let i = 0; i < count && hits.length < limit; i++) {
      const passage = this.corpus.passages[candidates ? candidates[i] : i];
      if (keep(passage)) hits.push({ passage, score: 1 });
    }
    return hits;
  }

  /** fuse.js over what the query may find; with the BM25 hits that narrowed the field when BM25 did. */
  private fuseFor(query: string, terms: Map<string, number>, narrowing: Narrowing | undefined, limit: number): { fuse: Fuse<Entry>; prefiltered?: Hit[] } {
    if (narrowing && narrowing.ids.length <= FILTERED_FUSE_LIMIT) {
      narrowing.fuse ??= new Fuse(this.entries(narrowing.ids.map((id) => this.corpus.passages[id])), FUSE_OPTIONS);
      return { fuse: narrowing.fuse };
    }
    if (!narrowing && this.corpus.passages.length <= FULL_SCAN_LIMIT) return { fuse: this.fullFuse() };
    const boost = narrowing ? (narrowing.mask ??= this.mask(narrowing.ids)) : this.corpus.boost;
    const hits = this.corpus.index.search(terms, Math.max(PREFILTER, limit), boost);
    // Only the entries fuse.js may match: the same results, without reading the others.
    const prefilter = new FuzzyPrefilter(query, FUSE_OPTIONS.threshold);
    const entries = this.entries(hits.slice(0, PREFILTER).map((h) => this.corpus.passages[h.id])).filter((e) => prefilter.mayMatch(e.text) || prefilter.mayMatch(e.title));
    return { fuse: new Fuse(entries, FUSE_OPTIONS), prefiltered: hits };
  }

  private mask(ids: number[]): Float32Array {
    const mask = new Float32Array(this.corpus.passages.length);
    for (const id of ids) mask[id] = this.corpus.boost[id];
    return mask;
  }

  private fullFuse(): Fuse<Entry> {
    this.fuse ??= new Fuse(this.entries(this.corpus.claims()), FUSE_OPTIONS);
    return this.fuse;
  }

  /**
   * The query with each word the corpus never uses (`contrl`, `Mythso`) joined by the corpus's
   * words a letter or two from it, so that BM25 — which narrows the field for fuse.js on a large
   * corpus — keeps the passages a typo was meant to find.
   */
  private typoTolerant(query: Map<string, number>): Map<string, number> {
    const out = new Map(query);
    for (const [term, weight] of query) {
      if (!TYPO_CANDIDATE.test(term) || this.corpus.index.df(term) > 0) continue;
      for (const near of this.nearTerms(term)) out.set(near, Math.max(out.get(near) ?? 0, weight));
    }
    return out;
  }

  /** Latin words of the index within one edit (two for longer words), most common first. */
  private nearTerms(term: string): string[] {
    this.latinTerms ??= groupByFirstLetter(this.corpus.index.vocabulary());
    const limit = term.length <= 5 ? 1 : 2;
    return (this.latinTerms.get(term[0]) ?? [])
      .filter((t) => Math.abs(t.length - term.length) <= limit && editDistance(t, term) <= limit)
      // Ties by spelling, not by the index's term order, which a saved or updated index need not share.
      .sort((a, b) => this.corpus.index.df(b) - this.corpus.index.df(a) || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, MAX_TYPO_EXPANSIONS);
  }

  private entries(passages: Passage[]): Entry[] {
    return passages.map((p) => ({ id: p.id, text: p.text, title: this.corpus.documents[p.doc].catalog.title }));
  }
}

/** Passage ids in ascending order (a view of index postings), asked whether they hold one by binary search. */
export class SortedIds {
  constructor(readonly ids: Int32Array) {}

  get size(): number {
    return this.ids.length;
  }

  has(id: number): boolean {
    const at = lowerBound(this.ids, id);
    return at < this.ids.length && this.ids[at] === id;
  }
}

/** The weight of a named entity's bridge token in a query that only the loose reading names it in (as `claimQuery` weighs bridges). */
const NAMED_ENTITY_WEIGHT = 2;

/** A query word that may be a typo: Latin letters, long enough that a near word means something. */
const TYPO_CANDIDATE = /^[a-z][a-z0-9]{3,}$/;
const MAX_TYPO_EXPANSIONS = 3;

function groupByFirstLetter(terms: Iterable<string>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const t of terms) {
    if (!TYPO_CANDIDATE.test(t)) continue;
    let group = groups.get(t[0]);
    if (!group) groups.set(t[0], (group = []));
    group.push(t);
  }
  return groups;
}

const FUSE_OPTIONS = {
  keys: [
    { name: 'text', weight: 0.85 },
    { name: 'title', weight: 0.15 },
  ],
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.4,
  minMatchCharLength: 2,
};

export interface ParsedClaimQuery {
  /** The query without its filter prefixes. */
  text: string;
  doc?: string;
  lang?: Lang;
  role?: Role;
  /** An entity's name or alias, as typed. */
  entity?: string;
}

const PREFIX = /(^|\s)(entity|doc|lang|role):(?:"([^"]*)"|(\S+))/g;

/**
 * Filters typed into the query: `entity:Mythos`, `entity:"UK AISI"`, `doc:002_f6ed.txt`,
 * `lang:ja`, `role:original`. A prefix with an unknown language or role stays in the text.
 */
export function parseClaimQuery(query: string): ParsedClaimQuery {
  const parsed: ParsedClaimQuery = { text: '' };
  const text = query.replace(PREFIX, (whole, space: string, name: string, quoted: string | undefined, bare: string | undefined) => {
    const value = (quoted ?? bare ?? '').trim();
    if (!value) return whole;
    if (name === 'lang') {
      if (!LANGS.includes(value as Lang)) return whole;
      parsed.lang = value as Lang;
    } else if (name === 'role') {
      if (!ROLES.includes(value as Role)) return whole;
      parsed.role = value as Role;
    } else if (name === 'doc') {
      parsed.doc = value;
    } else {
      parsed.entity = value;
    }
    return space;
  });
  parsed.text = text.replace(/\s+/g, ' ').trim();
  return parsed;
}
