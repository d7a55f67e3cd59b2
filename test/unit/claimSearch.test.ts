// Claim search: filters typed in the query, and the entity filter answered from the index.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClaimSearch, parseClaimQuery } from '../../server/core/claimSearch';
import { Corpus } from '../../server/core/corpus';
import { builtInCatalog } from '../../server/core/entities';

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
