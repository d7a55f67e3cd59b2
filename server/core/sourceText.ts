// What makes a file a corpus source and what its text is, without touching the disk: which names
// are sources, which folders are passed over, how bytes decode (UTF-8, or UTF-16 with a
// byte-order mark), and how reads are grouped so that big files are not all held at once.
// server/host/corpusFolders.ts lists, stats and reads the files.
import { createHash } from 'node:crypto';

/** Larger text files are skipped unread (corpus files) or refused (memos). */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

const SOURCE_NAME = /\.(txt|md|markdown)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git']);

/** No corpus folder at all could be read: there is nothing to index. */
export class CorpusFolderError extends Error {}

/** A corpus file as listed, with its size and modification time (what tells whether a saved document is current). */
export interface ListedFile {
  path: string;
  folder: string;
  size: number;
  mtimeMs: number;
}

/** A file name (or path) that is a corpus source: plain text or Markdown. */
export function isSourceName(name: string): boolean {
  return SOURCE_NAME.test(name);
}

/** A folder entry neither indexed nor watched: anything hidden, node_modules, .git. */
export function isIgnoredEntry(name: string): boolean {
  return name.startsWith('.') || SKIP_DIRS.has(name);
}

/**
 * Decodes a file as text: UTF-8, or UTF-16 with a byte-order mark (what Windows tools save as
 * "Unicode"); otherwise says why it is not a text source. Used for corpus files and memos alike.
 */
export function decodeText(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.length > MAX_TEXT_BYTES) return { reason: `larger than ${MAX_TEXT_BYTES / 1024 / 1024} MB` };
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes) };
    } catch {
      return { reason: `not valid ${utf16.toUpperCase()} text` };
    }
  }
  const head = bytes.subarray(0, 8192);
  if (head.includes(0)) return { reason: looksLikeUtf16(head) ? 'UTF-16 text without a byte-order mark (save it as UTF-8)' : 'binary file (contains NUL bytes)' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
}

/** Most of every other byte is NUL, as in ASCII-range text stored as UTF-16. */
function looksLikeUtf16(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(head.length / 2);
  return Math.max(even, odd) > 0.4 * pairs && Math.min(even, odd) < 0.05 * pairs;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** Files read at once: thousands of simultaneous opens would exhaust file descriptors. */
export const BATCH_FILES = 64;
/** Bytes read at once: 64 files just under the size limit would otherwise hold 1.3 GB. */
const BATCH_BYTES = 128 * 1024 * 1024;

/** The files in batches of at most `BATCH_FILES` files and (by `sizes`, one per name) `BATCH_BYTES` bytes. */
export function batchBySize(names: string[], sizes: number[]): string[][] {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  names.forEach((name, i) => {
    const size = Math.min(sizes[i], MAX_TEXT_BYTES);
    if (batch.length && (batch.length >= BATCH_FILES || bytes + size > BATCH_BYTES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(name);
    bytes += size;
  });
  if (batch.length) batches.push(batch);
  return batches;
}
