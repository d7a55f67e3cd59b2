// An incremental update shares its term dictionary with the corpus it came from and extends it:
// the earlier corpus must still answer as it did, two updates from the same corpus must not see
// each other's terms, and a term whose last passage went is no longer one of the index's terms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Corpus, type SourceFile } from '../../server/core/corpus';
import { updateCorpus } from '../../server/core/corpusUpdate';

const file = (name: string, content: string, hash = content): SourceFile => ({
  path: `/c/${name}`,
  name,
  folder: '/c',
  content,
  stamp: { size: content.length, mtimeMs: content.length, hash },
});

async function update(previous: Corpus, files: SourceFile[]): Promise<Corpus> {
  const listed = files.map((f) => ({ path: f.path, folder: f.folder, size: f.stamp!.size, mtimeMs: f.stamp!.mtimeMs }));
  const byPath = new Map(files.map((f) => [f.path, f]));
  return (await updateCorpus(previous, listed, { annotators: [], read: async (l) => byPath.get(l.path) })).corpus;
}

function sameIndex(actual: Corpus, expected: Corpus) {
  assert.equal(actual.index.termCount, expected.index.termCount);
  assert.deepEqual([...actual.index.vocabulary()].sort(), [...expected.index.vocabulary()].sort());
  for (const term of expected.index.vocabulary()) assert.deepEqual(actual.index.postings(term), expected.index.postings(term), term);
  assert.deepEqual(actual.index.parts().terms.length, expected.index.termCount);
}

test('updates extend the earlier dictionary without changing what the earlier corpus answers', async () => {
  const a = file('a.md', '# A\n\nThe Aldermoor treaty was signed in June.\n');
  const b = file('b.md', '# B\n\nBrightwater grew quickly.\n');
  const first = Corpus.build([a, b]);
  const before = first.index.search(new Map([['aldermoor', 1]]), 5);

  const zorblax = file('b.md', '# B\n\nZorblax replaced the old fund.\n');
  const second = await update(first, [a, zorblax]);
  sameIndex(second, Corpus.build([a, zorblax]));
  assert.equal(second.index.df('zorblax'), 1);
  assert.equal(second.index.df('brightwater'), 0, 'the edited-away word is gone');
  // The first corpus does not see the term the update added to the shared dictionary.
  assert.equal(first.index.df('zorblax'), 0);
  assert.deepEqual([...first.index.postings('zorblax')], []);
  assert.ok(![...first.index.vocabulary()].includes('zorblax'));
  assert.deepEqual(first.index.search(new Map([['aldermoor', 1], ['zorblax', 1]]), 5), before);

  // A second update from the same first corpus: its own new term, not the other update's.
  const quexl = file('c.md', '# C\n\nQuexl audited Aldermoor.\n');
  const branch = await update(first, [a, b, quexl]);
  sameIndex(branch, Corpus.build([a, b, quexl]));
  assert.equal(branch.index.df('zorblax'), 0);
  assert.equal(second.index.df('quexl'), 0);

  // And on from the update: the dictionary it extended is its own again.
  const third = await update(second, [zorblax, quexl]);
  sameIndex(third, Corpus.build([zorblax, quexl]));
  assert.equal(third.index.df('aldermoor'), 1);
});

test('an update renumbers long and short posting lists alike, whether a few files changed or many', async () => {
  // 24 documents of 6 sentences; `common` is in every sentence (a list long enough to be copied whole).
  const doc = (i: number, extra = '') =>
    file(`d${String(i).padStart(2, '0')}.md`, `# D${i}\n\n${Array.from({ length: 6 }, (_, k) => `The common clause ${i}-${k} names word${i}.`).join(' ')}${extra}\n`);
  const files = Array.from({ length: 24 }, (_, i) => doc(i));
  const first = Corpus.build(files);
  // One file grows by a sentence: the documents after it move by one passage.
  const grown = files.map((f, i) => (i === 3 ? doc(i, ' Another common sentence about Zorblax.') : f));
  const a = await update(first, grown);
  sameIndex(a, Corpus.build(grown));
  assert.ok(a.index.df('common') > 64);
  // Every other file changed, one removed, one added: more runs of kept passages than are copied whole.
  const many = grown
    .map((f, i) => (i % 2 ? doc(i, i % 4 === 1 ? ' Plus one more common line.' : ' Changed.') : f))
    .filter((_, i) => i !== 10)
    .concat([doc(99, ' Quexl.')]);
  const b = await update(a, many);
  sameIndex(b, Corpus.build(many));
  assert.deepStrictEqual(b.passages, Corpus.build(many).passages);
});
