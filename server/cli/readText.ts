// The text of a file the user names on the command line (a memo, a batch of claims), decoded as
// carefully as a corpus file: regular files only, under the size limit, UTF-8 or UTF-16 with a
// byte-order mark; a binary or otherwise undecodable file is refused instead of checked as text.
import { decodeText, MAX_TEXT_BYTES } from '../core/sourceText';
import { readRegularFileSync } from '../host/safeRead';
import { UsageError } from './args';

export function readTextFile(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(file, MAX_TEXT_BYTES);
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const decoded = decodeText(bytes);
  if ('reason' in decoded) throw new UsageError(`cannot read ${file}: ${decoded.reason}`);
  return decoded.text;
}
