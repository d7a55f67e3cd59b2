import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IndexBuilder } from '../../server/core/searchIndex';

function build(docs: string[][]) {
  const b = new IndexBuilder();
  for (const d of docs) b.add(d);
  return b.finish();
}

const q = (...terms: string[]) => new Map(terms.map((t) => [t, 1]));

test('BM25 ranks rarer shared terms higher and ignores unknown terms', () => {
  const index = build([['export', 'control', 'order'], ['export', 'market'], ['weather', 'report'], ['export', 'control', 'control']]);
  const hits = index.search(q('control', 'order', 'unknown'), 10);
  assert.deepEqual(hits.map((h) => h.id), [0, 3]);
  assert.ok(hits[0].score > hits[1].score);
});

test('boost scales scores and 0 excludes a passage', () => {
  const index = build([['mythos', 'model'], ['mythos', 'model']]);
  const boost = new Float32Array([0, 0.5]);
  const hits = index.search(q('mythos'), 5, boost);
  assert.deepEqual(hits.map((h) => h.id), [1]);
});

test('MaxScore pruning returns the same top k as exhaustive scoring', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const vocab = Array.from({ length: 300 }, (_, i) => `t${i}`);
  // Zipf-like: low-numbered terms are common, high-numbered rare.
  const docs = Array.from({ length: 3000 }, () => Array.from({ length: 5 + Math.floor(rand() * 20) }, () => vocab[Math.floor(vocab.length * rand() ** 3)]));
  const index = build(docs);
  for (let trial = 0; trial < 20; trial++) {
    const query = q(...Array.from({ length: 8 }, () => vocab[Math.floor(rand() * vocab.length)]));
    const top = index.search(query, 10);
    const all = index.search(query, 100000);
    assert.deepEqual(top.map((h) => h.id), all.slice(0, 10).map((h) => h.id));
  }
});
