// The writer's CSL-JSON bibliography file: read its keys, add entries without ever losing any.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { CslItem } from './citations';

export interface AddResult {
  /** Ids of the entries written, in the order given. */
  added: string[];
  /** Number of entries the file already held (all kept). */
  kept: number;
}

// One write at a time per file, so two quick insertions cannot each read the old array and
// then overwrite each other's addition.
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

export interface BibliographyEntry {
  id: string;
  title?: string;
}

/** The entries (id and title) of a CSL-JSON file, in file order; a missing file has none. */
export async function readBibliographyEntries(file: string): Promise<BibliographyEntry[]> {
  assertCslJson(file);
  const text = await readIfExists(file);
  if (text === undefined) return [];
  return parseEntries(file, text).flatMap((entry) => {
    const id = idOf(entry);
    if (id === undefined) return [];
    const title = (entry as { title?: unknown }).title;
    return [{ id, ...(typeof title === 'string' ? { title } : {}) }];
  });
}

async function addNow(file: string, items: CslItem[]): Promise<AddResult> {
  assertCslJson(file);
  const target = await realTarget(file);
  const text = await readIfExists(target);
  const entries = text === undefined ? [] : parseEntries(file, text);
  const known = new Set(idsOf(entries));
  const fresh: CslItem[] = [];
  for (const item of items) {
    if (known.has(item.id)) continue;
    known.add(item.id);
    fresh.push(item);
  }
  if (fresh.length > 0) {
    const next = entries.length === 0 || text === undefined ? freshArray(fresh) : appendEntries(text, fresh);
    await writeAtomically(target, next);
  }
  return { added: fresh.map((i) => i.id), kept: entries.length };
}

function assertCslJson(file: string): void {
  if (/\.(bib|bibtex|biblatex|ya?ml|ris)$/i.test(file)) {
    throw new Error(
      `Only CSL-JSON bibliographies (.json) are supported; ${path.basename(file)} is not one. ` +
        'Point the bibliography setting or the memo front matter at a .json file.',
    );
  }
}

function parseEntries(file: string, text: string): unknown[] {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    throw new Error(`${file} is not valid JSON (${(error as Error).message}); it was left unchanged.`);
  }
  if (!Array.isArray(data)) throw new Error(`${file} is not a CSL-JSON array of entries; it was left unchanged.`);
  return data;
}

function idOf(entry: unknown): string | undefined {
  const id = (entry as { id?: unknown } | null)?.id;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function idsOf(entries: unknown[]): string[] {
  return entries.flatMap((entry) => idOf(entry) ?? []);
}

function freshArray(items: CslItem[]): string {
  return `${JSON.stringify(items, null, 2)}\n`;
}

/**
 * Insert the new entries before the closing `]` of the existing text, leaving every byte of
 * the existing entries as the user wrote them (re-serialising would reformat numbers, escapes
 * and duplicate fields).
 */
function appendEntries(text: string, items: CslItem[]): string {
  const body = text.replace(/\s+$/, '');
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const head = body.slice(0, -1).replace(/\s+$/, '');
  const added = items.map((item) => indent(JSON.stringify(item, null, 2), eol)).join(`,${eol}`);
  return `${head},${eol}${added}${eol}]${eol}`;
}

function indent(json: string, eol: string): string {
  return json
    .split('\n')
    .map((line) => `  ${line}`)
    .join(eol);
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

// Write through a symlink to the file it points at, rather than replacing the link.
async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return file;
  }
}

/** Temp file in the same directory, flushed to disk, then renamed over the target. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const mode = await fs.stat(file).then((s) => s.mode & 0o777, () => undefined);
  const handle = await fs.open(temp, 'wx', mode ?? 0o666);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await syncDirectory(dir);
}

// Make the rename itself durable; some platforms cannot open a directory, which is harmless.
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    return;
  }
}
