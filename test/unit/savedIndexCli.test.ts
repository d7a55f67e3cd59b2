// The CLI's saved index at 1,000 documents, run as a user runs it: the second run starts from
// the saved index (and answers the same), files edited or added between runs are found, and a
// corrupt index file is rebuilt with one warning line.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { loadFolders } from '../../server/host/corpusFolders';
import { silentLogger } from '../../server/core/types';
import { ROOT } from '../helpers';
import { writeSyntheticCorpus } from '../synthetic';

function cli(env: NodeJS.ProcessEnv, ...args: string[]) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8', env });
  return { ...r, ms: performance.now() - started };
}

const CLAIM = 'Anthropic needs revenue from Mythos to pay SpaceX for compute';

test('at 1,000 documents the second run starts from the saved index, much faster, and files edited or added between runs are found', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipc-cli-1k-'));
  try {
    const folder = path.join(dir, 'corpus');
    const written = writeSyntheticCorpus(folder, 1000);
    const env = { ...process.env, AIPC_INDEX_DIR: path.join(dir, 'index'), AIPC_VERBOSE: '1' };
    const sources = (claim: string) => cli(env, 'find-sources', '--corpus', folder, '--no-seeds', '--json', claim);

    const first = sources(CLAIM);
    assert.equal(first.status, 0, first.stderr);
    assert.match(first.stderr, /indexed 1000 documents/);
    assert.match(first.stderr, /saved the index/);
    assert.equal(readdirSync(path.join(dir, 'index')).length, 1);

    const second = sources(CLAIM);
    assert.equal(second.status, 0, second.stderr);
    assert.match(second.stderr, /loaded the saved index of 1000 documents/);
    assert.doesNotMatch(second.stderr, /saved the index/, 'nothing changed: nothing written');
    assert.equal(second.stdout, first.stdout, 'the same answer from the saved index');

    // Reading the text is the floor a start cannot beat; the process time includes node's own start.
    const readStarted = performance.now();
    await loadFolders([folder], silentLogger);
    const readMs = performance.now() - readStarted;
    const empty = cli(env, '--help');
    t.diagnostic(`first run ${Math.round(first.ms)} ms, second ${Math.round(second.ms)} ms, reading the text ${Math.round(readMs)} ms, node start + --help ${Math.round(empty.ms)} ms`);
    assert.ok(second.ms * 3 < first.ms, `second run ${Math.round(second.ms)} ms vs first ${Math.round(first.ms)} ms`);
    assert.ok(second.ms - empty.ms <= 10 * readMs, `second run ${Math.round(second.ms - empty.ms)} ms beyond node's start vs reading the text ${Math.round(readMs)} ms`);

    // One file edited, one added.
    const edited = written[500];
    const text = readFileSync(edited, 'utf8');
    const at = text.lastIndexOf('Anthropic');
    writeFileSync(edited, text.slice(0, at) + 'Quillfeather' + text.slice(at + 'Anthropic'.length));
    writeFileSync(path.join(folder, 'batch3', 'late.md'), '# Late news\n\nThe ministry approved the Zephyrine accord on May 9.\n');

    const third = sources('The ministry approved the Zephyrine accord');
    assert.equal(third.status, 0, third.stderr);
    assert.match(third.stderr, /loaded the saved index of 1001 documents.*re-indexed 1 added, 1 changed, 0 removed files/);
    assert.equal(JSON.parse(third.stdout).sources[0].doc, 'batch3/late.md');
    // Not a rebuild (that would take about as long as the first run): it also writes the whole
    // index again (70 MB, 0.8 s here), so half the first run is the bound, not a third — a third
    // failed whenever the other test files ran beside this one.
    assert.ok(third.ms * 2 < first.ms, `a run after one file changed ${Math.round(third.ms)} ms vs the first ${Math.round(first.ms)} ms`);

    const fourth = sources('Quillfeather');
    assert.match(fourth.stderr, /loaded the saved index of 1001 documents/);
    assert.doesNotMatch(fourth.stderr, /re-indexed/, 'the update was saved');
    const top = JSON.parse(fourth.stdout).sources[0];
    assert.equal(path.join(folder, top.doc), edited);
    assert.match(top.text, /Quillfeather/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a corrupt saved index is rebuilt, with one warning line, and the answer does not change', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'aipc-cli-corrupt-'));
  try {
    const folder = path.join(dir, 'corpus');
    writeSyntheticCorpus(folder, 20);
    const indexDir = path.join(dir, 'index');
    const env = { ...process.env, AIPC_INDEX_DIR: indexDir, AIPC_VERBOSE: '' };
    const sources = (extra: NodeJS.ProcessEnv = {}) => cli({ ...env, ...extra }, 'find-sources', '--corpus', folder, '--no-seeds', '--json', CLAIM);
    const first = sources();
    assert.equal(first.status, 0, first.stderr);
    assert.equal(first.stderr, '');
    const [name] = readdirSync(indexDir);
    const file = path.join(indexDir, name);
    const bytes = readFileSync(file);
    for (let i = 1000; i < 1100; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0x5a;
    writeFileSync(file, bytes);

    const second = sources();
    assert.equal(second.status, 0, second.stderr);
    assert.equal(second.stderr.trim().split('\n').length, 1, second.stderr);
    assert.match(second.stderr, /^warning: saved index not used \(corrupt: checksum mismatch\)/);
    assert.equal(second.stdout, first.stdout);

    // Half-written (as after a crash mid-write, were the write not atomic): the same.
    writeFileSync(file, readFileSync(file).subarray(0, 4096));
    const third = sources();
    assert.match(third.stderr, /^warning: saved index not used \(corrupt: truncated/);
    assert.equal(third.stdout, first.stdout);

    const fourth = sources({ AIPC_VERBOSE: '1' });
    assert.match(fourth.stderr, /loaded the saved index of 20 documents/);
    assert.equal(fourth.stdout, first.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
