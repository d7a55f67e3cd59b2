// The entity catalog: canonical entities with aliases in both languages, and mention finding over
// any text (memo or corpus). Mention finding runs over every passage of every document, so the
// aliases are compiled once per catalog into a trie over folded text (NFKC + lowercase), walked
// once per start position; model names the catalog lacks come from a pattern (modelPattern.ts).
import { BUILT_IN_ENTITIES } from './entityData';
import { KatakanaVariants } from './katakana';
import { findModelNames } from './modelPattern';
import { fold, foldWithMap, originOf, type FoldedText } from './text';

import type { EntityKind } from './types';

export type { EntityKind } from './types';

export const ENTITY_KINDS: readonly EntityKind[] = ['model', 'agency', 'company', 'person', 'program', 'benchmark', 'other'];

export interface EntityEntry {
  id?: string;
  name: string;
  kind: EntityKind;
  description?: string;
  descriptionJa?: string;
  aliases: string[];
  /** Latin aliases that are ordinary words (`Fable`, `Commerce`): matched only as capitalised here. */
  caseSensitive?: string[];
}

export interface Entity {
  id: string;
  name: string;
  kind: EntityKind;
  description: string;
  descriptionJa?: string;
  aliases: string[];
  /** Set on model names found by pattern rather than by the catalog. */
  detected?: boolean;
}

export interface Mention {
  entity: Entity;
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  text: string;
}

/** `Project Glasswing` → `project-glasswing`; letters of any script are kept. */
export function slugify(name: string): string {
  return fold(name).replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** The shipped catalog. A fresh instance on every call, because callers `extend` it. */
export function builtInCatalog(): EntityCatalog {
  return EntityCatalog.fromEntries(BUILT_IN_ENTITIES);
}

// ---------------------------------------------------------------------------------------------
// Character classes for match boundaries (on folded text).

function isWordUnit(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || c === 0x5f ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
  );
}

/** Katakana letters and the long-vowel mark; the middle dot `・` separates words, so it is not one. */
function isKatakana(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x30fc && c <= 0x30fe);
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

// ---------------------------------------------------------------------------------------------
// Alias trie.

interface AliasTarget {
  entity: Entity;
  /** NFKC form the original text must equal, for case-sensitive aliases. */
  exact?: string;
  endsWithWord: boolean;
  endsWithDigit: boolean;
  /** A short katakana tail (≤ 2 letters) must not run on into more katakana. */
  guardKatakanaTail: boolean;
}

interface TrieNode {
  /** Children by folded unit: an array for ASCII (most steps), a map for the rest. */
  ascii: (TrieNode | undefined)[];
  other: Map<number, TrieNode>;
  targets?: AliasTarget[];
}

const newNode = (): TrieNode => ({ ascii: [], other: new Map() });

const child = (node: TrieNode, c: number): TrieNode | undefined => (c < 0x80 ? node.ascii[c] : node.other.get(c));

function addChild(node: TrieNode, c: number): TrieNode {
  const existing = child(node, c);
  if (existing) return existing;
  const made = newNode();
  if (c < 0x80) node.ascii[c] = made;
  else node.other.set(c, made);
  return made;
}

/**
 * Spellings of one alias: as written, without the spaces Japanese text may or may not put
 * between Latin and Japanese (`英国 AI 安全研究所` / `英国AI安全研究所`), and without the middle
 * dot of katakana names (`サラ・ヘック` / `サラヘック`).
 */
function spellings(alias: string): string[] {
  const base = alias.normalize('NFKC').replace(/\s+/g, ' ').trim();
  const out = new Set([base]);
  out.add(base.replace(/ (?=[\u3040-\u30ff\u3400-\u9fff])|(?<=[\u3040-\u30ff\u3400-\u9fff]) /g, ''));
  out.add(base.replace(/([A-Za-z0-9.])(?=[\u3040-\u30ff\u3400-\u9fff])/g, '$1 ').replace(/([\u3040-\u30ff\u3400-\u9fff])(?=[A-Za-z0-9])/g, '$1 '));
  for (const s of [...out]) if (s.includes('・')) out.add(s.replace(/・/g, ''));
  return [...out].filter((s) => s.length > 0);
}

function katakanaTail(folded: string): number {
  let n = 0;
  for (let i = folded.length - 1; i >= 0 && isKatakana(folded.charCodeAt(i)); i--) n++;
  return n;
}

interface CompiledAliases {
  root: TrieNode;
  /** 1 for every folded unit that begins some alias: a cheap filter before the trie walk. */
  starts: Uint8Array;
}

function compileAliases(entities: readonly Entity[], caseSensitive: Map<string, Set<string>>): CompiledAliases {
  const root = newNode();
  const starts = new Uint8Array(0x10000);
  for (const entity of entities) {
    const exactSet = caseSensitive.get(entity.id);
    for (const alias of new Set([entity.name, ...entity.aliases])) {
      const exact = exactSet?.has(alias);
      for (const spelling of spellings(alias)) {
        const key = fold(spelling);
        starts[key.charCodeAt(0)] = 1;
        let node = root;
        for (let i = 0; i < key.length; i++) node = addChild(node, key.charCodeAt(i));
        const last = key.charCodeAt(key.length - 1);
        const tail = katakanaTail(key);
        (node.targets ??= []).push({
          entity,
          exact: exact ? spelling : undefined,
          endsWithWord: isWordUnit(last),
          endsWithDigit: isDigit(last),
          guardKatakanaTail: tail > 0 && tail <= 2,
        });
      }
    }
  }
  return { root, starts };
}

interface Candidate {
  entity: Entity;
  start: number;
  end: number;
  detected: boolean;
}

/** Every alias match starting at folded offset `i` (all lengths, longest last). */
function matchesAt(root: TrieNode, text: string, t: FoldedText, i: number, out: Candidate[]): void {
  const f = t.folded;
  let node: TrieNode | undefined = root;
  let j = i;
  while (j < f.length) {
    const c = f.charCodeAt(j);
    if (isBlank(c)) {
      node = child(node, 0x20);
      if (!node) return;
      while (j < f.length && isBlank(f.charCodeAt(j))) j++;
      continue;
    }
    node = child(node, c);
    if (!node) return;
    j++;
    if (node.targets) {
      const target = node.targets.find((tg) => accepts(tg, text, t, i, j));
      if (target) out.push({ entity: target.entity, start: i, end: j, detected: false });
    }
  }
}

function accepts(target: AliasTarget, text: string, t: FoldedText, start: number, end: number): boolean {
  const f = t.folded;
  const next = end < f.length ? f.charCodeAt(end) : -1;
  if (target.endsWithWord && next >= 0 && isWordUnit(next)) return false;
  // `GPT-5.5` must not match the start of `GPT-5.5.1`.
  if (target.endsWithDigit && (next === 0x2e || next === 0x2c) && isDigit(f.charCodeAt(end + 1))) return false;
  if (target.guardKatakanaTail && next >= 0 && isKatakana(next)) return false;
  if (target.exact !== undefined) {
    // `e-Commerce`: an ordinary word glued to a hyphenated prefix is part of another word.
    if (start >= 2 && f.charCodeAt(start - 1) === 0x2d && isWordUnit(f.charCodeAt(start - 2))) return false;
    const original = text.slice(originOf(t, start), originOf(t, end)).normalize('NFKC').replace(/\s+/g, ' ');
    if (original !== target.exact) return false;
  }
  return true;
}

/** Start positions worth trying: an alias never starts inside a Latin word or a katakana run. */
function canStart(f: string, i: number): boolean {
  if (i === 0) return true;
  const c = f.charCodeAt(i);
  const prev = f.charCodeAt(i - 1);
  if (isWordUnit(c) && isWordUnit(prev)) return false;
  if (isKatakana(c) && isKatakana(prev)) return false;
  return true;
}

/**
 * Longest first, then leftmost; catalog before pattern on ties; no overlaps. Linear after the
 * sort: a span taken earlier is at least as long as the candidate, so if they overlap it covers
 * the candidate's first or last unit, and those two units are all that needs looking at.
 */
function selectMentions(candidates: Candidate[]): Candidate[] {
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || Number(a.detected) - Number(b.detected) || a.start - b.start);
  let size = 0;
  for (const c of candidates) size = Math.max(size, c.end + 1);
  // owner[i] = 1 + the index in `chosen` of the span covering unit i, or 0.
  const owner = new Int32Array(size);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    const taken = c.end > c.start ? owner[c.start] !== 0 || owner[c.end - 1] !== 0 : c.start > 0 && owner[c.start] !== 0 && owner[c.start] === owner[c.start - 1];
    if (taken) continue;
    chosen.push(c);
    owner.fill(chosen.length, c.start, c.end);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * A test of whether one of `spans` contains [start, end), in O(log n) per question: spans by start,
 * with the furthest end reached by any span starting at or before each.
 */
function coveredBy(spans: readonly Candidate[]): (start: number, end: number) => boolean {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const starts = sorted.map((c) => c.start);
  const reach: number[] = [];
  for (const c of sorted) reach.push(Math.max(c.end, reach.length ? reach[reach.length - 1] : -1));
  return (start, end) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1] >= end;
  };
}

// ---------------------------------------------------------------------------------------------

export class EntityCatalog {
  private readonly entities: Entity[] = [];
  private readonly byId = new Map<string, Entity>();
  private readonly caseSensitive = new Map<string, Set<string>>();
  private readonly detected = new Map<string, Entity>();
  private compiled?: CompiledAliases;
  private variants?: KatakanaVariants<Entity>;
  private names?: Map<string, Entity>;

  static fromEntries(entries: readonly EntityEntry[]): EntityCatalog {
    const catalog = new EntityCatalog();
    catalog.extend(entries);
    return catalog;
  }

  /**
   * Add entities. An entry with the id or the canonical name of a known entity merges into it:
   * its aliases are added, and its kind and descriptions (when given) replace the old ones, so a
   * user's file can correct the shipped list. Other entries are added as new entities.
   */
  extend(entries: readonly EntityEntry[]): void {
    for (const entry of entries) {
      const id = entry.id?.trim() || slugify(entry.name);
      const existing = this.byId.get(id) ?? this.entities.find((e) => fold(e.name) === fold(entry.name));
      const entity = existing ?? this.add(id, entry);
      if (existing) {
        existing.kind = entry.kind;
        if (entry.description) existing.description = entry.description;
        if (entry.descriptionJa) existing.descriptionJa = entry.descriptionJa;
      }
      for (const alias of entry.aliases) {
        const a = alias.trim();
        if (a && !entity.aliases.includes(a)) entity.aliases.push(a);
      }
      const exact = this.caseSensitive.get(entity.id) ?? new Set<string>();
      for (const alias of entry.caseSensitive ?? []) exact.add(alias.trim());
      if (exact.size > 0) this.caseSensitive.set(entity.id, exact);
    }
    this.compiled = undefined;
    this.names = undefined;
    this.variants = undefined;
  }

  private add(id: string, entry: EntityEntry): Entity {
    const entity: Entity = {
      id,
      name: entry.name.trim(),
      kind: entry.kind,
      description: entry.description ?? '',
      aliases: [],
    };
    if (entry.descriptionJa) entity.descriptionJa = entry.descriptionJa;
    this.entities.push(entity);
    this.byId.set(id, entity);
    return entity;
  }

  get(id: string): Entity | undefined {
    return this.byId.get(id) ?? this.detected.get(id);
  }

  all(): readonly Entity[] {
    return this.entities;
  }

  /** The entity with this id, canonical name or alias (folded: `mythos` finds Claude Mythos 5). */
  byName(nameOrAlias: string): Entity | undefined {
    const key = fold(nameOrAlias).replace(/\s+/g, ' ').trim();
    if (!key) return undefined;
    const known = this.byId.get(nameOrAlias.trim()) ?? this.nameIndex().get(key);
    if (known) return known;
    const models = findModelNames(nameOrAlias.trim());
    if (models.length === 1 && models[0].text === nameOrAlias.trim()) return this.detectedModel(models[0].text);
    return undefined;
  }

  /** Mentions of catalog entities and pattern-detected models, in text order, never overlapping. */
  findMentions(text: string): Mention[] {
    const { root, starts } = (this.compiled ??= compileAliases(this.entities, this.caseSensitive));
    const t = foldWithMap(text);
    const f = t.folded;
    const candidates: Candidate[] = [];
    for (let i = 0; i < f.length; i++) {
      if (starts[f.charCodeAt(i)] === 1 && canStart(f, i)) matchesAt(root, text, t, i, candidates);
    }
    const catalogSpans = candidates.map((c) => ({ ...c, start: originOf(t, c.start), end: originOf(t, c.end) }));
    const all = catalogSpans.concat(this.patternCandidates(text), this.katakanaCandidates(text, catalogSpans));
    return selectMentions(all).map((c) => ({ entity: c.entity, start: c.start, end: c.end, text: text.slice(c.start, c.end) }));
  }

  /**
   * The entities a search query names: its mentions, and, since a query is typed as a name, a
   * short katakana word one edit from a katakana alias even without the title or middle dot that
   * running text needs (`ラトニック` for `ルットニック`).
   */
  namedIn(query: string): Entity[] {
    const mentions = this.findMentions(query);
    const taken = (start: number, end: number) => mentions.some((m) => m.start < end && start < m.end);
    this.variants ??= new KatakanaVariants(this.entities.flatMap((e) => e.aliases.map((alias) => ({ alias, target: e }))));
    const variants = this.variants.find(query, taken, { anywhere: true }).map((v) => v.target);
    return [...new Set([...mentions.map((m) => m.entity), ...variants])];
  }

  /** The mention covering a UTF-16 offset; the offset just after a mention still counts (hovers). */
  mentionAt(text: string, offset: number): Mention | undefined {
    const mentions = this.findMentions(text);
    return mentions.find((m) => m.start <= offset && offset < m.end) ?? mentions.find((m) => m.end === offset);
  }

  private patternCandidates(text: string): Candidate[] {
    if (!/[A-Za-z\uff21-\uff3a\uff41-\uff5a]/.test(text)) return [];
    const t = foldWithMap(text, { keepCase: true });
    return findModelNames(t.folded).map((span) => {
      const start = originOf(t, span.start);
      const end = originOf(t, span.end);
      const written = text.slice(start, end);
      // `Claude Opus 4.8` where the catalog only knows `Opus 4.8` is still the catalog's model.
      const known = this.nameIndex().get(fold(written).replace(/\s+/g, ' ')) ?? this.nameIndex().get(fold(written.replace(/^Claude\s+/, '')));
      return { entity: known ?? this.detectedModel(written), start, end, detected: !known };
    });
  }

  /** Katakana spellings the catalog lacks, one edit from one of its katakana aliases. */
  private katakanaCandidates(text: string, found: Candidate[]): Candidate[] {
    if (!/[ァ-ヺ]/.test(text)) return [];
    this.variants ??= new KatakanaVariants(this.entities.flatMap((e) => e.aliases.map((alias) => ({ alias, target: e }))));
    // A run the catalog matched whole is its own; a longer run around a match (`ダリオ・アモディ`
    // around `ダリオ`) may still be a variant, and the longer mention wins.
    const taken = coveredBy(found);
    return this.variants.find(text, taken).map((v) => ({ entity: v.target, start: v.start, end: v.end, detected: true }));
  }

  private detectedModel(written: string): Entity {
    const id = `model:${fold(written).replace(/\s+/g, ' ')}`;
    let entity = this.detected.get(id);
    if (!entity) {
      entity = { id, name: written, kind: 'model', description: '', aliases: [written], detected: true };
      this.detected.set(id, entity);
    }
    return entity;
  }

  /** Folded name / alias → entity; names win over aliases, earlier entities over later ones. */
  private nameIndex(): Map<string, Entity> {
    if (this.names) return this.names;
    const index = new Map<string, Entity>();
    for (const e of this.entities) index.set(fold(e.name).replace(/\s+/g, ' '), e);
    for (const e of this.entities) {
      for (const alias of e.aliases) {
        const key = fold(alias).replace(/\s+/g, ' ');
        if (!index.has(key)) index.set(key, e);
      }
    }
    return (this.names = index);
  }
}

// ---------------------------------------------------------------------------------------------
// User entity files (read by server/host/entityFiles.ts).

/** The entries of a user entity file's text: a JSON array of `{name, kind, aliases, description?, id?}`. */
export function parseEntityFile(path: string, raw: string): EntityEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  if (!Array.isArray(data)) throw new Error(`${path}: expected a JSON array of entities like {"name": …, "kind": …, "aliases": […]}`);
  return data.map((item, index) => checkEntry(item, `${path}: entry ${index + 1}`));
}

function checkEntry(item: unknown, where: string): EntityEntry {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) throw new Error(`${where}: expected an object`);
  const o = item as Record<string, unknown>;
  if (typeof o.name !== 'string' || !o.name.trim()) throw new Error(`${where}: "name" must be a non-empty string`);
  const label = `${where} ("${o.name}")`;
  if (typeof o.kind !== 'string' || !ENTITY_KINDS.includes(o.kind as EntityKind)) {
    throw new Error(`${label}: "kind" must be one of ${ENTITY_KINDS.join(', ')}`);
  }
  const strings = (field: string): string[] | undefined => {
    const v = o[field];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new Error(`${label}: "${field}" must be an array of strings`);
    return v as string[];
  };
  const text = (field: string): string | undefined => {
    const v = o[field];
    if (v !== undefined && typeof v !== 'string') throw new Error(`${label}: "${field}" must be a string`);
    return v as string | undefined;
  };
  const entry: EntityEntry = { name: o.name.trim(), kind: o.kind as EntityKind, aliases: strings('aliases') ?? [] };
  const id = text('id');
  const description = text('description');
  const descriptionJa = text('descriptionJa');
  const caseSensitive = strings('caseSensitive');
  if (id) entry.id = id;
  if (description) entry.description = description;
  if (descriptionJa) entry.descriptionJa = descriptionJa;
  if (caseSensitive) entry.caseSensitive = caseSensitive;
  return entry;
}
