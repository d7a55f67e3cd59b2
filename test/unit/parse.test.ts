import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { parseDocument } from '../../server/core/parse';
import { seedText, SEEDS, textAt } from '../helpers';

const SEED_FILES = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
const parsed = (name: string) => parseDocument(seedText(name), name);

test('every seed passage range round-trips to its exact text', () => {
  for (const name of SEED_FILES) {
    const content = seedText(name);
    const doc = parseDocument(content, name);
    assert.ok(doc.passages.length > 20, `${name} has passages`);
    for (const p of doc.passages) assert.equal(textAt(content, p.range), p.text, `${name}:${p.range.start.line}`);
  }
});

test('seeds are recognised as the aggregator layout, with every role present where the page has it', () => {
  for (const name of SEED_FILES) assert.equal(parsed(name).layout, 'seed', name);
  const roles = (name: string) => new Set(parsed(name).passages.map((p) => p.role));
  assert.deepEqual([...roles('000_323e4a42be008be9.txt')].sort(), ['analysis', 'original', 'summary', 'translation']);
  assert.ok(roles('001_0c1747d225c18063.txt').has('related'), '関連記事 blurbs are related');
});

test('the English original is found without the 原文を表示 marker (003) and when it starts mid-sentence (004)', () => {
  const d3 = parsed('003_b2ed7742a500a503.txt');
  const firstOriginalLine = (d: ReturnType<typeof parsed>) =>
    Math.min(...d.passages.filter((p) => p.role === 'original' && !p.heading && p.text.length > 60).map((p) => p.range.start.line));
  assert.match(seedText('003_b2ed7742a500a503.txt').split('\n')[firstOriginalLine(d3)], /^Here is the official letter restoring Fable/);
  const d4 = parsed('004_c19c9ca1ddffe7f1.txt');
  assert.match(seedText('004_c19c9ca1ddffe7f1.txt').split('\n')[firstOriginalLine(d4)], /^ that UK AISI originally reviewed/);
  // Japanese lines of the translation are never labelled as the original.
  assert.ok(d3.passages.filter((p) => p.role === 'original').every((p) => p.lang === 'en'));
});

test('the 17,000-character English line (002) is split into sentence passages, furniture cut out', () => {
  const d = parsed('002_f6ed0c7e73231cb2.txt');
  const longLine = d.passages.filter((p) => p.range.start.line === 13);
  assert.ok(longLine.length > 50, `${longLine.length} sentences`);
  assert.ok(longLine.every((p) => p.text.length < 1200), 'sentence-sized');
  assert.ok(longLine.every((p) => !p.text.includes('Press enter or click to view image')));
  assert.ok(longLine.some((p) => p.text.startsWith('A Friday directive cut every foreign national off from Claude Fable 5 mid-session.')));
  assert.deepEqual(d.authors, ['Alireza Rezvani']);
});

test('boilerplate is never a passage', () => {
  for (const name of SEED_FILES) {
    for (const p of parsed(name).passages) {
      assert.doesNotMatch(p.text, /^(今日のまとめ|AI日報で|Follow topics and authors|⟦CODE_0⟧|!\[image\]|Subscribe now|キーポイント|原文を表示|- Hayden Field)/, `${name}: ${p.text}`);
    }
  }
});

test('analysis passages are the 影響分析 and 編集コメント paragraphs only', () => {
  const d = parsed('000_323e4a42be008be9.txt');
  const lines = new Set(d.passages.filter((p) => p.role === 'analysis').map((p) => p.range.start.line));
  assert.deepEqual([...lines], [13, 15]);
});

test('quoted speakers are attributed, in both languages, and timeline labels are not speakers', () => {
  const d = parsed('003_b2ed7742a500a503.txt');
  const speakerOf = (start: string) => d.passages.find((p) => p.text.startsWith(start))?.speaker;
  assert.equal(speakerOf('Alex Stamos: A lot to unpack here.'), 'Alex Stamos');
  assert.equal(speakerOf('Howard Lutnick (Secretary of Commerce)'), 'Howard Lutnick');
  assert.equal(speakerOf('ハワード・ルットニック(商務長官)'), 'ハワード・ルットニック');
  assert.equal(speakerOf('Going forward: Anthropic will continue'), undefined);
  assert.equal(speakerOf('June 12: US government tells Anthropic'), undefined);
});

test('a document without the seed layout is a plain article: title from the first line, all original', () => {
  const doc = parseDocument('Export rules tighten\n\nThe order was issued on June 12. It applies to all models.\n\n規制は6月12日に発令された。\n', 'note.txt');
  assert.equal(doc.layout, 'plain');
  assert.equal(doc.title, 'Export rules tighten');
  assert.ok(doc.passages.every((p) => p.role === 'original'));
  assert.deepEqual(doc.passages.map((p) => p.lang), ['en', 'en', 'en', 'ja']);
});

test('Markdown front matter and code fences are not passages of a plain article', () => {
  const doc = parseDocument('---\ntitle: Memo on chips\n---\n# Chips\n\n```\ncode here.\n```\nExports fell by 10%.\n', 'a.md');
  assert.equal(doc.title, 'Memo on chips');
  assert.deepEqual(doc.passages.filter((p) => !p.heading).map((p) => p.text), ['Exports fell by 10%.']);
});

test('a line of 150,000 sentences is parsed (appending them once overflowed the call stack)', () => {
  const doc = parseDocument(`Title\n${'It is so. '.repeat(150_000)}\n${'そうです。'.repeat(150_000)}\n`, 'long.txt');
  assert.equal(doc.passages.filter((p) => !p.heading).length, 300_000);
});

test('a source with lone CR line breaks is read line by line, as an editor counts its lines', () => {
  const doc = parseDocument('Title\rThe office approved the plan on May 9.\rThe ministry objected on May 10.\r', 'cr.txt');
  assert.deepEqual(
    doc.passages.filter((p) => !p.heading).map((p) => [p.text, p.range.start.line]),
    [
      ['The office approved the plan on May 9.', 1],
      ['The ministry objected on May 10.', 2],
    ],
  );
});
