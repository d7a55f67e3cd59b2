// Replacing a user's file without losing it: a temp file beside it, flushed, renamed over it.
// The file's own nature is respected: a symlink is written through to its target, a file with
// other hard links is rewritten in place (a rename would split the links), and temp files left
// by a writer that was killed are cleaned up by the next write.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isProcessAlive } from './fileLock';

/** A temp file this old was left by a writer that died; a live write takes milliseconds. */
const STALE_TEMP_MS = 60_000;

/** Where a write to `file` must go: a symlink's target (even a dangling one), else the file. */
export async function writeTarget(file: string): Promise<string> {
  let target = path.resolve(file);
  // A chain of links, followed by hand so that a dangling one still names the file to create.
  for (let hops = 0; hops < 40; hops++) {
    let link: string;
    try {
      link = await fs.readlink(target);
    } catch {
      return fs.realpath(target).catch(() => target);
    }
    target = path.resolve(path.dirname(target), link);
  }
  throw new Error(`${file}: too many levels of symbolic links`);
}

/** What is written: a text (as UTF-8), or bytes in pieces (the saved index, hundreds of megabytes). */
export type Contents = string | Buffer[];

/** Temp file in the same directory, flushed to disk, then renamed over the target. */
export async function writeAtomically(file: string, contents: Contents): Promise<void> {
  const dir = path.dirname(file);
  await removeStaleTemps(file);
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat && stat.nlink > 1) return writeInPlace(file, contents);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', stat ? stat.mode & 0o777 : 0o666);
  try {
    await writeAt(handle, contents, 0);
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

/** For a file with several hard links: the same inode, rewritten, so every link sees the change. */
async function writeInPlace(file: string, contents: Contents): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.truncate(await writeAt(handle, contents, 0));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes `contents` from `position` on; returns the number of bytes written. */
async function writeAt(handle: fs.FileHandle, contents: Contents, position: number): Promise<number> {
  const chunks = typeof contents === 'string' ? [Buffer.from(contents, 'utf8')] : contents;
  // writev takes at most IOV_MAX buffers at a time.
  for (let i = 0; i < chunks.length; i += 512) {
    let skip = (await handle.writev(chunks.slice(i, i + 512), position)).bytesWritten;
    // A short write (Linux writes at most 2 GB at once) goes on from where it stopped.
    for (const chunk of chunks.slice(i, i + 512)) {
      let done = Math.min(skip, chunk.length);
      skip -= done;
      position += done;
      while (done < chunk.length) {
        const { bytesWritten } = await handle.write(chunk, done, chunk.length - done, position);
        done += bytesWritten;
        position += bytesWritten;
      }
    }
  }
  return position;
}

/** Temp files of earlier writes to `file` whose writer is gone (dead pid, or simply old). */
export async function removeStaleTemps(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  const prefix = `.${path.basename(file)}.`;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = /^(\d+)\.[0-9a-f]+\.tmp$/.exec(name.slice(prefix.length))?.[1];
    if (!pid) continue;
    const full = path.join(dir, name);
    const stat = await fs.lstat(full).catch(() => undefined);
    if (!stat?.isFile()) continue;
    if (isProcessAlive(Number(pid)) && Date.now() - stat.mtimeMs < STALE_TEMP_MS) continue;
    await fs.rm(full, { force: true });
    removed.push(full);
  }
  return removed;
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
