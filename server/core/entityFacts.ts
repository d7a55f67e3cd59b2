// What the corpus says about an entity: the passages that mention it (from the `@<entityId>`
// bridge tokens already in the search index, so no passage is re-scanned), how many documents
// mention it, and its facts ranked for a hover. Everything is computed once per corpus and
// catalog (one index generation) and per entity on first use, so that a hover is a lookup.
import { append, upperBound } from './arrays';
import type { Corpus } from './corpus';
import type { Entity, EntityCatalog } from './entities';
import { learnNames, type NameForms } from './nameForms';
import { readFor, readingWeight, readPassage, sameEvent, sortOf, SORT_RANK, type FactReading, type PassageReading } from './factRules';
import { finish } from './slices';
import { fold, positionAfter, splitLines } from './text';
import type { Passage, Position, Range, Role } from './types';

/** Evidence order for facts: the article's own words first; analysis is never a fact. */
const ROLE_TIER: Record<Role, number> = { original: 0, translation: 1, summary: 2, related: 3, analysis: -1 };

// Only the best candidates by length get read (sentence kind, dates, figures, other entities).
const FACT_CHECKED = 60;
// A hover that cannot wait reads fewer: reading is what costs (about half a millisecond each).
const AT_ONCE_CHECKED = 30;
const KEPT_FACTS = 12;
// A warm-up's slices: a reading of a passage costs about half a millisecond.
const READINGS_PER_STEP = 8;

export interface EntityStats {
  /** Passages whose indexed text mentions the entity, in corpus order (headings are not indexed). */
  passages: number[];
  /** Documents that mention it in their own text (not only in a related article's blurb). */
  documents: number;
  /** Set when the facts rank only the entity's first passages, for a hover that could not wait. */
  provisional?: boolean;
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
  /**
   * Set by the language server: a hover answers at once from what is ready (`forHover`) instead
   * of waiting for an entity's facts or the learned names; the CLI and tests leave it unset.
   */
  answerAtOnce = false;
  /** Such a hover on an entity not yet ranked reads only this many of its first passages. */
  atOncePassages = 500;
  /** Up to this many passages, such a hover learns the names itself (tens of milliseconds). */
  smallCorpusPassages = 20_000;
  /** A warm-up ranks an entity in slices of this many of its passages (a millisecond or two each). */
  passagesPerSlice = 8192;

  private readonly stats = new Map<string, EntityStats>();
  private readonly readings = new Map<number, PassageReading>();
  /** Entities a hover asked for before they were ranked: the warm-up takes them first. */
  private readonly wanted = new Set<Entity>();
  private headingMentions?: Map<string, CorpusMention[]>;
  private nameSteps?: Generator<void, NameForms>;
  private nameForms?: NameForms;
  private warming?: Promise<void>;
  private catalogRanked = false;

  constructor(
    readonly corpus: Corpus,
    readonly catalog: EntityCatalog,
  ) {}

  of(entity: Entity): EntityStats {
    let s = this.stats.get(entity.id);
    if (!s) this.stats.set(entity.id, (s = this.compute(entity)));
    return s;
  }

  /**
   * The stats a hover shows. Unless the table answers at once, the full ones (`of`). Otherwise the
   * full ones when ranked, or cheap to rank; else a provisional ranking of the entity's first
   * passages — milliseconds at any corpus size — while the warm-up ranks the entity next, so the
   * next hover is complete.
   */
  forHover(entity: Entity): EntityStats {
    const done = this.stats.get(entity.id);
    if (done || !this.answerAtOnce) return done ?? this.of(entity);
    const ids = this.corpus.index.postings('@' + entity.id);
    // Up to a few hundred passages, ranking in full costs little more than a provisional ranking.
    if (ids.length <= this.atOncePassages) return this.of(entity);
    this.wanted.add(entity);
    void this.warmUp();
    const first = ids.subarray(0, this.atOncePassages);
    return { passages: Array.from(ids), documents: this.documentCount(ids), provisional: true, ...this.rankFacts(entity, first, AT_ONCE_CHECKED) };
  }

  /** First and family names the sources use alone for catalog people (nameForms.ts). */
  names(): NameForms {
    if (this.nameForms) return this.nameForms;
    this.nameSteps ??= learnNames(this.corpus, this.catalog);
    let step = this.nameSteps.next();
    while (!step.done) step = this.nameSteps.next();
    return (this.nameForms = step.value);
  }

  /**
   * The learned names for a hover. One that may not wait gets them from the warm-up, or learns
   * them itself on a small corpus (tens of milliseconds up to ~20,000 passages); until then, none.
   */
  namesForHover(): NameForms | undefined {
    return !this.answerAtOnce || this.corpus.passages.length <= this.smallCorpusPassages ? this.names() : this.nameForms;
  }

  /**
   * Ranks every catalog entity's facts and learns the names in the background, in small steps,
   * so that even the first hover on each is a lookup: first the entities hovers asked for, then
   * the names, then the rest. Resolves when done; calling it again while it runs is free, and
   * after it, ranks only what a hover has asked for since (a model found by pattern).
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
      const entities = this.catalog.all();
      this.nameSteps ??= learnNames(this.corpus, this.catalog);
      // One entity at a time, itself in slices (Mythos has 120,000 passages at 10,000 documents:
      // ranked in one go it would hold a hover up for a fifth of a second).
      let ranking: { entity: Entity; steps: Generator<void, EntityStats> } | undefined;
      for (let i = 0; ; ) {
        // Yield first: a hover that starts the warm-up must not wait for its first step.
        await new Promise((resolve) => setImmediate(resolve));
        const [wanted] = this.wanted;
        if (ranking) {
          const step = ranking.steps.next();
          if (step.done) {
            if (!this.stats.has(ranking.entity.id)) this.stats.set(ranking.entity.id, step.value);
            ranking = undefined;
          }
        } else if (wanted) {
          this.wanted.delete(wanted);
          if (!this.stats.has(wanted.id)) ranking = { entity: wanted, steps: this.computeSteps(wanted) };
        } else if (!this.nameForms) {
          const step = this.nameSteps.next();
          if (step.done) this.nameForms = step.value;
        } else if (!this.catalogRanked && i < entities.length) {
          const entity = entities[i++];
          if (!this.stats.has(entity.id)) ranking = { entity, steps: this.computeSteps(entity) };
        } else break;
      }
      this.catalogRanked = true;
      this.warming = undefined;
    })();
    return this.warming;
  }

  /** Asks the warm-up to rank these entities before the others (those of the open memos). */
  prefer(entities: Iterable<Entity>): void {
    for (const e of entities) if (!this.stats.has(e.id)) this.wanted.add(e);
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
    append(out, this.headings().get(entity.id) ?? []);
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
    return finish(this.computeSteps(entity));
  }

  /** `compute` in slices: it yields between them (a warm-up runs it that way). */
  private *computeSteps(entity: Entity): Generator<void, EntityStats> {
    const ids = this.corpus.index.postings('@' + entity.id);
    const documents = this.documentCount(ids);
    yield;
    const ranked = yield* this.rankFactSteps(entity, ids, FACT_CHECKED);
    return { passages: Array.from(ids), documents, ...ranked };
  }

  /**
   * Documents with a passage among `ids` (ascending) that is not a related article's blurb. A
   * document's passages are consecutive, so once one of its passages counts, the rest of them
   * are skipped by binary search rather than visited.
   */
  private documentCount(ids: ArrayLike<number>): number {
    let count = 0;
    for (let i = 0; i < ids.length; ) {
      const p = this.corpus.passages[ids[i]];
      if (p.role === 'related') {
        i++;
        continue;
      }
      count++;
      const own = this.corpus.documents[p.doc].passages;
      const after = own[own.length - 1];
      i = upperBound(ids, after, i + 1);
    }
    return count;
  }

  /** How a passage reads, whichever entity asks: computed once per passage (many entities share passages). */
  private passageReading(p: Passage): PassageReading {
    let r = this.readings.get(p.id);
    if (!r) {
      r = readPassage(p, this.corpus.documents[p.doc].catalog.date, new Set());
      // The other entities named only tell dated events apart (`sameEvent`): found only then.
      if (r.dates.some((d) => d.length === 10)) for (const m of this.catalog.findMentions(p.text)) r.entities.add(m.entity.id);
      // A translation reads as its original does: `私たちが…` translates the writer's `we…`, and
      // `商務省対情報機関。` a title.
      const original = p.role === 'translation' ? p.aligned.map((id) => this.corpus.passages[id]).find((a) => a.role === 'original') : undefined;
      if (original) Object.assign(r, sortOf(original));
      this.readings.set(p.id, r);
    }
    return r;
  }

  private rankFacts(entity: Entity, ids: ArrayLike<number>, checked = FACT_CHECKED): { facts: Passage[]; readings: FactReading[] } {
    return finish(this.rankFactSteps(entity, ids, checked));
  }

  private *rankFactSteps(entity: Entity, ids: ArrayLike<number>, checked: number): Generator<void, { facts: Passage[]; readings: FactReading[] }> {
    // Two passes, the second on fewer passages: length alone (all of them: "Mythos" has 45,000 at
    // 2,000 documents), then how each candidate reads (a statement or not, dates, figures, subject).
    const candidates = yield* topCandidates(this.corpus.passages, ids, checked, this.passagesPerSlice);
    const names = [...new Set([entity.name, ...entity.aliases].map(fold))];
    for (const [i, c] of candidates.entries()) {
      c.reading = readFor(c.p, this.passageReading(c.p), entity.id, names);
      c.score *= readingWeight(c.reading);
      if (i % READINGS_PER_STEP === READINGS_PER_STEP - 1) yield;
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

const MAY_HOLD_FACT = /\d|[０-９]|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b|[年月日]/;

/**
 * The `k` best passages by role, then a date or figure, then length, then corpus order — in two linear passes over the
 * ids, without sorting or even wrapping them all (an entity may have 100,000 passages): the first
 * counts passages per (role, length in hundredths) key, the second keeps those above the cut.
 */
function* topCandidates(passages: readonly Passage[], ids: ArrayLike<number>, k: number, perSlice: number): Generator<void, Candidate[]> {
  const KEYS = 4 * 202;
  // Within a role, a passage that may hold a date or a figure is read before one that cannot.
  const keyOf = (p: Passage): number =>
    ROLE_TIER[p.role] < 0 || p.heading ? -1 : ROLE_TIER[p.role] * 202 + (MAY_HOLD_FACT.test(p.text) ? 0 : 101) + 100 - Math.round(sizeScore(p) * 100);
  const counts = new Int32Array(KEYS);
  const keys = new Int16Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const key = keyOf(passages[ids[i]]);
    keys[i] = key;
    if (key >= 0) counts[key]++;
    if (i % perSlice === perSlice - 1) yield;
  }
  let cut = 0;
  for (let kept = 0; cut < KEYS && kept + counts[cut] < k; cut++) kept += counts[cut];
  let atCut = k - counts.subarray(0, cut).reduce((n, c) => n + c, 0);
  const out: Candidate[] = [];
  for (let i = 0; i < ids.length; i++) {
    const key = keys[i];
    if (key < 0 || key > cut || (key === cut && atCut-- <= 0)) continue;
    const p = passages[ids[i]];
    out.push({ p, score: sizeScore(p) });
  }
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

/** The entity mention at a position, or undefined on ordinary words. */
export function entityAt(catalog: EntityCatalog, memoText: string, at: Position): MemoMention | undefined {
  const line = splitLines(memoText)[at.line];
  if (line === undefined) return undefined;
  const m = catalog.mentionAt(line, at.character);
  if (!m) return undefined;
  return { entity: m.entity, text: m.text, range: { start: { line: at.line, character: m.start }, end: { line: at.line, character: m.end } } };
}

/** Every entity mention of a memo, in order. */
export function memoMentions(catalog: EntityCatalog, memoText: string): MemoMention[] {
  const out: MemoMention[] = [];
  splitLines(memoText).forEach((line, n) => {
    for (const m of catalog.findMentions(line)) {
      out.push({ entity: m.entity, text: m.text, range: { start: { line: n, character: m.start }, end: { line: n, character: m.end } } });
    }
  });
  return out;
}

/** The LSP range of `start`–`end` (UTF-16 offsets) inside a passage's text. */
export function rangeInPassage(passage: Passage, start: number, end: number): Range {
  return { start: positionAfter(passage.range.start, passage.text, start), end: positionAfter(passage.range.start, passage.text, end) };
}
