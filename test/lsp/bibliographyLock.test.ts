// Two editor windows on one workspace are two server processes: citations they add to the same
// bibliography at the same moment must all land (the write lock works across processes).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CitationRequest, SearchClaimsRequest } from '../../server/protocol';
import { writeCorpus } from '../helpers';
import { LspClient } from './lspClient';

const SOURCES = 40;

test('40 citations from two server processes into one bibliography: every entry is kept', async () => {
  const spec = Array.from({ length: SOURCES }, (_, i) => `//- source-${i}.txt\nBriefing number ${i} on Zorbland\nThe Zorbland office approved plan Q${i}x on May ${(i % 28) + 1}.\n`).join('');
  const folder = writeCorpus(spec);
  const root = mkdtempSync(path.join(tmpdir(), 'aipc-two-windows-'));
  writeFileSync(path.join(root, 'references.json'), '[]\n');
  const settings = { corpus: { folders: [folder], includeSeeds: false } };
  const windows = await Promise.all([LspClient.start(settings, root), LspClient.start(settings, root)]);
  try {
    await Promise.all(windows.map((w) => w.indexed()));
    const uri = pathToFileURL(path.join(root, 'memo.md')).toString();
    for (const w of windows) w.open(uri, 'The plan was approved.\n');
    const ids = await Promise.all(
      Array.from({ length: SOURCES }, async (_, i) => {
        const items = await windows[0].request(SearchClaimsRequest, { query: `Q${i}x` });
        const hit = items.find((item) => item.text.includes(`plan Q${i}x `));
        assert.ok(hit, `no claim for source ${i}`);
        return hit.id;
      }),
    );
    // Both servers indexed the same files in the same order, so the ids agree.
    const answers = await Promise.all(
      ids.map((passageId, i) =>
        windows[i % 2].request(CitationRequest, { uri, position: { line: 0, character: 22 }, passageId, style: 'pandoc' }),
      ),
    );
    assert.deepEqual(answers.map((a) => a.bibliography?.error).filter(Boolean), []);
    assert.ok(answers.every((a) => a.bibliography?.added));
    const entries = JSON.parse(readFileSync(path.join(root, 'references.json'), 'utf8')) as Array<{ id: string }>;
    assert.equal(new Set(entries.map((e) => e.id)).size, SOURCES);
    assert.deepEqual(readdirSync(root).filter((f) => f.startsWith('.')), [], 'no lock or temp file is left behind');
  } finally {
    await Promise.all(windows.map((w) => w.shutdown()));
  }
});
