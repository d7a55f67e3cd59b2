// The entity catalog: canonical entities with aliases in both languages, and mention finding over
// any text (memo or corpus). Mention finding runs over every passage of every document, so the
// aliases are compiled once per catalog into a trie over folded text (NFKC + lowercase), walked
// once per start position; model names the catalog lacks come from a pattern (modelPattern.ts).
// The split: aliasTrie.ts compiles and walks the aliases, entityFile.ts reads the entity-file
// format (the shipped list, entityCatalog.json, is one), text/fold.ts folds.
import { canStart, compileAliases, coveredBy, matchesAt, selectMentions, type Candidate, type CompiledAliases } from './aliasTrie';
import BUILT_IN_ENTRIES from './entityCatalog.json';
import { parseEntries, type EntityEntry } from './entityFile';
import { KatakanaVariants } from './katakana';
import { findModelNames } from './modelPattern';
import { fold, foldWithMap, originOf } from './text';
import { ENTITY_KINDS, type Entity, type EntityKind } from './types';

export { ENTITY_KINDS, type Entity, type EntityEntry, type EntityKind };

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

/** The shipped list, checked as a user's entity file is. */
const BUILT_IN_ENTITIES = parseEntries('entityCatalog.json', BUILT_IN_ENTRIES);

/** The shipped catalog. A fresh instance on every call, because callers `extend` it. */
export function builtInCatalog(): EntityCatalog {
  return EntityCatalog.fromEntries(BUILT_IN_ENTITIES);
}

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
      if (entry.partOf) entity.partOf = entry.partOf;
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

  /**
   * Whether one of the two is part of the other, at any depth (`Bureau of Industry and Security`
   * and `US government`): then naming one where a source names the other is no swap.
   */
  nested(a: string, b: string): boolean {
    const inside = (from: string, to: string) => {
      const seen = new Set<string>();
      for (let e = this.get(from); e?.partOf && !seen.has(e.id); ) {
        seen.add(e.id);
        e = this.get(e.partOf) ?? this.byName(e.partOf);
        if (e?.id === to) return true;
      }
      return false;
    };
    return inside(a, b) || inside(b, a);
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
