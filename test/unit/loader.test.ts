// Reading corpus folders: whatever cannot be read is skipped with one warning, the rest loads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadFolders, readBatches } from '../../server/host/corpusFolders';
import { CorpusFolderError, decodeText } from '../../server/core/sourceText';
import type { Logger } from '../../server/core/types';
import { unreadableSubfolder, writeCorpus } from '../helpers';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, warn: (m) => warnings.push(m), error: (m) => warnings.push(m) };
}

test('a missing folder and an unreadable subfolder are skipped with one warning each; the rest is loaded', async () => {
  const good = writeCorpus('//- a.txt\nTitle\nThe ministry approved the accord on May 9.\n//- sub/b.md\n# B\nText.\n');
  unreadableSubfolder(good);
  const missing = path.join(good, 'no-such-folder');
  const logger = recordingLogger();
  const loaded = await loadFolders([missing, good], logger);
  assert.deepEqual(loaded.files.map((f) => f.name), ['a.txt', 'sub/b.md']);
  assert.equal(loaded.skipped.length, 2);
  assert.match(loaded.skipped[0], /corpus folder not found: .*no-such-folder/);
  assert.match(loaded.skipped[1], /skipped 1 subfolder\(s\) or file\(s\) of .*: d+.* \(ENAMETOOLONG\)/);
  assert.equal(logger.warnings.length, 2, logger.warnings.join('\n'));
});

test('a file given as a folder is skipped, not walked', async () => {
  const good = writeCorpus('//- a.txt\nTitle\nText.\n');
  const loaded = await loadFolders([path.join(good, 'a.txt'), good], recordingLogger());
  assert.deepEqual(loaded.files.map((f) => f.name), ['a.txt']);
  assert.match(loaded.skipped[0], /not a folder/);
});

test('when no folder can be read at all, loading fails with one clear error', async () => {
  const good = writeCorpus('//- a.txt\nTitle\nText.\n');
  await assert.rejects(loadFolders([path.join(good, 'x'), path.join(good, 'y')], recordingLogger()), (e: Error) => {
    assert.ok(e instanceof CorpusFolderError);
    assert.match(e.message, /^no corpus folder could be read: corpus folder not found: .*x; corpus folder not found: .*y$/);
    return true;
  });
});

test('files are checked before they are read: a FIFO, a huge file and a link to a folder are skipped with a reason', async () => {
  const dir = writeCorpus('//- a.txt\nTitle\nText.\n//- real/b.txt\nB\nLinked text.\n');
  // A FIFO is not a file, so it is never listed; a link to one is, and must not block the read.
  spawnSync('mkfifo', [path.join(dir, 'pipe.txt')]);
  symlinkSync(path.join(dir, 'pipe.txt'), path.join(dir, 'pipe-link.txt'));
  // Sparse: 30 MB on paper, nothing on disk; reading it first would still take 30 MB of memory.
  writeFileSync(path.join(dir, 'huge.txt'), 'Huge\n');
  truncateSync(path.join(dir, 'huge.txt'), 30 * 1024 * 1024);
  symlinkSync(path.join(dir, 'real', 'b.txt'), path.join(dir, 'linked.txt'));
  symlinkSync(path.join(dir, 'real'), path.join(dir, 'loop'));
  const logger = recordingLogger();
  const loaded = await loadFolders([dir], logger);
  assert.deepEqual(loaded.files.map((f) => f.name), ['a.txt', 'linked.txt', 'real/b.txt']);
  assert.ok(logger.warnings.some((w) => /pipe-link\.txt: not a regular file/.test(w)), logger.warnings.join('\n'));
  assert.ok(logger.warnings.some((w) => /huge\.txt: larger than 20 MB/.test(w)), logger.warnings.join('\n'));
  assert.ok(logger.warnings.some((w) => /skipped 1 subfolder\(s\) or file\(s\) of .*: loop \(a symlink to a folder, not followed\)/.test(w)), logger.warnings.join('\n'));
});

test('text is decoded as UTF-8 or as UTF-16 with a byte-order mark; anything else says what it is', () => {
  const sentence = 'The accord was signed on May 9. 合意は5月9日。\n';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  assert.deepEqual(decodeText(le), { text: sentence });
  assert.deepEqual(decodeText(be), { text: sentence });
  assert.deepEqual(decodeText(Buffer.from('\ufeff' + sentence)), { text: sentence });
  assert.deepEqual(decodeText(Buffer.from(sentence, 'utf16le')), { reason: 'UTF-16 text without a byte-order mark (save it as UTF-8)' });
  assert.deepEqual(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2, 0xff, 0xd8])), { reason: 'binary file (contains NUL bytes)' });
  assert.deepEqual(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9])), { reason: 'not valid UTF-8 text' });
});

test('files are read in batches bounded by count and by bytes, so big files are not all held at once', async () => {
  const dir = writeCorpus('//- small.txt\nSmall\nText.\n');
  const big = Array.from({ length: 20 }, (_, i) => path.join(dir, `big-${i}.txt`));
  // Sparse 15 MB files: large to stat, nothing on disk.
  for (const file of big) {
    writeFileSync(file, 'Big\n');
    truncateSync(file, 15 * 1024 * 1024);
  }
  const small = Array.from({ length: 150 }, () => path.join(dir, 'small.txt'));
  const batches = await readBatches([...big, ...small]);
  assert.deepEqual(batches.slice(0, 3).map((b) => b.length), [8, 8, 4 + 60]);
  assert.ok(batches.every((b) => b.length <= 64));
  assert.equal(batches.flat().length, 170);
});
