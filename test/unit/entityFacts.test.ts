// Facts about an entity: passages from the index's entity tokens, ranked, deduplicated across
// the Japanese/English pair, analysis never a fact; mentions with exact ranges.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, test } from 'node:test';
import { entityFacts, memoMentions, rangeInPassage } from '../../server/core/entityFacts';
import { fold } from '../../server/core/text';
import { devEntities, openCorpusWithFacts, textAt, writeCorpus } from '../helpers';

const devSet = devEntities();
const openWith = openCorpusWithFacts;

// A seed-layout page whose every part mentions one new entity, declared in the folder's own entities.json.
const ZEPHYR_PAGE = `//- entities.json
[{"name": "Zephyr Labs", "kind": "company", "aliases": ["ゼファー研究所"], "description": "A lab that exists only in this test."}]
//- page.txt
ゼファー研究所が新モデルを発表
ゼファー研究所は5月9日に新しい推論モデルを発表した。
キーポイント
新モデルの発表
ゼファー研究所は5月9日に新しい推論モデルを一般公開した。
影響分析・編集コメントを表示
影響分析
ゼファー研究所の発表は業界の勢力図を大きく変えるだろう。
本文
ゼファー研究所は5月9日、新しい推論モデルを発表しました。
原文を表示
Zephyr Labs announced its new reasoning model on May 9.
関連記事
Zephyr Labs raised $40 million from investors in March, another article says.
`;

let seeds: Awaited<ReturnType<typeof openWith>>;
before(async () => {
  seeds = await openWith([]);
});

test('every dev-set alias leads to its entity, with facts from the seeds', () => {
  for (const d of devSet) {
    for (const alias of d.aliases) {
      const e = seeds.b.entities.byName(alias);
      assert.equal(e?.name, d.name, alias);
      const stats = seeds.table.of(e);
      assert.ok(stats.facts.length > 0, `${alias}: no facts`);
      assert.ok(stats.documents > 0 && stats.documents <= 5, `${alias}: ${stats.documents} documents`);
    }
  }
});

test('facts: no analysis, no headings; statements before quotes before asides, and within each, original before translation before summary before related; one per language pair', () => {
  const tier = { original: 0, translation: 1, summary: 2, related: 3, analysis: 9 };
  const sort = { statement: 0, quote: 1, aside: 2 };
  for (const e of seeds.b.entities.all()) {
    const { facts, readings } = seeds.table.of(e);
    const ids = new Set(facts.map((p) => p.id));
    const rank = (i: number) => sort[readings[i].sort] * 10 + tier[facts[i].role];
    facts.forEach((p, i) => {
      assert.notEqual(p.role, 'analysis', `${e.name}: ${p.text}`);
      assert.ok(!p.heading, `${e.name}: heading ${p.text}`);
      if (i > 0) assert.ok(rank(i - 1) <= rank(i), `${e.name}: ${readings[i - 1].sort} ${facts[i - 1].role} before ${readings[i].sort} ${p.role}`);
      assert.ok(!p.aligned.some((a) => ids.has(a)), `${e.name}: both sides of a translation pair: ${p.text}`);
    });
  }
});

test('a statement beats a bare title: the Commerce facts are sentences, not "Commerce Versus Intelligence."', () => {
  const e = seeds.b.entities.byName('商務省')!;
  const top = seeds.table.of(e).facts.slice(0, 5);
  assert.ok(top.every((p) => p.text.split(/\s+/).length >= 8 || p.lang === 'ja'), top.map((p) => p.text).join('\n'));
});

test('mentions in the corpus have exact ranges: the file text at each range is a name of the entity', () => {
  const e = seeds.b.entities.byName('Anthropic')!;
  const names = new Set([e.name, ...e.aliases].map((n) => fold(n).replace(/[\s・]/g, '')));
  const mentions = seeds.table.mentions(e);
  assert.ok(mentions.length > 50, `${mentions.length} mentions`);
  const files = new Map<string, string>();
  for (const m of mentions) {
    const doc = seeds.corpus.documents[m.passage.doc];
    if (!files.has(doc.path)) files.set(doc.path, readFileSync(doc.path, 'utf8'));
    const written = textAt(files.get(doc.path)!, rangeInPassage(m.passage, m.start, m.end));
    assert.ok(names.has(fold(written).replace(/[\s・]/g, '')), `${doc.name}: "${written}"`);
  }
});

test('a new folder with its own entities.json: its entity gets facts; the translation of a chosen original, the analysis, and a summary line that repeats another (same day, same words) are left out', async () => {
  const folder = writeCorpus(ZEPHYR_PAGE);
  const { b, table } = await openWith([folder], false);
  const e = b.entities.byName('ゼファー研究所');
  assert.equal(e?.name, 'Zephyr Labs');
  const facts = table.of(e).facts;
  assert.deepEqual(
    facts.map((p) => p.role),
    ['original', 'summary', 'related'],
    facts.map((p) => `${p.role}: ${p.text}`).join('\n'),
  );
  assert.ok(!facts.some((p) => p.text.includes('勢力図')), 'the analysis is never a fact');
  assert.equal(facts[0].text, 'Zephyr Labs announced its new reasoning model on May 9.');
  assert.equal(table.of(e).documents, 1);
});

test('memo mentions are found line by line, in Japanese text without spaces too', () => {
  const found = memoMentions(seeds.b.entities, '# Memo\n\n商務省はミソスの輸出を止めた。\nXBOW tested Mythos Preview.').map((m) => [m.entity.name, m.range.start.line, m.range.start.character, m.range.end.character]);
  assert.deepEqual(found, [
    ['US Department of Commerce', 2, 0, 3],
    ['Claude Mythos 5', 2, 4, 7],
    ['XBOW', 3, 0, 4],
    ['Claude Mythos Preview', 3, 12, 26],
  ]);
});

test('the table is built once per corpus and catalog, and a warm lookup is instant', async () => {
  assert.equal(entityFacts(seeds.corpus, seeds.b.entities), seeds.table);
  await seeds.table.warmUp();
  const e = seeds.b.entities.byName('Mythos')!;
  const started = performance.now();
  for (let i = 0; i < 1000; i++) seeds.table.of(e);
  assert.ok(performance.now() - started < 50, 'a thousand lookups take well under 50 ms');
});
