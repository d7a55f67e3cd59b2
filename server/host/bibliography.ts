// The writer's CSL-JSON bibliography file on disk: read its keys, add entries without ever losing any
// (the text itself is core/bibliography.ts's).
// Only a regular UTF-8 file of sensible size is read (a memo's front matter can name any path,
// `/dev/zero` or a FIFO included); reads are cached by modification time, because diagnostics
// read it on every pass. Writes hold a lock across processes (two editor windows, one file).
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { assertCslJson, bibliographyEntries, withEntries, type BibliographyEntry } from '../core/bibliography';
import type { CslItem } from '../core/citations';
import { writeAtomically, writeTarget } from './atomicWrite';
import { withFileLock } from './fileLock';

export type { BibliographyEntry };

/** A bibliography this large is not one a person keeps by hand; it is refused, not read. */
export const MAX_BIBLIOGRAPHY_BYTES = 20 * 1024 * 1024;

export interface AddResult {
  /** Ids of the entries written, in the order given. */
  added: string[];
  /** Number of entries the file already held (all kept). */
  kept: number;
}

// One write at a time per file in this process (and the file lock for other processes), so two
// quick insertions cannot each read the old array and then overwrite each other's addition.
const queues = new Map<string, Promise<unknown>>();

export function addToBibliography(file: string, items: CslItem[]): Promise<AddResult> {
  const key = path.resolve(file);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.catch(() => undefined).then(() => addNow(key, items));
  const tail = run.catch(() => undefined);
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}

/** Ids of the entries in a CSL-JSON file, in file order; a missing file has none. */
export async function readBibliographyKeys(file: string): Promise<string[]> {
  return (await readBibliographyEntries(file)).map((e) => e.id);
}

/** The entries (id and title) of a CSL-JSON file, in file order; a missing file has none. */
export async function readBibliographyEntries(file: string): Promise<BibliographyEntry[]> {
  assertCslJson(file);
  const stat = await statIfExists(file);
  if (!stat) return [];
  const stamp = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  const cached = readCache.get(path.resolve(file));
  if (cached?.stamp === stamp) return cached.entries;
  const entries = bibliographyEntries(file, await readChecked(file, stat));
  if (readCache.size >= 64) readCache.clear();
  readCache.set(path.resolve(file), { stamp, entries });
  return entries;
}

const readCache = new Map<string, { stamp: string; entries: BibliographyEntry[] }>();

async function addNow(file: string, items: CslItem[]): Promise<AddResult> {
  assertCslJson(file);
  const target = await writeTarget(file);
  return withFileLock(target, async () => {
    const stat = await statIfExists(target);
    if (stat) await assertWritable(file, target, stat.mode);
    const text = stat ? await readChecked(file, stat) : undefined;
    const { next, added, kept } = withEntries(file, text, items);
    if (next !== undefined) await writeAtomically(target, next);
    return { added, kept };
  });
}

/** The file's status, following links; undefined when it does not exist. Only regular files pass. */
async function statIfExists(file: string) {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`);
  }
  if (!stat.isFile()) throw new Error(`${file} is not a regular file; a bibliography must be a .json file.`);
  if (stat.size > MAX_BIBLIOGRAPHY_BYTES) throw new Error(`${file} is larger than ${MAX_BIBLIOGRAPHY_BYTES / 1024 / 1024} MB; it was not read.`);
  return stat;
}

/** The text of a file already checked by `statIfExists`: UTF-8 only, never decoded with replacements. */
async function readChecked(file: string, stat: { size: number }): Promise<string> {
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  let bytes: Buffer;
  try {
    // Never more than the size seen: a file that grows meanwhile is read as it was.
    bytes = Buffer.alloc(Math.min(stat.size, MAX_BIBLIOGRAPHY_BYTES));
    const { bytesRead } = await handle.read(bytes, 0, bytes.length, 0);
    bytes = bytes.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error(`${file} is not UTF-8 text; it was left unchanged. Save it as UTF-8 to add citations to it.`);
  }
}

/** A file the user made read-only stays unchanged (root could write it anyway: the mode decides). */
async function assertWritable(file: string, target: string, mode: number): Promise<void> {
  const denied = (mode & 0o222) === 0 || (await fs.access(target, constants.W_OK).then(() => false, () => true));
  if (denied) throw new Error(`${file} is read-only; it was left unchanged.`);
}

