// Claim search leaves out of fuse.js's collection the entries it certainly cannot match. That is
// only safe if "certainly" holds: for queries of every kind (short, long past fuse.js's 32-unit
// chunks, Japanese, mixed, with typos) against passages and titles of a synthetic corpus, every
// text fuse.js matches is one the prefilter lets through, and the prefilter does leave some out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Fuse from 'fuse.js';
import { Corpus } from '../../server/core/corpus';
import { FuzzyPrefilter } from '../../server/core/fuzzyPrefilter';
import { syntheticDocs } from '../synthetic';

const OPTIONS = { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 };

test('every text fuse.js matches passes the prefilter; texts it cannot match are left out', () => {
  const corpus = Corpus.build(syntheticDocs(12).map((d) => ({ path: `/f/${d.name}`, name: d.name, folder: '/f', content: d.content })));
  const texts = [...corpus.passages.map((p) => p.text), ...corpus.documents.map((d) => d.catalog.title)].filter((_, i) => i % 3 === 0);
  const drawn = Array.from({ length: 12 }, (_, i) => texts[(i * 7919) % texts.length]);
  const queries = [
    'Mythos', 'Mythso', 'ラトニック', 'export control', 'expor contrl', 'Lutnick Fable', '商務省', 'ミソス', 'Glasswing partners', 'XBOW V8 sandbox', 'compute SpaceX', 'ab', 'Fable 5 輸出',
    ...drawn.map((t) => t.slice(0, 20)),
    // Past 32 UTF-16 units: fuse.js searches chunks of 32, each on its own.
    ...drawn.map((t) => t.slice(0, 70)),
  ].filter((q) => q.trim());
  let left = 0;
  let matched = 0;
  for (const q of queries) {
    const prefilter = new FuzzyPrefilter(q, OPTIONS.threshold);
    const found = new Set(new Fuse(texts.map((text) => ({ text })), OPTIONS).search(q).map((r) => r.refIndex));
    texts.forEach((text, i) => {
      const may = prefilter.mayMatch(text);
      if (found.has(i)) {
        matched++;
        assert.ok(may, `fuse.js matches ${JSON.stringify(q)} in ${JSON.stringify(text.slice(0, 80))}, the prefilter left it out`);
      } else if (!may) left++;
    });
  }
  assert.ok(matched > 100, `${matched} matches checked`);
  assert.ok(left > 1000, `${left} texts left out without reading`);
});
