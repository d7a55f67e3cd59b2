// A lock that works across processes: two editor windows (two servers) adding to one bibliography
// must not each read the old file and then overwrite the other's addition. The lock is a file
// created exclusively beside the target, holding the owner's pid and host. A lock whose owner is
// gone (a dead pid on this host) or that is older than any write could take is stale: it is taken
// over by renaming it away first, so that of two processes breaking it only one succeeds.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';

export interface LockOptions {
  /** How long to wait for another holder before giving up. */
  timeoutMs?: number;
  /** A lock older than this is stale whoever holds it (a write takes milliseconds). */
  staleMs?: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_STALE_MS = 30_000;

/** The lock file of `target`: hidden, beside it. */
export function lockFileOf(target: string): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.lock`);
}

/** Runs `work` while holding the lock of `target`; the lock is released however `work` ends. */
export async function withFileLock<T>(target: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockFileOf(target);
  await acquire(lock, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.staleMs ?? DEFAULT_STALE_MS);
  try {
    return await work();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

async function acquire(lock: string, timeoutMs: number, staleMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const owner = `${process.pid}\n${hostname()}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await fs.open(lock, 'wx');
      try {
        await handle.writeFile(owner);
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await breakIfStale(lock, staleMs)) continue;
    if (Date.now() >= deadline) throw new Error(`${path.basename(lock)} is held by another process (${await holder(lock)}); try again, or delete it if no editor is writing.`);
    // Short, growing, jittered waits: writes are quick, and two waiters should not retry in step.
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, 5 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random())));
  }
}

/** Takes a stale lock away; true when there is no lock left to wait for. */
async function breakIfStale(lock: string, staleMs: number): Promise<boolean> {
  let seen;
  let text;
  try {
    seen = await fs.stat(lock);
    text = await fs.readFile(lock, 'utf8');
  } catch {
    return true; // Released meanwhile.
  }
  const [pid, host] = text.split('\n');
  const dead = host === hostname() && /^\d+$/.test(pid ?? '') && !isProcessAlive(Number(pid));
  // A lock file still empty was just created by an owner about to write its pid: not stale yet,
  // unless it stays that way past the age limit.
  if (!dead && Date.now() - seen.mtimeMs < staleMs) return false;
  const grave = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.stale`;
  try {
    await fs.rename(lock, grave);
  } catch {
    return true; // Someone else broke or released it.
  }
  const taken = await fs.stat(grave).catch(() => undefined);
  // Between our look and the rename, the stale lock may have been replaced by a live one: put it back.
  if (taken && taken.ino !== seen.ino) await fs.link(grave, lock).catch(() => undefined);
  await fs.rm(grave, { force: true });
  return true;
}

/** True when a process with this pid runs on this machine (EPERM: it does, as another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(lock: string): Promise<string> {
  const text = await fs.readFile(lock, 'utf8').catch(() => '');
  const [pid, host] = text.split('\n');
  return pid ? `pid ${pid}${host && host !== hostname() ? ` on ${host}` : ''}` : 'unknown owner';
}
