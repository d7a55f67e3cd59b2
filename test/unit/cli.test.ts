// The built CLI (dist/cli.js), run as a user runs it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ROOT, writeCorpus } from '../helpers';

const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });

test('sources prints ranked passages for a claim, human-readable', () => {
  const r = cli('find-sources', 'Anthropic needs revenue from Mythos to pay SpaceX for compute');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^(SUPPORTED|UNSUPPORTED|CONTRADICTED):/);
  assert.match(r.stdout, /000_323e4a42be008be9\.txt:\d+:\d+ {2}\[original text, en\]/);
  assert.match(r.stdout, /SpaceX \$15 billion per year/);
});

test('sources --batch --json prints one object per line with LSP ranges relative to the corpus folder', () => {
  const dir = writeCorpus('//- claims.jsonl\n{"id":"a","claim":"July 8: customers will have to pay by the token."}\n{"id":2,"claim":"商務省はミソスの管理措置を6月26日に解除した。"}\n');
  const r = cli('find-sources', '--batch', path.join(dir, 'claims.jsonl'), '--json');
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.id), ['a', 2]);
  const first = lines[0];
  assert.ok(['supported', 'contradicted', 'unsupported'].includes(first.verdict));
  assert.deepEqual(Object.keys(first.sources[0]).sort(), ['doc', 'lang', 'range', 'role', 'score', 'text'].sort());
  assert.equal(first.sources[0].doc, '003_b2ed7742a500a503.txt');
  assert.deepEqual(first.sources[0].range.start, { line: 171, character: 0 });
});

test('a user corpus folder joins the seeds; --no-seeds leaves it alone', () => {
  const dir = writeCorpus('//- notes/briefing.md\n# Briefing\n\nThe Quillfeather lab released Quillfeather 2 on May 4.\n');
  const r = cli('find-sources', '--corpus', dir, '--no-seeds', '--json', 'Quillfeather 2 was released on May 4');
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.sources[0].doc, 'notes/briefing.md');
  assert.ok(result.sources.every((s: { doc: string }) => s.doc === 'notes/briefing.md'));
});

test('search lists fuzzy matches of a short query', () => {
  const r = cli('search', '--json', 'Lutnik');
  assert.equal(r.status, 0, r.stderr);
  const hits = JSON.parse(r.stdout);
  assert.ok(hits.length > 0);
  assert.match(hits[0].text, /Lutni/);
});

test('search honours the entity: and lang: prefixes typed in the query, as the editor does', () => {
  const r = cli('search', '--json', 'entity:商務省 lang:en export');
  assert.equal(r.status, 0, r.stderr);
  const hits = JSON.parse(r.stdout) as Array<{ lang: string; text: string }>;
  assert.ok(hits.length > 0);
  for (const h of hits) {
    assert.equal(h.lang, 'en');
    assert.match(h.text, /Commerce/);
  }
  const unknown = cli('search', 'entity:"No Such Entity" export');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown entity: No Such Entity/);
});

test('bad input: one line on stderr, exit code 2, never a stack trace', () => {
  for (const args of [['find-sources'], ['find-sources', '--top', 'x', 'claim'], ['frobnicate'], ['find-sources', '--no-seeds', '--corpus', '/nonexistent/folder', 'x'], ['find-sources', '--batch', '/nonexistent.jsonl']]) {
    const r = cli(...args);
    assert.equal(r.status, 2, args.join(' '));
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('an unknown command, the old `sources` included, is refused with the list of commands', () => {
  for (const name of ['sources', 'frobnicate']) {
    const r = cli(name, 'claim');
    assert.equal(r.status, 2);
    assert.equal(r.stderr, `ai-policy-claims: unknown command "${name}"; the commands are find-sources, check, search, hover, entities (--help says more)\n`);
  }
  // A name the commands' table inherits is no command either.
  assert.match(cli('toString').stderr, /unknown command "toString"/);
});

test('a corpus folder that cannot be read is skipped with one warning; the rest is searched', () => {
  const r = cli('find-sources', '--corpus', '/nonexistent/folder', '--json', 'Anthropic needs revenue from Mythos');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, 'warning: skipped corpus folder not found: /nonexistent/folder\n');
  assert.ok(JSON.parse(r.stdout).sources.length > 0);
});

test('binary and non-UTF-8 files in a corpus folder are skipped with a warning', () => {
  const dir = writeCorpus('//- good.txt\nGood news\nThe Brightwater fund grew by 12% in May.\n');
  writeFileSync(path.join(dir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  writeFileSync(path.join(dir, 'latin1.txt'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
  const r = cli('find-sources', '--corpus', dir, '--no-seeds', '--json', 'Brightwater fund grew');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /skipped .*image\.txt: binary file/);
  assert.match(r.stderr, /skipped .*latin1\.txt: not valid UTF-8/);
  assert.equal(JSON.parse(r.stdout).sources[0].doc, 'good.txt');
});

test('memos are decoded like corpus files: UTF-16 with a BOM is checked, binary and unmarked UTF-16 are refused', () => {
  const dir = writeCorpus('//- placeholder.txt\nP\nP.\n');
  const claim = 'The export control order was issued on June 30.\n';
  writeFileSync(path.join(dir, 'utf16.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(claim, 'utf16le')]));
  const r = cli('check', path.join(dir, 'utf16.md'));
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /contradicted: The export control order was issued on June 30\./);
  writeFileSync(path.join(dir, 'bare16.md'), Buffer.from(claim, 'utf16le'));
  writeFileSync(path.join(dir, 'binary.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  for (const [file, reason] of [['bare16.md', /UTF-16 text without a byte-order mark/], ['binary.md', /binary file/], ['/dev/zero', /not a regular file/]] as const) {
    const bad = cli('check', path.isAbsolute(file) ? file : path.join(dir, file));
    assert.equal(bad.status, 2, file);
    assert.match(bad.stderr, reason);
    assert.equal(bad.stderr.trim().split('\n').length, 1);
  }
});

test('a memo with lone CR line breaks is checked sentence by sentence, with CR-counted lines', () => {
  const dir = writeCorpus('//- placeholder.txt\nP\nP.\n');
  writeFileSync(path.join(dir, 'cr.md'), 'Intro line here for sure.\rThe export control order was issued on June 30.\r');
  const r = cli('check', path.join(dir, 'cr.md'));
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /cr\.md:2:1: contradicted: The export control order was issued on June 30\./);
});

test('whole-number options take digits only: an empty value, hex and exponents are refused', () => {
  for (const offset of ['', '0x10', '1e3', '-1', '1.5']) {
    const r = cli('hover', '--text', 'Mythos is here.', '--offset', offset);
    assert.equal(r.status, 2, JSON.stringify(offset));
    assert.match(r.stderr, /--offset must be a whole number/);
  }
  assert.equal(cli('hover', '--text', 'Mythos is here.', '--offset', '2').status, 0);
});

test('a newline in a file name does not break file:line:col output, and a name with invalid bytes is named as such', () => {
  const dir = writeCorpus('//- placeholder.txt\nP\nP.\n');
  writeFileSync(path.join(dir, 'two\nlines.txt'), 'Quillwort news\nThe Quillwort board approved the merger on May 9.\n');
  writeFileSync(Buffer.from(path.join(dir, 'bad-\xff.txt'), 'latin1'), 'Bad\nThe Quillwort board met.\n');
  const r = cli('find-sources', '--corpus', dir, '--no-seeds', 'The Quillwort board approved the merger on May 9.');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^1\. two\\x0alines\.txt:2:1 /m);
  assert.match(r.stderr, /skipped 1 subfolder\(s\) or file\(s\) of .*: bad-\ufffd\.txt \(name is not valid UTF-8\)/);
});
