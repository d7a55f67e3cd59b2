// The saved index file on disk: read whole (then decoded by core/indexFile.ts), written with the
// one atomic write (temp file, flush, rename), so a reader sees a whole file or none.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeIndex, type IndexSections, type Rejection } from '../core/indexFile';
import { writeAtomically } from './atomicWrite';

/** The saved index in `file`, or why it cannot be used (`missing` is the normal first start). */
export async function readIndexFile(file: string, fingerprint: string): Promise<IndexSections | Rejection> {
  let buffer: Buffer;
  try {
    buffer = await readWhole(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { reason: 'missing', detail: 'no saved index yet' } : { reason: 'corrupt', detail: `cannot read: ${code ?? (e as Error).message}` };
  }
  return decodeIndex(buffer, fingerprint);
}

/** The file in one buffer, read in pieces: fs.readFile stops at 2 GB, a Buffer at 4 GB. */
async function readWhole(file: string): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafeSlow(size);
    for (let done = 0; done < size; ) {
      const { bytesRead } = await handle.read(buffer, done, Math.min(size - done, 1 << 30), done);
      if (bytesRead === 0) return buffer.subarray(0, done); // shrank while read: the checksum will say so
      done += bytesRead;
    }
    return buffer;
  } finally {
    await handle.close();
  }
}

/** Writes the encoded index (`encodeIndex`'s chunks), creating its folder the first time. */
export async function writeIndexFile(file: string, chunks: Buffer[]): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeAtomically(file, chunks);
}
