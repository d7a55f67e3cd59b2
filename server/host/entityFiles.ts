// The user's entity files on disk: a folder's entities.json and the files the settings name,
// read into the catalog, and the fingerprint a saved index must match.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseEntityFile, type EntityEntry } from '../core/entityFile';
import { readRegularFileSync } from './safeRead';

export const ENTITY_FILE_NAME = 'entities.json';

const MAX_ENTITY_FILE_BYTES = 5 * 1024 * 1024;

/** Read a user entity file; throws, naming the file, when it cannot be read or is not one. */
export function loadEntityFile(file: string): EntityEntry[] {
  let raw: string;
  try {
    // Any path a setting names: a regular file of sensible size only (never a FIFO or a device).
    raw = readRegularFileSync(file, MAX_ENTITY_FILE_BYTES).toString('utf8');
  } catch (e) {
    throw new Error(`${file}: cannot read entity file (${(e as Error).message})`);
  }
  return parseEntityFile(file, raw);
}

/** The entity files of a set of corpus folders (those that have one), then the named ones. */
export function entityFiles(folders: readonly string[], named: readonly string[]): string[] {
  return [...folders.map((f) => path.join(f, ENTITY_FILE_NAME)).filter((f) => existsSync(f)), ...named];
}

/** Changes when any of the files does (an unreadable file counts as such). */
export function filesFingerprint(files: readonly string[]): string {
  const hash = createHash('sha1');
  for (const file of files) {
    hash.update(file + '\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      hash.update('unreadable');
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}
