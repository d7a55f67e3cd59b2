// Reading corpus folders: whatever cannot be read is skipped with one warning, the rest loads.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { CorpusFolderError, loadFolders } from '../../server/core/loader';
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
  assert.match(loaded.skipped[1], /skipped 1 unreadable subfolder\(s\) of .*: d+.* \(ENAMETOOLONG\)/);
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
