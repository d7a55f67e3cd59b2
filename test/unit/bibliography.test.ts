// The CSL-JSON bibliography file: entries added, never lost, written atomically.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, symlinkSync, lstatSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { addToBibliography, readBibliographyKeys } from '../../server/host/bibliography';
import { cslEntry, type CslItem } from '../../server/core/citations';

function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'aipc-bib-'));
}

const mythos = cslEntry({ title: 'Mythos 5 is here', key: 'field2026mythos', outlet: 'The Verge', author: 'Hayden Field', date: '2026-06' });
const fable = cslEntry({ title: 'Fable returns', key: 'fable2026return', outlet: 'Substack', date: '2026-07' });

// Written by hand, as a user or Zotero would: 4-space indent, unknown fields, a number with a
// trailing zero, an escaped character. All of it must survive byte for byte.
const existing = `[
    {
        "id": "doe99",
        "type": "book",
        "title": "Caf\\u00e9 Policy",
        "x-zotero-note": {"tags": ["ai", "policy"]},
        "version": 1.0
    },
    {"id": "field2026mythos", "type": "webpage", "title": "My own edited title"}
]
`;

test('adds new entries after every existing one, keeping the existing text exactly', async () => {
  const file = path.join(tempDir(), 'refs.json');
  writeFileSync(file, existing);
  const result = await addToBibliography(file, [mythos, fable]);
  assert.deepEqual(result, { added: ['fable2026return'], kept: 2 });
  const text = readFileSync(file, 'utf8');
  assert.ok(text.startsWith(existing.trimEnd().slice(0, -1).trimEnd()), text);
  assert.ok(text.endsWith('\n  }\n]\n'), text);
  const data = JSON.parse(text) as CslItem[];
  assert.deepEqual(data.map((d) => d.id), ['doe99', 'field2026mythos', 'fable2026return']);
  assert.equal(data[1].title, 'My own edited title');
  assert.deepEqual(data[2], fable);
  assert.match(text, /\n {2}\{\n {4}"id": "fable2026return",\n/);
});

test('a missing file is created as a 2-space CSL-JSON array with a trailing newline', async () => {
  const file = path.join(tempDir(), 'references.json');
  assert.deepEqual(await readBibliographyKeys(file), []);
  assert.deepEqual(await addToBibliography(file, [mythos, mythos]), { added: ['field2026mythos'], kept: 0 });
  assert.equal(readFileSync(file, 'utf8'), `${JSON.stringify([mythos], null, 2)}\n`);
  assert.deepEqual(await readBibliographyKeys(file), ['field2026mythos']);
});

test('nothing to add leaves the file untouched', async () => {
  const file = path.join(tempDir(), 'refs.json');
  writeFileSync(file, existing);
  assert.deepEqual(await addToBibliography(file, [cslEntry({ title: 't', key: 'doe99' })]), { added: [], kept: 2 });
  assert.equal(readFileSync(file, 'utf8'), existing);
});

test('an invalid existing file raises a clear error and is left unchanged', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'refs.json');
  const broken = '[\n  {"id": "doe99",}\n';
  writeFileSync(file, broken);
  await assert.rejects(addToBibliography(file, [mythos]), /refs\.json is not valid JSON .*left unchanged/);
  assert.equal(readFileSync(file, 'utf8'), broken);
  writeFileSync(file, '{"id": "doe99"}');
  await assert.rejects(addToBibliography(file, [mythos]), /not a CSL-JSON array/);
  assert.equal(readFileSync(file, 'utf8'), '{"id": "doe99"}');
  assert.deepEqual(readdirSync(dir), ['refs.json']);
});

test('BibTeX and YAML bibliographies are refused with an explanation, not overwritten', async () => {
  const dir = tempDir();
  const bib = path.join(dir, 'refs.bib');
  writeFileSync(bib, '@article{doe99, title={X}}\n');
  await assert.rejects(addToBibliography(bib, [mythos]), /Only CSL-JSON bibliographies \(\.json\)/);
  await assert.rejects(readBibliographyKeys(path.join(dir, 'refs.yaml')), /Only CSL-JSON/);
  assert.equal(readFileSync(bib, 'utf8'), '@article{doe99, title={X}}\n');
});

test('concurrent additions to one file all land, and no temp file is left behind', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'refs.json');
  writeFileSync(file, existing);
  const items = Array.from({ length: 20 }, (_, i) => cslEntry({ title: `Article ${i}`, key: `a${i}` }));
  const results = await Promise.all(items.map((item) => addToBibliography(file, [item])));
  assert.deepEqual(results.map((r) => r.added[0]), items.map((i) => i.id));
  assert.deepEqual(results.map((r) => r.kept), items.map((_, i) => 2 + i));
  assert.deepEqual(await readBibliographyKeys(file), ['doe99', 'field2026mythos', ...items.map((i) => i.id)]);
  assert.deepEqual(readdirSync(dir), ['refs.json']);
});

test('a failed addition does not block the next one on the same file', async () => {
  const file = path.join(tempDir(), 'refs.json');
  writeFileSync(file, 'not json');
  const first = addToBibliography(file, [mythos]);
  const fix = first.catch(() => writeFileSync(file, '[]\n'));
  await assert.rejects(first, /not valid JSON/);
  await fix;
  assert.deepEqual(await addToBibliography(file, [fable]), { added: ['fable2026return'], kept: 0 });
});

test('writes through a symlink to the real file and keeps the link', async () => {
  const dir = tempDir();
  const real = path.join(dir, 'real.json');
  const link = path.join(dir, 'refs.json');
  writeFileSync(real, '[]\n');
  symlinkSync(real, link);
  await addToBibliography(link, [fable]);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.deepEqual(JSON.parse(readFileSync(real, 'utf8')), [fable]);
});

test('CRLF files stay CRLF', async () => {
  const file = path.join(tempDir(), 'refs.json');
  writeFileSync(file, '[\r\n  {"id": "doe99"}\r\n]\r\n');
  await addToBibliography(file, [fable]);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.startsWith('[\r\n  {"id": "doe99"},\r\n  {\r\n    "id": "fable2026return"'), text);
  assert.ok(!/[^\r]\n/.test(text), text);
});
