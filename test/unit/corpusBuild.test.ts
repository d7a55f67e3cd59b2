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

test('while indexing, a corpus of the documents indexed so far answers from them; the build goes on unchanged', async () => {
  const files = ['Aldermoor', 'Brightwater', 'Calloway', 'Dunmore'].map((name, i) => ({
    path: `/c/${i}.md`,
    name: `${i}.md`,
    folder: '/c',
    content: `# ${name}\n\nThe ${name} treaty was signed on May ${i + 1}. It covers export controls.\n`,
  }));
  const phases = new Set<string>();
  const partials: Corpus[] = [];
  const corpus = await Corpus.buildAsync(files, {}, (p) => {
    phases.add(p.phase);
    // Two documents in: a corpus of those two, ranked like any other.
    if (p.phase === 'indexing' && p.done === 2 && p.partial) partials.push(p.partial());
  }, 0);
  assert.deepEqual([...phases], ['parsing', 'indexing']);
  const partial = partials[0];
  assert.ok(partial, 'a partial corpus was offered');
  assert.deepEqual(partial.documents.map((d) => d.name), ['0.md', '1.md']);
  assert.deepStrictEqual(partial.passages, corpus.passages.slice(0, partial.passages.length));
  assert.equal(partial.index.size, partial.passages.length);
  assert.equal(partial.index.df('brightwater'), 1);
  assert.equal(partial.index.df('calloway'), 0, 'a document not indexed yet is not in it');
  assert.match(partial.passages[partial.index.search(new Map([['brightwater', 1]]), 1)[0].id].text, /Brightwater treaty/);
  // The whole corpus is what a build in one go gives.
  const whole = Corpus.build(files);
  assert.deepStrictEqual(corpus.passages, whole.passages);
  assert.deepEqual(corpus.index.parts(), whole.index.parts());
});
