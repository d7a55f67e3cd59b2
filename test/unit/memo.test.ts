import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimText, memoSentences, sentenceAt } from '../../server/core/memo';
import { seedText, textAt } from '../helpers';

const lines = (...l: string[]) => l.join('\n');
const texts = (memo: string) => memoSentences(memo).map((s) => s.text);

test('front matter, headings, code, comments, definitions and table separators are not claims', () => {
  const memo = lines(
    '---',
    'title: Export controls memo with a long title',
    '---',
    '# The export control order of June 12',
    '',
    'Setext headings are not claims either',
    '--------------------------------------',
    '',
    '    indented code is not a claim at all',
    '',
    '```ts',
    'const claim = "fenced code is not a claim either.";',
    '```',
    '<!-- a comment that says the order came on June 30. -->',
    '[verge]: https://example.com/a-long-link-definition',
    '[^1]: A footnote definition is not checked as a claim.',
    '',
    '***',
    'The US government issued the directive on June 12.',
  );
  assert.deepEqual(texts(memo), ['The US government issued the directive on June 12.']);
});

test('ranges round-trip to the memo text and cover the sentence as written', () => {
  const memo = lines(
    'Intro line that says nothing much at all.',
    '',
    '- The order cut access for foreign nationals. It came on a Friday.',
    '  1. CAISI is a **$15 million** pilot [program](https://example.com/a.b.c).',
    '> Mythos needs a 2.5M-token budget for these tasks.',
  );
  const found = memoSentences(memo);
  assert.deepEqual(
    found.map((s) => textAt(memo, s.range)),
    [
      'Intro line that says nothing much at all.',
      'The order cut access for foreign nationals.',
      'It came on a Friday.',
      'CAISI is a **$15 million** pilot [program](https://example.com/a.b.c).',
      'Mythos needs a 2.5M-token budget for these tasks.',
    ],
  );
  assert.equal(found[3].text, 'CAISI is a $15 million pilot program.', 'markup is stripped from the claim text');
  assert.deepEqual(found[1].range, { start: { line: 2, character: 2 }, end: { line: 2, character: 45 } });
});

test('citation markers stay out of the text; the range includes them, also right after the period', () => {
  const memo = 'The directive came on June 12 [@verge2026]. Access was cut for Fable 5.[@cnbc2026, ¶3] It returned on July 1.[^1]';
  const found = memoSentences(memo);
  assert.deepEqual(found.map((s) => s.text), [
    'The directive came on June 12.',
    'Access was cut for Fable 5.',
    'It returned on July 1.',
  ]);
  assert.deepEqual(found.map((s) => textAt(memo, s.range)), [
    'The directive came on June 12 [@verge2026].',
    'Access was cut for Fable 5.[@cnbc2026, ¶3]',
    'It returned on July 1.[^1]',
  ]);
  assert.deepEqual(found.map((s) => s.citations), [['[@verge2026]'], ['[@cnbc2026, ¶3]'], ['[^1]']]);
});

test('Japanese paragraphs without spaces split on 。 and keep their language', () => {
  const memo = lines(
    '米国政府は6月12日に輸出管理指令を発令した。Anthropicはアクセスを停止した。7月1日:Fableへのアクセスが世界中で復元された。',
    '',
    'Mixed paragraph: Anthropic は Mythos の提供を停止した。',
  );
  const found = memoSentences(memo);
  assert.deepEqual(found.map((s) => [s.text, s.lang]), [
    ['米国政府は6月12日に輸出管理指令を発令した。', 'ja'],
    ['Anthropicはアクセスを停止した。', 'ja'],
    ['7月1日:Fableへのアクセスが世界中で復元された。', 'ja'],
    ['Mixed paragraph: Anthropic は Mythos の提供を停止した。', 'ja'],
  ]);
  for (const s of found) assert.equal(claimText(textAt(memo, s.range)), s.text);
});

test('a sentence wrapped over lines is one claim; Japanese line breaks join without a space', () => {
  const memo = lines('The administration signed a voluntary', 'framework on June 2.', '', '日本語の段落は', '改行で続く文章である。');
  const found = memoSentences(memo);
  assert.deepEqual(found.map((s) => s.text), ['The administration signed a voluntary framework on June 2.', '日本語の段落は改行で続く文章である。']);
  assert.deepEqual(found[0].range, { start: { line: 0, character: 0 }, end: { line: 1, character: 20 } });
  assert.equal(textAt(memo, found[1].range), '日本語の段落は\n改行で続く文章である。');
});

test('table rows are checked cell by cell; the header row is not', () => {
  const memo = lines('| Date | Event |', '| --- | --- |', '| 6月12日 | 米国政府は輸出管理指令を発令した。 |', '| June 26 | The US lifted controls on Mythos. |');
  const found = memoSentences(memo);
  assert.deepEqual(found.map((s) => s.text), ['米国政府は輸出管理指令を発令した。', 'The US lifted controls on Mythos.']);
  assert.deepEqual(found.map((s) => textAt(memo, s.range)), found.map((s) => s.text));
});

test('fragments too short to be claims are skipped', () => {
  assert.deepEqual(texts(lines('Share', '', 'Follow us', '', 'はい。', '', '---', '', 'Mythos 5 was withdrawn.')), ['Mythos 5 was withdrawn.']);
});

test('CRLF memos give the same ranges as LF memos', () => {
  const lf = 'First claim is here today.\nSecond claim is here too.';
  const crlf = lf.replace(/\n/g, '\r\n');
  assert.deepEqual(memoSentences(crlf).map((s) => s.range), memoSentences(lf).map((s) => s.range));
});

test('sentenceAt finds the sentence under the cursor, and the nearest one on the line between sentences', () => {
  const memo = lines('# Title', '', 'First claim is here. Second claim is here too.', '', '- 米国政府は6月12日に指令を発令した。');
  assert.equal(sentenceAt(memo, 2, 3)?.text, 'First claim is here.');
  assert.equal(sentenceAt(memo, 2, 25)?.text, 'Second claim is here too.');
  assert.equal(sentenceAt(memo, 2, 20)?.text, 'First claim is here.', 'the end of a sentence belongs to it');
  assert.equal(sentenceAt(memo, 4, 0)?.text, '米国政府は6月12日に指令を発令した。', 'on the list marker');
  assert.equal(sentenceAt(memo, 0, 3), undefined, 'a heading is no claim');
  assert.equal(sentenceAt(memo, 1, 0), undefined);
});

test('a real seed page read as a memo: every range round-trips to its claim text', () => {
  for (const name of ['000_323e4a42be008be9.txt', '003_b2ed7742a500a503.txt', '004_c19c9ca1ddffe7f1.txt']) {
    const content = seedText(name);
    const found = memoSentences(content);
    assert.ok(found.length > 100, `${name}: ${found.length} sentences`);
    for (const s of found) assert.equal(claimText(textAt(content, s.range)), s.text, `${name}:${s.range.start.line}`);
    assert.ok(found.some((s) => s.lang === 'ja') && found.some((s) => s.lang === 'en'), `${name} has both languages`);
  }
});

test('a memo line or table row of 150,000 sentences is read (appending them once overflowed the call stack)', () => {
  assert.equal(memoSentences(`${'It is so. '.repeat(150_000)}\n`).length, 150_000);
  assert.equal(memoSentences(`| a | b |\n| - | - |\n| ${'It is so. x | '.repeat(150_000)} |\n`).length, 150_000);
});

test('a memo with lone CR line breaks (old Mac files) is read line by line, as LSP counts lines', () => {
  const memo = 'The export control order was issued on June 30.\rMythos Preview was released to partners.\r';
  assert.deepEqual(
    memoSentences(memo).map((s) => [s.text, s.range.start.line]),
    [
      ['The export control order was issued on June 30.', 0],
      ['Mythos Preview was released to partners.', 1],
    ],
  );
});
