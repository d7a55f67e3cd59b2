// The entity-file format: a JSON array of `{name, kind, aliases, description?, descriptionJa?,
// id?, caseSensitive?, partOf?}`. Users write it (a folder's entities.json, the files the settings name;
// server/host/entityFiles.ts reads them) and the shipped list, entityCatalog.json, is one too.
import { ENTITY_KINDS, type EntityKind } from './types';

/** One entity as an entity file gives it; the catalog merges entries with the same id or name. */
export interface EntityEntry {
  id?: string;
  name: string;
  kind: EntityKind;
  description?: string;
  descriptionJa?: string;
  aliases: string[];
  /** Latin aliases that are ordinary words (`Fable`, `Commerce`): matched only as capitalised here. */
  caseSensitive?: string[];
  /** The id or name of what this is part of (`Bureau of Industry and Security` → `US Department of Commerce`). */
  partOf?: string;
}

/** The entries of an entity file's text; throws, naming the file and the entry, on anything else. */
export function parseEntityFile(path: string, raw: string): EntityEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
  return parseEntries(path, data);
}

/** The entries of an entity file's parsed JSON. */
export function parseEntries(path: string, data: unknown): EntityEntry[] {
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
  const partOf = text('partOf');
  if (id) entry.id = id;
  if (partOf?.trim()) entry.partOf = partOf.trim();
  if (description) entry.description = description;
  if (descriptionJa) entry.descriptionJa = descriptionJa;
  if (caseSensitive) entry.caseSensitive = caseSensitive;
  return entry;
}
