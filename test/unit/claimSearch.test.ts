// Claim search: filters typed in the query, and the entity filter answered from the index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimSearch, parseClaimQuery } from '../../server/core/claimSearch';
import { Corpus } from '../../server/core/corpus';
import { findSources } from '../../server/core/findSources';
import { builtInCatalog } from '../../server/core/entities';
import { openCorpusWith } from '../helpers';

test('parseClaimQuery takes entity, doc, language and role prefixes out of the text', () => {
  assert.deepEqual(parseClaimQuery('entity:"UK AISI" 評価 lang:ja role:translation doc:002'), {
    text: '評価',
    entity: 'UK AISI',
    lang: 'ja',
    role: 'translation',
    doc: '002',
  });
  assert.deepEqual(parseClaimQuery('lang:fr role:opinion June 12'), { text: 'lang:fr role:opinion June 12' });
  assert.deepEqual(parseClaimQuery('  Mythos   export  '), { text: 'Mythos export' });
});

test('the entity filter keeps exactly the passages that mention the entity, in any language', () => {
  const catalog = builtInCatalog();
  const corpus = Corpus.build(
    [
      {
        folder: '/c',
        name: 'a.txt',
        path: '/c/a.txt',
        content: 'Export rules\nThe Department of Commerce issued the rule.\nNvidia reported results.\n商務省は規則を発表した。\n',
      },
    ],
    { annotators: [(text) => catalog.findMentions(text).map((m) => '@' + m.entity.id)] },
  );
  const search = new ClaimSearch(corpus);
  const commerce = catalog.byName('商務省');
  assert.ok(commerce);
  const hits = search.search('', { entity: commerce.id });
  assert.deepEqual(
    hits.map((h) => h.passage.text),
    ['The Department of Commerce issued the rule.', '商務省は規則を発表した。'],
  );
  assert.deepEqual(
    search.search('rule', { entity: commerce.id, lang: 'en' }).map((h) => h.passage.text),
    ['The Department of Commerce issued the rule.'],
  );
  assert.deepEqual(search.search('rule', { entity: 'no-such-entity' }), []);
});

test('words that stand apart in a sentence are found (BM25 beside fuse.js), and a typo still matches', () => {
  const file = (name: string, content: string) => ({ path: `/c/${name}`, name, folder: '/c', content });
  const corpus = Corpus.build([
    file('a.md', '# Audits\n\nQuillfeather said on Tuesday that it had audited, line by line, the safety evaluations of three labs.\n'),
    file('b.md', '# Other\n\nEvaluations of frontier models are published every quarter by the institute.\n'),
  ]);
  const search = new ClaimSearch(corpus);
  const hits = search.search('Quillfeather audited evaluations');
  assert.match(hits[0]?.passage.text ?? '', /^Quillfeather said/);
  assert.match(search.search('Quilfeather')[0]?.passage.text ?? '', /^Quillfeather said/, 'one letter missing');
});

test('on a corpus too large for fuse.js over every sentence, a typo still finds its word', () => {
  // 21,000 copies of a short sentence: past the size where every sentence gets its own fuse.js entry.
  const lines = Array.from({ length: 21_000 }, (_, i) => `Filler sentence number ${i} about the weather in town.`);
  lines.push('The export controls on the Mythos model were lifted.');
  const big = Corpus.build([{ path: '/big/a.txt', name: 'a.txt', folder: '/big', content: `Title\n${lines.join('\n')}\n` }]);
  const search = new ClaimSearch(big);
  assert.match(search.search('Mythso')[0]?.passage.text ?? '', /Mythos model/);
  assert.match(search.search('expor contrl')[0]?.passage.text ?? '', /export controls/);
});

test('a query that names an entity, in any spelling (ラトニック, Lutnick), lists the passages that mention it first', async () => {
  const { corpus, b } = await openCorpusWith([]);
  const search = new ClaimSearch(corpus, b.entities);
  const lutnick = b.entities.byName('Howard Lutnick')!;
  const mentioning = search.passagesMentioning(lutnick.id);
  for (const query of ['ラトニック', 'Lutnick', 'ルットニック']) {
    const hits = search.search(query);
    const firstOther = hits.findIndex((h) => !mentioning.has(h.passage.id));
    assert.ok(firstOther === -1 || firstOther >= 3, `${query}: ${hits.slice(0, 4).map((h) => h.passage.text.slice(0, 40)).join(' | ')}`);
    assert.ok(hits.slice(firstOther === -1 ? hits.length : firstOther).every((h) => !mentioning.has(h.passage.id)), `${query}: mentions first, then the rest`);
  }
  // Without the catalog, fuse.js's letters win: the sentence with `パニック` comes first.
  assert.match(new ClaimSearch(corpus).search('ラトニック')[0].passage.text, /パニック/);
});

test('find source for a name in a spelling the sources do not use (ラトニック) leads with passages that mention the entity', async () => {
  const { corpus, b } = await openCorpusWith([]);
  const mentioning = new ClaimSearch(corpus, b.entities).passagesMentioning(b.entities.byName('Howard Lutnick')!.id);
  for (const claim of ['ラトニック', 'Lutnick']) {
    const sources = findSources(corpus, claim, { top: 3, entities: b.entities }).sources;
    assert.ok(sources.length && sources.every((s) => mentioning.has(s.id)), `${claim}: ${sources.map((s) => s.text.slice(0, 40)).join(' | ')}`);
  }
  // Without the catalog the letters win: the sentence with `パニック` comes first.
  assert.match(findSources(corpus, 'ラトニック', { top: 1 }).sources[0].text, /パニック/);
});

test('a warmed-up claim search answers exactly as a cold one', async () => {
  const { corpus, b } = await openCorpusWith([]);
  const warm = new ClaimSearch(corpus, b.entities);
  warm.warmUp();
  const cold = new ClaimSearch(corpus, b.entities);
  for (const q of ['export controls', '輸出管理', 'ラトニック', 'Mythso', '']) assert.deepStrictEqual(warm.search(q), cold.search(q), q);
  assert.deepStrictEqual(warm.search('Fable', { lang: 'en' }), cold.search('Fable', { lang: 'en' }));
});
