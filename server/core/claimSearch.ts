// Interactive claim search (the quick pick and `search` on the CLI): fuse.js for typo-tolerant
// matching of short queries. On a large corpus fuse.js over every sentence is too slow, so BM25
// narrows the field first and fuse.js re-ranks what is left.
import Fuse from 'fuse.js';
import type { Corpus } from './corpus';
import { claimQuery } from './retrieval';
import type { Lang, Passage, Role } from './types';

export interface ClaimFilters {
  doc?: string;
  lang?: Lang;
  role?: Role;
  /** Keep passages for which this returns true (e.g. those mentioning an entity). */
  where?: (passage: Passage) => boolean;
}

export interface ClaimHit {
  passage: Passage;
  /** 0 = perfect, 1 = no match (fuse.js convention). */
  score: number;
}

const FULL_SCAN_LIMIT = 20_000;
const PREFILTER = 2_000;

interface Entry {
  id: number;
  text: string;
  title: string;
}

export class ClaimSearch {
  private fuse?: Fuse<Entry>;

  constructor(private readonly corpus: Corpus) {}

  search(query: string, filters: ClaimFilters = {}, limit = 50): ClaimHit[] {
    const keep = (p: Passage) =>
      !p.heading &&
      (!filters.doc || this.corpus.documents[p.doc].name === filters.doc || this.corpus.documents[p.doc].catalog.key === filters.doc) &&
      (!filters.lang || p.lang === filters.lang) &&
      (!filters.role || p.role === filters.role) &&
      (!filters.where || filters.where(p));
    const q = query.trim();
    if (!q) {
      return this.corpus.passages.filter(keep).slice(0, limit).map((passage) => ({ passage, score: 1 }));
    }
    const fuse = this.corpus.passages.length <= FULL_SCAN_LIMIT ? this.fullFuse() : this.narrowedFuse(q);
    const hits: ClaimHit[] = [];
    for (const r of fuse.search(q, { limit: Math.max(limit * 4, 200) })) {
      const passage = this.corpus.passages[r.item.id];
      if (keep(passage)) hits.push({ passage, score: r.score ?? 1 });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  private fullFuse(): Fuse<Entry> {
    this.fuse ??= new Fuse(this.entries(this.corpus.claims()), FUSE_OPTIONS);
    return this.fuse;
  }

  private narrowedFuse(query: string): Fuse<Entry> {
    const hits = this.corpus.index.search(claimQuery(this.corpus, query), PREFILTER, this.corpus.boost);
    return new Fuse(this.entries(hits.map((h) => this.corpus.passages[h.id])), FUSE_OPTIONS);
  }

  private entries(passages: Passage[]): Entry[] {
    return passages.map((p) => ({ id: p.id, text: p.text, title: this.corpus.documents[p.doc].catalog.title }));
  }
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
