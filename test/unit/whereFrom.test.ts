// The pickers' second line (Insert Citation, Find Sources, Search Claims): where a passage comes
// from, not its text again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { whereFrom, type WhereLabels } from '../../client/whereFrom';
import { findSources } from '../../server/core/findSources';
import { openCorpusWith } from '../helpers';

const labels: WhereLabels = { role: (r) => r, lang: (l) => (l === 'ja' ? 'Japanese' : 'English'), quoting: (s) => `quoting ${s}` };

test('title, outlet, paragraph, role, speaker, date and language; never the passage text', () => {
  const line = whereFrom({ title: 'Fable #6', outlet: 'Don’t Worry About the Vase', paragraph: 73, role: 'original', lang: 'en', speaker: 'Howard Lutnick', date: '2026-06-27' }, labels);
  assert.equal(line, 'Fable #6 (Don’t Worry About the Vase) ¶73 · original · quoting Howard Lutnick · 2026-06-27 · English');
  assert.equal(whereFrom({ title: 'メモ', paragraph: 2, role: 'translation', lang: 'ja' }, labels), 'メモ ¶2 · translation · Japanese');
});

test('the sources of a claim carry the catalog’s outlet and date for that line', async () => {
  const { corpus } = await openCorpusWith([]);
  const answer = findSources(corpus, 'The export control order was issued on June 12.', { top: 5 });
  const first = answer.sources[0];
  const doc = corpus.documents.find((d) => d.name === first.doc)!;
  assert.equal(first.date, doc.catalog.date);
  assert.equal(first.outlet, doc.catalog.outlet);
  const line = whereFrom(first, labels);
  assert.ok(!line.includes(first.text.slice(0, 30)), line);
  assert.match(line, /¶\d+ · (original|translation|summary|related) · /);
});
