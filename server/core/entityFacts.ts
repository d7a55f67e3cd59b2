// What the corpus says about an entity: the passages that mention it (from the `@<entityId>`
// bridge tokens already in the search index, so no passage is re-scanned), how many documents
// mention it, and its facts ranked for a hover. Everything is computed once per corpus and
// catalog (one index generation) and per entity on first use, so that a hover is a lookup.
import type { Corpus } from './corpus';
import type { Entity, EntityCatalog } from './entities';
import { namesTheSourcesUse, type NameForms } from './nameForms';
import { readFact, readingWeight, sameEvent, sortOf, SORT_RANK, type FactReading } from './factRules';
import { fold } from './text';
import type { Passage, Position, Range, Role } from './types';

/** Evidence order for facts: the article's own words first; analysis is never a fact. */
const ROLE_TIER: Record<Role, number> = { original: 0, translation: 1, summary: 2, related: 3, analysis: -1 };

// Only the best candidates by length get read (sentence kind, dates, figures, other entities).
const FACT_CHECKED = 200;
const KEPT_FACTS = 12;

export interface EntityStats {
  /** Passages whose indexed text mentions the entity, in corpus order (headings are not indexed). */
  passages: number[];
  /** Documents that mention it in their own text (not only in a related article's blurb). */
  documents: number;
  /** Best passages first, one per Japanese/English pair and per event, no analysis, no headings. */
  facts: Passage[];
  /** How each fact reads (statement, quote or aside; dates; figures), parallel to `facts`. */
  readings: FactReading[];
}

export interface CorpusMention {
  passage: Passage;
  /** UTF-16 offsets into the passage text. */
  start: number;
  end: number;
}

const tables = new WeakMap<Corpus, WeakMap<EntityCatalog, EntityFacts>>();

/** The table for this corpus and catalog, built on first use and kept for the generation. */
export function entityFacts(corpus: Corpus, catalog: EntityCatalog): EntityFacts {
  let byCatalog = tables.get(corpus);
  if (!byCatalog) tables.set(corpus, (byCatalog = new WeakMap()));
  let table = byCatalog.get(catalog);
  if (!table) byCatalog.set(catalog, (table = new EntityFacts(corpus, catalog)));
  return table;
}

export class EntityFacts {
  private readonly stats = new Map<string, EntityStats>();
  private headingMentions?: Map<string, CorpusMention[]>;
  private nameForms?: NameForms;
  private warming?: Promise<void>;

  constructor(
    readonly corpus: Corpus,
    readonly catalog: EntityCatalog,
  ) {}

  of(entity: Entity): EntityStats {
    let s = this.stats.get(entity.id);
    if (!s) this.stats.set(entity.id, (s = this.compute(entity)));
    return s;
  }

  /** First and family names the sources use alone for catalog people (nameForms.ts). */
  names(): NameForms {
    return (this.nameForms ??= namesTheSourcesUse(this.corpus, this.catalog));
  }

  /**
   * Computes every catalog entity's stats in the background, one at a time, so that even the
   * first hover on each is a lookup. Resolves when done; calling it again is free.
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
      this.names();
      const entities = this.catalog.all();
      for (let i = 0; i < entities.length; i++) {
        this.of(entities[i]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    return this.warming;
  }

  /** Every mention of the entity in the corpus (headings included), in corpus order. */
  mentions(entity: Entity): CorpusMention[] {
    const out: CorpusMention[] = [];
    for (const id of this.of(entity).passages) {
      const passage = this.corpus.passages[id];
      for (const m of this.catalog.findMentions(passage.text)) {
        if (m.entity.id === entity.id) out.push({ passage, start: m.start, end: m.end });
      }
    }
    out.push(...(this.headings().get(entity.id) ?? []));
    return out.sort((a, b) => a.passage.id - b.passage.id || a.start - b.start);
  }

  private headings(): Map<string, CorpusMention[]> {
    if (this.headingMentions) return this.headingMentions;
    const map = new Map<string, CorpusMention[]>();
    for (const passage of this.corpus.passages) {
      if (!passage.heading) continue;
      for (const m of this.catalog.findMentions(passage.text)) {
        const list = map.get(m.entity.id) ?? [];
        list.push({ passage, start: m.start, end: m.end });
        map.set(m.entity.id, list);
      }
    }
    return (this.headingMentions = map);
  }

  private compute(entity: Entity): EntityStats {
    const passages = Array.from(this.corpus.index.postings('@' + entity.id));
    const docs = new Set<number>();
    for (const id of passages) {
      const p = this.corpus.passages[id];
      if (p.role !== 'related') docs.add(p.doc);
    }
    return { passages, documents: docs.size, ...this.rankFacts(entity, passages) };
  }

  private rankFacts(entity: Entity, ids: number[]): { facts: Passage[]; readings: FactReading[] } {
    // Two passes, the second on fewer passages: length alone (all of them: "Mythos" has 45,000 at
    // 2,000 documents), then how each candidate reads (a statement or not, dates, figures, subject).
    const candidates = topCandidates(
      ids.map((id) => this.corpus.passages[id]).filter((p) => ROLE_TIER[p.role] >= 0 && !p.heading),
      FACT_CHECKED,
    );
    const names = [...new Set([entity.name, ...entity.aliases].map(fold))];
    for (const c of candidates) {
      const others = new Set(this.catalog.findMentions(c.p.text).map((m) => m.entity.id).filter((id) => id !== entity.id));
      c.reading = readFact(c.p, names, this.corpus.documents[c.p.doc].catalog.date, others);
      // A translation reads as its original does: `私たちが…` translates the writer's `we…`, and
      // `商務省対情報機関。` a title.
      const original = c.p.role === 'translation' ? c.p.aligned.map((id) => this.corpus.passages[id]).find((a) => a.role === 'original') : undefined;
      if (original) Object.assign(c.reading, sortOf(original));
      c.score *= readingWeight(c.reading);
    }
    return pickDiverse(candidates.sort(byRank));
  }
}

interface Candidate {
  p: Passage;
  score: number;
  reading?: FactReading;
}

/** Group of a candidate: statements before quotes before asides, then by role. */
const group = (c: Candidate): number => (c.reading ? SORT_RANK[c.reading.sort] * 10 : 0) + ROLE_TIER[c.p.role];

const byRank = (a: Candidate, b: Candidate): number => group(a) - group(b) || b.score - a.score || a.p.id - b.p.id;

/** The `k` best passages by role and length, without sorting all of them (an entity may have 100,000). */
function topCandidates(passages: Passage[], k: number): Candidate[] {
  const all = passages.map((p) => ({ p, score: sizeScore(p) }));
  if (all.length <= k) return all.sort(byRank);
  // The k-th best key by a partial pass: bucket by role, then sort only the buckets needed.
  const out: Candidate[] = [];
  for (const tier of [0, 1, 2, 3]) {
    if (out.length >= k) break;
    const inTier = all.filter((c) => ROLE_TIER[c.p.role] === tier);
    out.push(...selectBest(inTier, k - out.length));
  }
  return out;
}

/**
 * The `n` best candidates, in order, without sorting them all: scores lie in [0, 1], so they are
 * bucketed by hundredths (in corpus order within a bucket) and only the buckets needed are sorted.
 */
function selectBest(cs: Candidate[], n: number): Candidate[] {
  if (cs.length <= n) return cs.sort(byRank);
  const buckets: Candidate[][] = Array.from({ length: 101 }, () => []);
  for (const c of cs) buckets[Math.round(c.score * 100)].push(c);
  const out: Candidate[] = [];
  for (let b = 100; b >= 0 && out.length < n; b--) out.push(...buckets[b].slice(0, n - out.length));
  return out.sort(byRank);
}

/**
 * How much a passage may say, by its length (in words, about): a sentence of a dozen words says
 * a whole thing, a longer one no more for a hover, a bare mention of a few words little.
 */
function sizeScore(p: Passage): number {
  const size = p.lang === 'ja' ? p.text.length / 2.5 : p.text.length / 6;
  const score = Math.min(size, 16) / 16;
  return size < 6 ? score * 0.5 : score;
}

/**
 * The top passages in rank order, skipping one whose translation counterpart is already chosen,
 * whose text repeats a chosen one or which tells an event already told, and preferring documents
 * not yet represented within the same group.
 */
function pickDiverse(ranked: Candidate[]): { facts: Passage[]; readings: FactReading[] } {
  const chosen: Candidate[] = [];
  const taken = new Set<number>();
  const texts = new Set<string>();
  const perDoc = new Map<number, number>();
  const pool = [...ranked];
  while (chosen.length < KEPT_FACTS && pool.length) {
    const first = group(pool[0]);
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < pool.length && group(pool[i]) === first; i++) {
      const s = pool[i].score * 0.6 ** (perDoc.get(pool[i].p.doc) ?? 0);
      if (s > bestScore) [best, bestScore] = [i, s];
    }
    const c = pool.splice(best, 1)[0];
    const { p } = c;
    const text = fold(p.text).replace(/\s+/g, '');
    if (taken.has(p.id) || p.aligned.some((a) => taken.has(a)) || texts.has(text)) continue;
    if (c.reading && chosen.some((k) => k.reading && sameEvent(k.reading, c.reading!))) continue;
    chosen.push(c);
    taken.add(p.id);
    texts.add(text);
    perDoc.set(p.doc, (perDoc.get(p.doc) ?? 0) + 1);
  }
  return { facts: chosen.map((c) => c.p), readings: chosen.map((c) => c.reading!) };
}

// ---------------------------------------------------------------------------------------------
// Mentions in a memo. An alias never spans a line break, so a memo is scanned line by line and
// a hover scans only its own line.

export interface MemoMention {
  entity: Entity;
  range: Range;
  /** The name as the memo writes it. */
  text: string;
}

export function memoLines(memoText: string): string[] {
  return memoText.split(/\r\n|\r|\n/);
}

/** The entity mention at a position, or undefined on ordinary words. */
export function entityAt(catalog: EntityCatalog, memoText: string, at: Position): MemoMention | undefined {
  const line = memoLines(memoText)[at.line];
  if (line === undefined) return undefined;
  const m = catalog.mentionAt(line, at.character);
  if (!m) return undefined;
  return { entity: m.entity, text: m.text, range: { start: { line: at.line, character: m.start }, end: { line: at.line, character: m.end } } };
}

/** Every entity mention of a memo, in order. */
export function memoMentions(catalog: EntityCatalog, memoText: string): MemoMention[] {
  const out: MemoMention[] = [];
  memoLines(memoText).forEach((line, n) => {
    for (const m of catalog.findMentions(line)) {
      out.push({ entity: m.entity, text: m.text, range: { start: { line: n, character: m.start }, end: { line: n, character: m.end } } });
    }
  });
  return out;
}

/** The LSP range of `start`–`end` (UTF-16 offsets) inside a passage's text. */
export function rangeInPassage(passage: Passage, start: number, end: number): Range {
  return { start: positionInPassage(passage, start), end: positionInPassage(passage, end) };
}

function positionInPassage(passage: Passage, offset: number): Position {
  const text = passage.text.slice(0, offset);
  const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
  if (breaks === 0) return { line: passage.range.start.line, character: passage.range.start.character + offset };
  const lastBreak = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r'));
  return { line: passage.range.start.line + breaks, character: offset - lastBreak - 1 };
}
