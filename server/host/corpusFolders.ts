// Reads corpus folders from disk. Bad input never stops the load: unreadable, binary or huge
// files are skipped with a warning naming the file and the reason. What a source is and how its
// bytes decode is the core's (core/sourceText.ts).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SIDECAR_NAME, parseSidecar, type CatalogSidecar } from '../core/catalog';
import type { FileStamp, SourceFile } from '../core/corpus';
import { BATCH_FILES, CorpusFolderError, MAX_TEXT_BYTES, batchBySize, contentHash, decodeText, isIgnoredEntry, isSourceName, type ListedFile } from '../core/sourceText';
import type { Logger } from '../core/types';
import { readRegularFile } from './safeRead';

const MAX_SIDECAR_BYTES = 5 * 1024 * 1024;

export interface LoadedFolders {
  files: SourceFile[];
  sidecars: Map<string, CatalogSidecar>;
  /** One line per corpus folder that was skipped, or that had parts skipped, saying why. */
  skipped: string[];
}

export interface ListedFolder {
  files: string[];
  /** Subfolders (and unnamable files) left out: unreadable, vanished, symlinked, with the reason. */
  skipped: Array<{ dir: string; reason: string }>;
}

const reasonOf = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? (e as Error).message;

/**
 * Lists corpus files under `folder` (recursively), sorted. Throws `CorpusFolderError` if the folder
 * itself is missing or not a folder; a subfolder that cannot be read is listed in `unreadable`.
 */
export async function listCorpusFiles(folder: string): Promise<ListedFolder> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch (e) {
    throw new CorpusFolderError((e as NodeJS.ErrnoException).code === 'ENOENT' ? `corpus folder not found: ${folder}` : `corpus folder not readable (${reasonOf(e)}): ${folder}`);
  }
  if (!stat.isDirectory()) throw new CorpusFolderError(`not a folder: ${folder}`);
  const files: string[] = [];
  const skipped: ListedFolder['skipped'] = [];
  // An explicit stack rather than recursion: a deep tree must not exhaust the call stack.
  const stack = [folder];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      if (dir === folder) throw new CorpusFolderError(`corpus folder not readable (${reasonOf(e)}): ${folder}`);
      skipped.push({ dir, reason: reasonOf(e) });
      continue;
    }
    for (const e of entries) {
      if (isIgnoredEntry(e.name)) continue;
      const full = path.join(dir, e.name);
      // A name whose bytes are not UTF-8 comes back with U+FFFD and then names no file at all.
      if (e.name.includes('\ufffd') && !(await fs.lstat(full).catch(() => undefined))) {
        skipped.push({ dir: full, reason: 'name is not valid UTF-8' });
        continue;
      }
      if (e.isDirectory()) stack.push(full);
      else if (e.isFile() && isSourceName(e.name)) files.push(full);
      else if (e.isSymbolicLink()) {
        // A linked file is read like any other; a linked folder is not followed (it may loop).
        const target = await fs.stat(full).catch(() => undefined);
        if (target?.isDirectory()) skipped.push({ dir: full, reason: 'a symlink to a folder, not followed' });
        else if (isSourceName(e.name)) files.push(full);
      }
    }
  }
  return { files: files.sort(), skipped };
}

/** Reads a corpus file with its stamp (taken before reading, so a file changed meanwhile looks changed next time). */
export async function readSourceFile(file: string, folder: string, logger: Logger): Promise<SourceFile | undefined> {
  let bytes: Uint8Array;
  let stamp: FileStamp;
  try {
    const stat = await fs.stat(file);
    // Checked before reading: a huge file is never loaded, a FIFO never waited on.
    bytes = await readRegularFile(file, MAX_TEXT_BYTES);
    stamp = { size: stat.size, mtimeMs: stat.mtimeMs, hash: contentHash(bytes) };
  } catch (e) {
    logger.warn(`skipped ${file}: ${(e as Error).message}`);
    return undefined;
  }
  const decoded = decodeText(bytes);
  if ('reason' in decoded) {
    logger.warn(`skipped ${file}: ${decoded.reason}`);
    return undefined;
  }
  return { path: file, name: path.relative(folder, file).split(path.sep).join('/'), folder, content: decoded.text, stamp };
}

/**
 * Lists and stats every corpus file of every folder; reads nothing. Folders and subfolders that
 * cannot be read are skipped as `loadFolders` skips them (one warning each, listed in `skipped`).
 */
export async function listFolders(folders: string[], logger: Logger): Promise<{ files: ListedFile[]; skipped: string[] }> {
  const { listings, skipped } = await listAll(folders, logger);
  const out: ListedFile[] = [];
  for (const { folder, listed } of listings) {
    const names = listed.files;
    for (let i = 0; i < names.length; i += BATCH_FILES) {
      const batch = await Promise.all(
        names.slice(i, i + BATCH_FILES).map(async (file) => {
          try {
            const stat = await fs.stat(file);
            return { path: file, folder, size: stat.size, mtimeMs: stat.mtimeMs };
          } catch {
            return undefined; // removed while listing: as if never there
          }
        }),
      );
      for (const f of batch) if (f) out.push(f);
    }
  }
  return { files: out, skipped };
}

/** The catalog corrections of every folder that has them. */
export async function readSidecars(folders: string[], logger: Logger): Promise<Map<string, CatalogSidecar>> {
  const sidecars = new Map<string, CatalogSidecar>();
  for (const raw of folders) {
    const folder = path.resolve(raw);
    const sidecar = await readSidecar(folder, logger);
    if (sidecar) sidecars.set(folder, sidecar);
  }
  return sidecars;
}

async function readSidecar(folder: string, logger: Logger): Promise<CatalogSidecar | undefined> {
  const file = path.join(folder, SIDECAR_NAME);
  let json: string;
  try {
    json = (await readRegularFile(file, MAX_SIDECAR_BYTES)).toString('utf8');
  } catch (e) {
    if ((e as Error).message !== 'ENOENT') logger.warn(`ignored catalog corrections ${file}: ${(e as Error).message}`);
    return undefined;
  }
  try {
    return parseSidecar(json, file);
  } catch (e) {
    logger.warn(`ignored catalog corrections: ${(e as Error).message}`);
    return undefined;
  }
}

/** The files in batches bounded by count and by their size now (see `batchBySize`). */
export async function readBatches(names: string[]): Promise<string[][]> {
  const sizes: number[] = [];
  for (let i = 0; i < names.length; i += BATCH_FILES) {
    sizes.push(...(await Promise.all(names.slice(i, i + BATCH_FILES).map((f) => fs.stat(f).then((st) => st.size, () => 0)))));
  }
  return batchBySize(names, sizes);
}

/** How many skipped subfolders one warning names; the rest are counted. */
const NAMED_SKIPS = 3;

/**
 * Lists every folder, skipping those that cannot be read and reporting skipped subfolders, one
 * warning line each. Every folder is listed first, so that when none can be read the error alone
 * says why: then it throws `CorpusFolderError`.
 */
async function listAll(folders: string[], logger: Logger): Promise<{ listings: Array<{ folder: string; listed: ListedFolder }>; skipped: string[] }> {
  const listings: Array<{ folder: string; listed: ListedFolder }> = [];
  const skipped: string[] = [];
  for (const raw of folders) {
    const folder = path.resolve(raw);
    try {
      listings.push({ folder, listed: await listCorpusFiles(folder) });
    } catch (e) {
      if (!(e instanceof CorpusFolderError)) throw e;
      skipped.push(`skipped ${e.message}`);
    }
  }
  if (folders.length && !listings.length) throw new CorpusFolderError(`no corpus folder could be read: ${skipped.map((s) => s.replace(/^skipped /, '')).join('; ')}`);
  for (const { folder, listed } of listings) {
    if (!listed.skipped.length) continue;
    const named = listed.skipped.slice(0, NAMED_SKIPS).map((u) => `${path.relative(folder, u.dir)} (${u.reason})`);
    const more = listed.skipped.length - named.length;
    skipped.push(`skipped ${listed.skipped.length} subfolder(s) or file(s) of ${folder}: ${named.join(', ')}${more ? ` and ${more} more` : ''}`);
  }
  for (const line of skipped) logger.warn(line);
  return { listings, skipped };
}

/**
 * Loads every folder. A folder that cannot be read is skipped, and a subfolder that cannot be
 * read is left out, each with one warning; a bad file is skipped with a warning. Throws
 * `CorpusFolderError` only when no folder at all could be read.
 */
export async function loadFolders(folders: string[], logger: Logger, onRead?: (done: number, total: number) => void): Promise<LoadedFolders> {
  const { listings, skipped } = await listAll(folders, logger);
  const total = listings.reduce((n, l) => n + l.listed.files.length, 0);
  let done = 0;
  const files: SourceFile[] = [];
  const sidecars = new Map<string, CatalogSidecar>();
  for (const { folder, listed } of listings) {
    const sidecar = await readSidecar(folder, logger);
    if (sidecar) sidecars.set(folder, sidecar);
    for (const batch of await readBatches(listed.files)) {
      const read = await Promise.all(batch.map((f) => readSourceFile(f, folder, logger)));
      for (const f of read) if (f) files.push(f);
      onRead?.((done += batch.length), total);
    }
  }
  return { files, sidecars, skipped };
}
