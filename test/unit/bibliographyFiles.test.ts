// The bibliography file as it really is on disk: locked against other processes, refused when it
// is not a regular UTF-8 file the user lets us write, written through links, cached by mtime.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { addToBibliography, readBibliographyKeys } from '../../server/host/bibliography';
import { cslEntry } from '../../server/core/citations';
import { lockFileOf, withFileLock } from '../../server/host/fileLock';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'aipc-bibfile-'));
const entry = (key: string) => cslEntry({ title: `Title ${key}`, key, outlet: 'Outlet', date: '2026-06' });
const ids = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as Array<{ id: string }>).map((e) => e.id);
/** The pid of a process that has already exited. */
const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!;

test('a lock left by a process that died is taken over; the addition lands and the lock is gone', async () => {
  const file = path.join(tempDir(), 'refs.json');
  writeFileSync(lockFileOf(file), `${deadPid()}\n${hostname()}\n`);
  await addToBibliography(file, [entry('a2026')]);
  assert.deepEqual(ids(file), ['a2026']);
  assert.deepEqual(readdirSync(path.dirname(file)), ['refs.json']);
});

test('a lock held by a live process is waited for, then refused with a clear error; an old one is stale', async () => {
  const file = path.join(tempDir(), 'refs.json');
  writeFileSync(lockFileOf(file), `${process.ppid}\n${hostname()}\n`);
  await assert.rejects(withFileLock(file, async () => 1, { timeoutMs: 200 }), /\.refs\.json\.lock is held by another process \(pid \d+\)/);
  const old = new Date(Date.now() - 120_000);
  utimesSync(lockFileOf(file), old, old);
  assert.equal(await withFileLock(file, async () => 2, { timeoutMs: 200 }), 2);
});

test('a Latin-1 bibliography is refused with a clear message, never rewritten with replacement characters', async () => {
  const file = path.join(tempDir(), 'refs.json');
  const latin1 = Buffer.from('[{"id": "caf\xe9", "title": "Caf\xe9"}]\n', 'latin1');
  writeFileSync(file, latin1);
  await assert.rejects(addToBibliography(file, [entry('b2026')]), /is not UTF-8 text; it was left unchanged/);
  assert.deepEqual(readFileSync(file), latin1);
});

test('a read-only bibliography is refused and left unchanged', async () => {
  const file = path.join(tempDir(), 'refs.json');
  writeFileSync(file, '[]\n');
  chmodSync(file, 0o444);
  await assert.rejects(addToBibliography(file, [entry('c2026')]), /is read-only; it was left unchanged/);
  assert.equal(readFileSync(file, 'utf8'), '[]\n');
});

test('a hard-linked bibliography stays one file: both names see the addition', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'refs.json');
  writeFileSync(file, '[]\n');
  linkSync(file, path.join(dir, 'other-name.json'));
  await addToBibliography(file, [entry('d2026')]);
  assert.deepEqual(ids(path.join(dir, 'other-name.json')), ['d2026']);
  assert.equal(lstatSync(file).nlink, 2);
});

test('a dangling symlink is written through: its target is created, the link stays a link', async () => {
  const dir = tempDir();
  const link = path.join(dir, 'refs.json');
  symlinkSync('real/refs-target.json', link);
  spawnSync('mkdir', [path.join(dir, 'real')]);
  await addToBibliography(link, [entry('e2026')]);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.deepEqual(ids(path.join(dir, 'real', 'refs-target.json')), ['e2026']);
});

test('temp files left by a killed write are cleaned up by the next write', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'refs.json');
  writeFileSync(file, '[]\n');
  writeFileSync(path.join(dir, `.refs.json.${deadPid()}.0123456789ab.tmp`), '[{"half": ');
  await addToBibliography(file, [entry('f2026')]);
  assert.deepEqual(readdirSync(dir), ['refs.json']);
});

test('only regular files are read: a FIFO, a device and a folder are refused at once', async () => {
  const dir = tempDir();
  const fifo = path.join(dir, 'fifo.json');
  spawnSync('mkfifo', [fifo]);
  await assert.rejects(readBibliographyKeys(fifo), /is not a regular file/);
  await assert.rejects(readBibliographyKeys('/dev/zero'), /is not a regular file/);
  await assert.rejects(readBibliographyKeys(dir + '/'), /is not a regular file/);
  await assert.rejects(addToBibliography(fifo, [entry('g2026')]), /is not a regular file/);
});

test('reads are cached until the file changes, and a parse error does not echo the file', async () => {
  const file = path.join(tempDir(), 'refs.json');
  writeFileSync(file, '[{"id": "one"}]\n');
  assert.deepEqual(await readBibliographyKeys(file), ['one']);
  writeFileSync(file, '[{"id": "two"}, {"id": "three"}]\n');
  assert.deepEqual(await readBibliographyKeys(file), ['two', 'three']);
  writeFileSync(file, 'SECRET-TOKEN-abcdef is not json');
  await assert.rejects(readBibliographyKeys(file), (e: Error) => !e.message.includes('SECRET') && /is not valid JSON/.test(e.message));
});
