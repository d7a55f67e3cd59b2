// Hover contents on memos: entities in English and Japanese, citation keys, nothing on ordinary
// words, escaped source text and plain file links only.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { keyPrefixAt, paragraphNumber } from '../../server/core/citationKeys';
import { memoHover } from '../../server/core/hover';
import { ROOT, SEEDS, devEntities, openCorpusWithFacts, textAt, writeCorpus } from '../helpers';

const devSet = devEntities();
const openWith = openCorpusWithFacts;

// A page of the aggregator layout with a related-article blurb, and an entity of its own.
const NEW_PAGE = `//- entities.json
[{"name": "Zephyr Labs", "kind": "company", "aliases": ["ゼファー研究所"], "description": "A lab that exists only in this test."}]
//- page.txt
ゼファー研究所が新モデルを発表
ゼファー研究所は5月9日に新しい推論モデルを発表した。
影響分析・編集コメントを表示
影響分析
ゼファー研究所の発表は業界の勢力図を大きく変えるだろう。
原文を表示
Zephyr Labs announced its new reasoning model on May 9.
関連記事
Zephyr Labs raised $40 million from investors in March, another article says.
`;

let seeds: Awaited<ReturnType<typeof openWith>>;
before(async () => {
  seeds = await openWith([]);
});

const at = (memo: string, word: string, shift = 1) => {
  const offset = memo.indexOf(word) + shift;
  const lines = memo.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
};

/** Every Markdown link target in a hover. */
const links = (markdown: string) => [...markdown.matchAll(/(?<!\\)\]\(([^)]*)\)/g)].map((m) => m[1]);

test('every dev-set alias hovers to its entity with a sourced fact, in an English and a Japanese sentence', () => {
  for (const d of devSet) {
    for (const alias of d.aliases) {
      for (const memo of [`# Notes\n\nWe read that ${alias} was discussed again.`, `# メモ\n\n資料によると${alias}が再び議論された。`]) {
        const hover = memoHover(seeds.table, memo, at(memo, alias));
        assert.equal(hover?.entity?.entity.name, d.name, `${alias} in: ${memo}`);
        assert.ok(hover.entity.facts.length >= 1 && hover.entity.facts.length <= 5, alias);
        assert.ok(hover.entity.facts.every((f) => /^00\d_[0-9a-f]+\.txt$/.test(f.doc)), alias);
        assert.match(hover.markdown, /\]\(file:\/\/\/[^)]+\.txt#L\d+,\d+\)/, alias);
      }
    }
  }
});

test('the hover range is the name as written, and the name just touched at its end still counts', () => {
  const memo = 'XBOW tested Mythos Preview.';
  assert.deepEqual(memoHover(seeds.table, memo, { line: 0, character: 26 })?.range, { start: { line: 0, character: 12 }, end: { line: 0, character: 26 } });
});

test('no hover on ordinary words, anywhere in an English or Japanese sentence', () => {
  for (const memo of ['The department said the model was released after a long review.', '政府はその後、新しい規則を発表した。']) {
    for (let i = 0; i <= memo.length; i++) assert.equal(memoHover(seeds.table, memo, { line: 0, character: i }), undefined, `${memo} @${i}`);
  }
});

test('a Japanese memo gets the Japanese counterpart of an English fact, and Japanese labels', () => {
  const memo = '商務省はミソスの輸出を止めた。';
  const hover = memoHover(seeds.table, memo, { line: 0, character: 1 })!;
  assert.equal(hover.entity?.entity.name, 'US Department of Commerce');
  assert.match(hover.markdown, /\(商務省\) · 政府機関 · 5 件中 \d 件の文書が言及/);
  const english = hover.entity.facts.find((f) => f.lang === 'en' && f.counterpart);
  assert.ok(english, 'an English fact with its counterpart');
  assert.equal(english.counterpart?.lang, 'ja');
  // The Japanese translation leads, linked to its own passage; the English original is beside it.
  assert.match(hover.markdown, /\n1\. “[^”]*商務省[^”]*” — \[[^\]]+\]\(file:[^)]+\) · アグリゲーターによる翻訳\n   - 英語: “[^”]*Department of Commerce[^”]*” \(\[原文\]\(file:/);
  const inEnglish = memoHover(seeds.table, 'Commerce stopped it.', { line: 0, character: 2 })!;
  assert.match(inEnglish.markdown, /· agency · mentioned in \d of 5 documents/);
  assert.ok(!inEnglish.entity?.facts.some((f) => f.lang === 'en' && f.counterpart), 'no counterpart in the memo’s own language');
  // The reverse in an English memo: the English original leads, its Japanese translation one click away.
  assert.match(inEnglish.markdown, /\n1\. “[^”]*Commerce[^”]*” — [^\n]* · original text[^\n]* · \[Japanese\]\(file:[^)]+\)\n/);
});

test('source text is escaped and every link is a plain file link', async () => {
  const folder = writeCorpus(`//- entities.json
[{"name": "Quillfeather", "kind": "company", "aliases": []}]
//- trap.txt
Quillfeather news
Quillfeather said *all* models [click](command:workbench.action.terminal.new) <img src=x onerror=alert(1)> are #1 @everyone.
`);
  const { table } = await openWith([folder], false);
  const hover = memoHover(table, 'Quillfeather again.', { line: 0, character: 3 })!;
  assert.match(hover.markdown, /\\\*all\\\* models \\\[click\\\]\\\(command:workbench/);
  assert.match(hover.markdown, /\\<img src=x onerror=alert\\\(1\\\)\\> are \\#1 \\@everyone/);
  for (const target of links(hover.markdown)) assert.match(target, /^file:\/\/\/[^\s()]+#L\d+,\d+$/);
  assert.ok(links(hover.markdown).length >= 1);
});

test('a related passage is labelled as another article; a new entity from a folder entities.json hovers', async () => {
  const { table } = await openWith([writeCorpus(NEW_PAGE)], false);
  const hover = memoHover(table, 'Zephyr Labs shipped a model.', { line: 0, character: 2 })!;
  assert.equal(hover.entity?.entity.name, 'Zephyr Labs');
  assert.match(hover.markdown, /A lab that exists only in this test\./);
  assert.match(hover.markdown, /Zephyr Labs raised \\\$40 million[^\n]*another article's blurb, listed as related/);
  assert.ok(!hover.markdown.includes('勢力図'), 'analysis never shows');
});

test('citation keys: hover shows the source and the cited paragraph, escaped', () => {
  const memo = 'Anthropic needs revenue [@field2026mythos, ¶35]. See also [@nosuchkey].';
  const hover = memoHover(seeds.table, memo, at(memo, 'field2026mythos', 3))!;
  assert.equal(hover.citation?.key, 'field2026mythos');
  assert.equal(hover.citation.paragraph, 35);
  assert.match(hover.markdown, /Hayden Field, The Verge, 2026-06/);
  assert.match(hover.markdown, /> Anthropic needs the revenue from Mythos[^\n]*SpaceX \\\$15 billion/);
  assert.match(hover.markdown, /\[¶35\]\(file:\/\/\/[^)]+000_323e4a42be008be9\.txt#L47,1\)/);
  assert.equal(memoHover(seeds.table, memo, at(memo, 'nosuchkey', 2)), undefined);
});

test('the key being typed after [@ is found; elsewhere it is not', () => {
  assert.deepEqual(keyPrefixAt('Claim [@fie', 11), { prefix: 'fie', start: 8 });
  assert.deepEqual(keyPrefixAt('Claim [@', 8), { prefix: '', start: 8 });
  assert.deepEqual(keyPrefixAt('[see @a, p. 3; @b', 17), { prefix: 'b', start: 16 });
  assert.equal(keyPrefixAt('mail me at a@b', 14), undefined);
  assert.equal(keyPrefixAt('[@done] then @x', 15), undefined);
  assert.equal(paragraphNumber('¶ 12'), 12);
  assert.equal(paragraphNumber('p. 12'), undefined);
});

test('hover latency on the seeds: a warm hover takes well under 5 ms', async () => {
  await seeds.table.warmUp();
  const memo = '# Memo\n\nAnthropic の Mythos をめぐり、商務省との対立が続いている。\n\nXBOW tested Mythos Preview and Project Glasswing partners.\n';
  const words = ['Anthropic', 'Mythos', '商務省', 'XBOW', 'Preview', 'Glasswing'];
  const times: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const w of words) {
      const started = performance.now();
      assert.ok(memoHover(seeds.table, memo, at(memo, w)));
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  assert.ok(median < 5, `median ${median.toFixed(2)} ms`);
});

const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });

test('CLI hover --json prints the entity, the Markdown and the facts with passage ranges; null on ordinary words', () => {
  const r = cli('hover', '--json', '--text', '商務省はミソスの輸出を止めた。', '--offset', '5');
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(out.entity, { name: 'Claude Mythos 5', kind: 'model' });
  assert.match(out.markdown, /^\*\*Claude Mythos 5\*\* \(ミソス\)/);
  assert.ok(out.facts.length >= 3);
  for (const f of out.facts) {
    for (const key of ['doc', 'range', 'text', 'lang', 'role']) assert.ok(key in f, key);
    const content = readFileSync(path.join(SEEDS, f.doc), 'utf8');
    assert.equal(textAt(content, f.range), f.text, 'the range covers exactly the fact text');
  }
  const none = cli('hover', '--json', '--text', 'The agency said so.', '--offset', '6');
  assert.equal(none.stdout.trim(), 'null');
});

test('CLI hover on a memo file by line and character, and one-line usage errors', () => {
  const dir = writeCorpus('//- memo.md\n# Memo\n\nXBOW tested it.\n');
  const r = cli('hover', '--file', path.join(dir, 'memo.md'), '--line', '2', '--character', '1');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^XBOW \(company\), mentioned in 1 document/);
  for (const args of [['hover', '--text', 'x'], ['hover', '--file', path.join(dir, 'missing.md'), '--line', '0', '--character', '0'], ['hover', '--json', '--text', 'abc', '--offset', '9']]) {
    const bad = cli(...args);
    assert.equal(bad.status, 2, args.join(' '));
    assert.equal(bad.stderr.trim().split('\n').length, 1, bad.stderr);
  }
});

test('CLI entities lists the catalog by kind with mention counts', () => {
  const r = cli('entities', '--json');
  assert.equal(r.status, 0, r.stderr);
  const rows: Array<{ name: string; kind: string; documents: number; mentions: number }> = JSON.parse(r.stdout);
  const anthropic = rows.find((x) => x.name === 'Anthropic');
  assert.ok(anthropic && anthropic.documents === 5 && anthropic.mentions > 50, JSON.stringify(anthropic));
  const text = cli('entities').stdout;
  assert.match(text, /^\d+ entities: \d+ model, \d+ agency, \d+ company, \d+ person/);
});
