// Building the index in slices: a server answers between them, even inside one huge document.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Corpus } from '../../server/core/corpus';

test('a document of 1,000 passages is indexed in several slices, not in one step', async () => {
  const content = `Title\n${'The office approved the plan on May 9. '.repeat(1000)}\n`;
  let slices = 0;
  const corpus = await Corpus.buildAsync([{ path: '/c/a.txt', name: 'a.txt', folder: '/c', content }], {}, () => slices++, 0);
  assert.equal(corpus.passages.filter((p) => !p.heading).length, 1000);
  // Parse, then index: two steps per document before; now also one every 256 passages.
  assert.ok(slices >= 5, `${slices} slices`);
});
