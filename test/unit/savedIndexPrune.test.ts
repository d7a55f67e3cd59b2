// Old saved indexes of other folders are removed: those unused for 30 days, and beyond the few
// most recently used; the one in use is marked used, and other files are never touched.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { KEEP_OTHERS, MAX_UNUSED_MS, pruneSavedIndexes } from '../../server/host/savedIndexes';
import { silentLogger } from '../../server/core/types';

test('the index in use is kept and marked used; others go when unused for long or beyond the most recent few', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipc-prune-'));
  const now = Date.UTC(2026, 11, 1);
  const day = 24 * 3600 * 1000;
  const file = (hex: string, ageMs: number) => {
    const name = path.join(dir, `index-${hex.repeat(16)}.aipc`);
    writeFileSync(name, 'saved');
    utimesSync(name, new Date(now - ageMs), new Date(now - ageMs));
    return name;
  };
  const inUse = file('0', 90 * day); // old, but in use: kept
  const recent = ['1', '2', '3', '4', '5'].map((hex, i) => file(hex, (i + 1) * day)); // the fifth is one too many
  const stale = file('6', MAX_UNUSED_MS + day);
  writeFileSync(path.join(dir, 'notes.txt'), 'not ours');
  writeFileSync(path.join(dir, 'index-zz.aipc'), 'not a name we give');

  const removed = await pruneSavedIndexes(inUse, silentLogger, now);
  assert.deepEqual(removed.sort(), [recent[KEEP_OTHERS], stale].sort());
  assert.deepEqual(readdirSync(dir).sort(), [...recent.slice(0, KEEP_OTHERS), inUse].map((f) => path.basename(f)).concat(['index-zz.aipc', 'notes.txt']).sort());
  assert.equal(statSync(inUse).mtimeMs, now, 'the index in use is marked used');
  rmSync(dir, { recursive: true, force: true });
});
