// Watching corpus folders costs one inotify watch per folder, not one per file, and a file added
// in a subfolder still triggers a re-index.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { writeCorpus } from '../helpers';
import { LspClient } from './lspClient';

/** The inotify watches a process holds (Linux: one `inotify wd:` line per watch in fdinfo). */
function inotifyWatches(pid: number): number {
  let n = 0;
  for (const fd of readdirSync(`/proc/${pid}/fdinfo`)) {
    try {
      n += (readFileSync(`/proc/${pid}/fdinfo/${fd}`, 'utf8').match(/^inotify wd:/gm) ?? []).length;
    } catch {
      // Closed meanwhile.
    }
  }
  return n;
}

test('300 files in 3 folders take a handful of watches, and a file added deep down re-indexes', { skip: process.platform !== 'linux' }, async () => {
  const spec = Array.from({ length: 300 }, (_, i) => `//- ${['', 'a/', 'a/b/'][i % 3]}doc-${i}.txt\nDoc ${i}\nThe office approved plan ${i} on May 9.\n`).join('');
  const folder = writeCorpus(spec);
  const client = await LspClient.start({ corpus: { folders: [folder], includeSeeds: false } });
  try {
    const first = await client.indexed();
    assert.equal(first.documents, 300);
    const watches = inotifyWatches(client.pid!);
    assert.ok(watches >= 3 && watches <= 10, `${watches} inotify watches`);
    writeFileSync(path.join(folder, 'a', 'b', 'late.txt'), 'Late\nThe Zephyrine accord was approved on May 9.\n');
    const next = await client.indexed(first.generation + 1);
    assert.equal(next.documents, 301);
  } finally {
    await client.shutdown();
  }
});
