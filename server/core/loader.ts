// Reads corpus folders from disk. Bad input never stops the load: unreadable, binary or huge
// files are skipped with a warning naming the file and the reason.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SIDECAR_NAME, parseSidecar, type CatalogSidecar } from './catalog';
import type { FileStamp, SourceFile } from './corpus';
import type { Logger } from './types';

const EXTENSIONS = /\.(txt|md|markdown)$/i;
const MAX_BYTES = 20 * 1024 * 1024;
const SKIP_DIRS = new Set(['node_modules', '.git']);

export class CorpusFolderError extends Error {}

export interface LoadedFolders {
  files: SourceFile[];
  sidecars: Map<string, CatalogSidecar>;
}

/** Lists corpus files under `folder` (recursively), sorted. Throws `CorpusFolderError` if the folder is missing. */
export async function listCorpusFiles(folder: string): Promise<string[]> {
  let stat;
  try {
    stat = await fs.stat(folder);
  } catch {
    throw new CorpusFolderError(`corpus folder not found: ${folder}`);
  }
  if (!stat.isDirectory()) throw new CorpusFolderError(`not a folder: ${folder}`);
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile() && EXTENSIONS.test(e.name)) out.push(full);
    }
  };
  await walk(folder);
  return out.sort();
}

/** Decodes a file as UTF-8 text, or says why it is not a text source. */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.length > MAX_BYTES) return { reason: `larger than ${MAX_BYTES / 1024 / 1024} MB` };
  if (bytes.subarray(0, 8192).includes(0)) return { reason: 'binary file (contains NUL bytes)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

/** Reads a corpus file with its stamp (taken before reading, so a file changed meanwhile looks changed next time). */
export async function readSourceFile(file: string, folder: string, logger: Logger): Promise<SourceFile | undefined> {
  let bytes: Uint8Array;
  let stamp: FileStamp;
  try {
    const stat = await fs.stat(file);
    bytes = await fs.readFile(file);
    stamp = { size: stat.size, mtimeMs: stat.mtimeMs, hash: contentHash(bytes) };
  } catch (e) {
    logger.warn(`skipped ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return undefined;
  }
  const decoded = decodeText(bytes);
  if ('reason' in decoded) {
    logger.warn(`skipped ${file}: ${decoded.reason}`);
    return undefined;
  }
  return { path: file, name: path.relative(folder, file).split(path.sep).join('/'), folder, content: decoded.text, stamp };
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** A corpus file as listed, with its size and modification time (what tells whether a saved document is current). */
export interface ListedFile {
  path: string;
  folder: string;
  size: number;
  mtimeMs: number;
}

/** Lists and stats every corpus file of every folder (a missing folder throws); reads nothing. */
export async function listFolders(folders: string[]): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  for (const raw of folders) {
    const folder = path.resolve(raw);
    const names = await listCorpusFiles(folder);
    for (let i = 0; i < names.length; i += 64) {
      const batch = await Promise.all(
        names.slice(i, i + 64).map(async (file) => {
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
  return out;
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
    json = await fs.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return parseSidecar(json, file);
  } catch (e) {
    logger.warn(`ignored catalog corrections: ${(e as Error).message}`);
    return undefined;
  }
}

/** Loads every folder; a missing folder throws, a bad file is skipped with a warning. */
export async function loadFolders(folders: string[], logger: Logger): Promise<LoadedFolders> {
  const files: SourceFile[] = [];
  const sidecars = new Map<string, CatalogSidecar>();
  for (const raw of folders) {
    const folder = path.resolve(raw);
    const names = await listCorpusFiles(folder);
    const sidecar = await readSidecar(folder, logger);
    if (sidecar) sidecars.set(folder, sidecar);
    // Bounded concurrency: thousands of simultaneous opens would exhaust file descriptors.
    for (let i = 0; i < names.length; i += 64) {
      const batch = await Promise.all(names.slice(i, i + 64).map((f) => readSourceFile(f, folder, logger)));
      for (const f of batch) if (f) files.push(f);
    }
  }
  return { files, sidecars };
}
