// Reading a file a setting, a folder or a memo names, without trusting what it is: `stat` first,
// so that a FIFO (which would block), a device (`/dev/zero`, endless) or a file over the size
// limit is refused before a byte is read; the open never blocks; no more than the size seen is read.
import { closeSync, constants, fstatSync, openSync, promises as fs, readSync, type Stats } from 'node:fs';

export class UnreadableFile extends Error {}

const OPEN_FLAGS = constants.O_RDONLY | constants.O_NONBLOCK;

function check(stat: Stats, maxBytes: number): void {
  if (!stat.isFile()) throw new UnreadableFile(stat.isDirectory() ? 'a folder, not a file' : 'not a regular file');
  if (stat.size > maxBytes) throw new UnreadableFile(`larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
}

const errnoReason = (e: unknown): UnreadableFile =>
  e instanceof UnreadableFile ? e : new UnreadableFile((e as NodeJS.ErrnoException).code ?? (e as Error).message);

/** The bytes of a regular file of at most `maxBytes`; throws `UnreadableFile` saying why not. */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await fs.open(file, OPEN_FLAGS);
  } catch (e) {
    throw errnoReason(e);
  }
  try {
    // The stat of the open file, not of the path: nothing can be swapped in between.
    const stat = await handle.stat();
    check(stat, maxBytes);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const { bytesRead } = await handle.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    return bytes.subarray(0, read);
  } catch (e) {
    throw errnoReason(e);
  } finally {
    await handle.close();
  }
}

/** The same, synchronously (for the entity files, read while the catalog is built). */
export function readRegularFileSync(file: string, maxBytes: number): Buffer {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (e) {
    throw errnoReason(e);
  }
  try {
    const stat = fstatSync(fd);
    check(stat, maxBytes);
    const bytes = Buffer.alloc(stat.size);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    return bytes.subarray(0, read);
  } catch (e) {
    throw errnoReason(e);
  } finally {
    closeSync(fd);
  }
}
