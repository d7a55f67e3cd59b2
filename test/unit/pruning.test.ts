// Query pruning (windows of passages skipped whole, MaxScore inside a window, each term bounded by
// its best posting in the window's blocks) must not change an answer: for every claim of the dev
// sets, on the seeds and on a synthetic corpus with long posting lists, the pruned top k is the
// top k of an exhaustive search written out here — every posting of every query term scored, in
// the order the search sums them — the same passages, in the same order, with the same scores.
// Small windows too, so that even the seeds have many to skip.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bridges } from '../../server/bridges';
import { Corpus } from '../../server/core/corpus';
import { claimQuery } from '../../server/core/retrieval';
import type { Hit, SearchIndex } from '../../server/core/searchIndex';
import { silentLogger } from '../../server/core/types';
import { B, K1 } from '../../server/core/windowSearch';
import { devClaims, FIXTURES, openCorpusWith } from '../helpers';
import { syntheticDocs } from '../synthetic';
import * as path from 'node:path';

const claims = () => [
  ...devClaims().map((c) => c.claim),
  ...devClaims(path.join(FIXTURES, 'claims-heldout3.jsonl')).map((c) => c.claim),
  'Mythos',
  'ラトニック',
  'export control',
  'Lutnick Fable',
  '商務省',
];

/** BM25 with no pruning: every posting of the query's terms, summed in 32-bit floats, terms by descending weight. */
function exhaustive(index: SearchIndex, query: Map<string, number>, k: number, boost: Float32Array): Hit[] {
  const { terms, offsets, ids, tfs, lengths } = index.parts();
  const termIds = new Map(terms.map((t, i) => [t, i]));
  const n = lengths.length;
  const avg = lengths.reduce((s, l) => s + l, 0) / Math.max(1, n) || 1;
  const norm = Float32Array.from(lengths, (l) => K1 * (1 - B + (B * l) / avg));
  const qs = [...query]
    .filter(([term]) => termIds.has(term))
    .map(([term, weight]) => {
      const t = termIds.get(term)!;
      const df = offsets[t + 1] - offsets[t];
      return { t, w: weight * Math.log(1 + (n - df + 0.5) / (df + 0.5)) };
    })
    .sort((a, b) => b.w - a.w);
  const scores = new Float32Array(n);
  for (const { t, w } of qs) {
    for (let p = offsets[t]; p < offsets[t + 1]; p++) {
      const id = ids[p];
      if (boost[id] === 0) continue;
      const tf = tfs[p];
      scores[id] += (w * tf * (K1 + 1)) / (tf + norm[id]);
    }
  }
  const hits: Hit[] = [];
  for (let id = 0; id < n; id++) if (scores[id] > 0) hits.push({ id, score: scores[id] * boost[id] });
  return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

/** Returns how many of the searches had passages of equal score at the k-th place (ties the pruning must break by id). */
function assertSameTopK(corpus: Corpus, texts: string[]): number {
  const english = new Float32Array(corpus.boost);
  for (const p of corpus.passages) if (p.lang !== 'en') english[p.id] = 0;
  let ties = 0;
  for (const claim of texts) {
    const query = claimQuery(corpus, claim);
    for (const boost of [corpus.boost, english]) {
      const all = exhaustive(corpus.index, query, 500, boost);
      for (const k of [1, 5, 20, 30, 500]) {
        const expected = all.slice(0, k);
        if (k < all.length && all[k].score === all[k - 1].score) ties++;
        for (const window of [undefined, 64, 1000]) {
          assert.deepStrictEqual(corpus.index.search(query, k, boost, window), expected, `${claim} (k = ${k}, window ${window ?? 'default'})`);
        }
      }
    }
  }
  return ties;
}

test('pruned and exhaustive top k agree on every dev claim over the seeds', async () => {
  const { corpus } = await openCorpusWith([]);
  assertSameTopK(corpus, claims());
});

test('pruned and exhaustive top k agree on a synthetic corpus with long posting lists, for dev claims and corpus sentences', () => {
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const corpus = Corpus.build(
    syntheticDocs(60).map((d) => ({ path: `/s/${d.name}`, name: d.name, folder: '/s', content: d.content })),
    { annotators: b.annotators },
  );
  const sentences = corpus.claims().filter((p) => p.text.length > 40);
  const drawn = Array.from({ length: 40 }, (_, i) => sentences[(i * 7919) % sentences.length].text);
  const ties = assertSameTopK(corpus, [...claims(), ...drawn]);
  // The synthetic documents repeat the seeds' sentences: equal scores at the k-th place, which only the id may order.
  assert.ok(ties > 0, 'some searches have ties at the k-th place');
});

test('the top 50 is the head of the top 500, with and without a mask (claim search narrows with one and ranks with the other)', () => {
  const b = bridges({ entityFiles: [], folders: [], logger: silentLogger });
  const corpus = Corpus.build(
    syntheticDocs(60).map((d) => ({ path: `/s/${d.name}`, name: d.name, folder: '/s', content: d.content })),
    { annotators: b.annotators },
  );
  const english = new Float32Array(corpus.boost);
  for (const p of corpus.passages) if (p.lang !== 'en') english[p.id] = 0;
  for (const q of ['Mythos', 'ラトニック', 'export control', 'Lutnick Fable', '商務省', 'ミソス', 'Glasswing partners', 'XBOW V8 sandbox', 'compute SpaceX']) {
    const query = claimQuery(corpus, q);
    for (const mask of [corpus.boost, english]) assert.deepStrictEqual(corpus.index.search(query, 50, mask), corpus.index.search(query, 500, mask).slice(0, 50), q);
  }
});
