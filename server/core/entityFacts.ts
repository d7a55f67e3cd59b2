// What the corpus says about an entity: the passages that mention it (from the `@<entityId>`
// bridge tokens already in the search index, so no passage is re-scanned), how many documents
// mention it, and its facts ranked for a hover. Everything is computed once per corpus and
// catalog (one index generation) and per entity on first use, so that a hover is a lookup.
import { append } from './arrays';
import type { Corpus } from './corpus';
import type { Entity, EntityCatalog } from './entities';
import { extractFacts } from './facts';
import { fold } from './text';
import type { Passage, Position, Range, Role } from './types';

/** Evidence order for facts: the article's own words first; analysis is never a fact. */
const ROLE_TIER: Record<Role, number> = { original: 0, translation: 1, summary: 2, related: 3, analysis: -1 };

// Only the best candidates by the cheap score get the (slower) fact extraction.
const FACT_CHECKED = 60;
const KEPT_FACTS = 12;

export interface EntityStats {
  /** Passages whose indexed text mentions the entity, in corpus order (headings are not indexed). */
  passages: number[];
  /** Documents that mention it in their own text (not only in a related article's blurb). */
  documents: number;
  /** Best passages first, one per Japanese/English pair, no analysis, no duplicates. */
  facts: Passage[];
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

  /**
   * Computes every catalog entity's stats in the background, one at a time, so that even the
   * first hover on each is a lookup. Resolves when done; calling it again is free.
   */
  warmUp(): Promise<void> {
    this.warming ??= (async () => {
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
    const passages = Array.from(this.corpus.index.postings('@' + entity.id));
    const docs = new Set<number>();
    for (const id of passages) {
      const p = this.corpus.passages[id];
      if (p.role !== 'related') docs.add(p.doc);
    }
    return { passages, documents: docs.size, facts: this.rankFacts(entity, passages) };
  }

  private rankFacts(entity: Entity, ids: number[]): Passage[] {
    const byRank = (a: Candidate, b: Candidate) => ROLE_TIER[a.p.role] - ROLE_TIER[b.p.role] || b.score - a.score || a.p.id - b.p.id;
    // Three passes, each on fewer passages: length alone (all of them: "Mythos" has 45,000 at
    // 2,000 documents), then where the name appears, then whether the passage holds a fact.
    const candidates = ids
      .map((id) => this.corpus.passages[id])
      .filter((p) => ROLE_TIER[p.role] >= 0)
      .map((p) => ({ p, score: sizeScore(p) }))
      .sort(byRank)
      .slice(0, FACT_CHECKED);
    const names = [...new Set([entity.name, ...entity.aliases].map(fold))];
    for (const c of candidates) {
      if (mentionedEarly(c.p, names)) c.score *= 1.3;
      if (extractFacts(c.p.text).length > 0) c.score *= 1.5;
    }
    return pickDiverse(candidates.sort(byRank));
  }
}

interface Candidate {
  p: Passage;
  score: number;
}

/**
 * How much a passage may say, by its length: a statement of some length beats a bare mention
 * or a title, and one that introduces a list (`Here's XBOW's results:`) says little itself.
 */
function sizeScore(p: Passage): number {
  const size = p.lang === 'ja' ? p.text.length / 2.5 : p.text.length / 6;
  let score = Math.min(size, 40) / 40;
  if (size < 8) score *= 0.3;
  if (/[:：]\s*$/.test(p.text)) score *= 0.5;
  return score;
}

/** The entity is named in the first third of the passage: usually it is the subject. */
function mentionedEarly(p: Passage, foldedNames: string[]): boolean {
  const folded = fold(p.text);
  return foldedNames.some((name) => {
    const i = folded.indexOf(name);
    return i >= 0 && i <= folded.length / 3;
  });
}

/**
 * The top passages, skipping one whose translation counterpart is already chosen or whose text
 * repeats a chosen one, and preferring documents not yet represented within the same role.
 */
function pickDiverse(ranked: Array<{ p: Passage; score: number }>): Passage[] {
  const chosen: Passage[] = [];
  const taken = new Set<number>();
  const texts = new Set<string>();
  const perDoc = new Map<number, number>();
  const pool = [...ranked];
  while (chosen.length < KEPT_FACTS && pool.length) {
    const tier = ROLE_TIER[pool[0].p.role];
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < pool.length && ROLE_TIER[pool[i].p.role] === tier; i++) {
      const s = pool[i].score * 0.6 ** (perDoc.get(pool[i].p.doc) ?? 0);
      if (s > bestScore) [best, bestScore] = [i, s];
    }
    const { p } = pool.splice(best, 1)[0];
    const text = fold(p.text).replace(/\s+/g, '');
    if (taken.has(p.id) || p.aligned.some((a) => taken.has(a)) || texts.has(text)) continue;
    chosen.push(p);
    taken.add(p.id);
    texts.add(text);
    perDoc.set(p.doc, (perDoc.get(p.doc) ?? 0) + 1);
  }
  return chosen;
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
