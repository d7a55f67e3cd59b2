// The saved-index folder over time: one file per set of corpus folders, so every set a user ever
// opened leaves a file behind (tens to hundreds of megabytes each). Each start marks its own file
// as used (its modification time) and removes the others that are old or too many — the least
// recently used first. A file another window still uses costs that window a rebuild at its next
// start at worst: it was read into memory at its start.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Logger } from '../core/types';

/** Saved indexes kept besides the one in use, most recently used first. */
export const KEEP_OTHERS = 4;
/** Saved indexes not used for this long are removed. */
export const MAX_UNUSED_MS = 30 * 24 * 3600 * 1000;

const INDEX_FILE = /^index-[0-9a-f]{16}\.aipc$/;

/** Marks `file` as used now and removes the folder's other saved indexes that are unused for long or beyond the few kept. */
export async function pruneSavedIndexes(file: string, logger: Logger, now = Date.now()): Promise<string[]> {
  const dir = path.dirname(file);
  await fs.utimes(file, new Date(now), new Date(now)).catch(() => undefined); // not saved (yet): nothing to mark
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const others: Array<{ full: string; used: number }> = [];
  for (const name of names) {
    const full = path.join(dir, name);
    if (!INDEX_FILE.test(name) || full === file) continue;
    const stat = await fs.stat(full).catch(() => undefined);
    if (stat?.isFile()) others.push({ full, used: stat.mtimeMs });
  }
  others.sort((a, b) => b.used - a.used);
  const removed: string[] = [];
  for (const [rank, { full, used }] of others.entries()) {
    if (rank < KEEP_OTHERS && now - used < MAX_UNUSED_MS) continue;
    try {
      await fs.rm(full, { force: true });
      removed.push(full);
    } catch (e) {
      logger.warn(`could not remove an old saved index ${full}: ${(e as Error).message}`);
    }
  }
  if (removed.length) logger.info(`removed ${removed.length} saved index(es) of other folders, unused for 30 days or beyond the ${KEEP_OTHERS} most recent: ${removed.map((f) => path.basename(f)).join(', ')}`);
  return removed;
}
