import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationOffset, detectLang, fold, foldWithMap, LineIndex, originOf, positionAfter, ROLE_LABELS, roleNote, splitLines, splitSentences } from '../../server/core/text';
import { indexTokens, queryTokens, stem } from '../../server/core/tokenize';

const sentences = (line: string) => splitSentences(line).map((s) => line.slice(s.start, s.end));

test('language of a line: Japanese with embedded Latin names is Japanese', () => {
  assert.equal(detectLang('Anthropic の Mythos 問題がさらに深刻化'), 'ja');
  assert.equal(detectLang('It’s been two weeks since Anthropic took its Mythos-class models offline.'), 'en');
  assert.equal(detectLang('Google reports they have found a threat actor (ミソス) in the wild.'), 'en');
  assert.equal(detectLang('---'), undefined);
});

test('sentences: Japanese, English, abbreviations, decimals, and glued sentences', () => {
  assert.deepEqual(sentences('米国政府は停止した。Fable が戻ってきた。'), ['米国政府は停止した。', 'Fable が戻ってきた。']);
  assert.deepEqual(sentences('The U.S. government acted. Dr. Smith agreed. GPT-5.5 is a big jump.'), [
    'The U.S. government acted.',
    'Dr. Smith agreed.',
    'GPT-5.5 is a big jump.',
  ]);
  assert.deepEqual(sentences('That is not a slogan to me.It is the thing that built civilizations.'), [
    'That is not a slogan to me.',
    'It is the thing that built civilizations.',
  ]);
  assert.deepEqual(sentences('“Don’t be evil.” It was a mantra. Node.js stays whole.'), ['“Don’t be evil.”', 'It was a mantra.', 'Node.js stays whole.']);
});

test('sentences: subheadings glued into scraped text are cut out and marked; names and ordinary lines are not', () => {
  const line = 'The root cause was a letter.What the letter actually saidOn the evening of June 12, the government issued an order. It was a motive.I have seen this before, in a softer accentEurope has a gentler version.';
  const spans = splitSentences(line);
  assert.deepEqual(
    spans.map((s) => [line.slice(s.start, s.end), s.heading ?? false]),
    [
      ['The root cause was a letter.', false],
      ['What the letter actually said', true],
      ['On the evening of June 12, the government issued an order.', false],
      ['It was a motive.', false],
      ['I have seen this before, in a softer accent', true],
      ['Europe has a gentler version.', false],
    ],
  );
  assert.deepEqual(sentences('We met McDonald and the iPhone team.It was useful and YouTube agreed.'), ['We met McDonald and the iPhone team.', 'It was useful and YouTube agreed.']);
  assert.deepEqual(sentences('They said the rule was clear. We call useState here.'), ['They said the rule was clear.', 'We call useState here.']);
});

test('folding: width, compatibility forms and case, with a map back to the original offsets', () => {
  assert.equal(fold('ＸＢＯＷ　Ｍｙｔｈｏｓ５'), 'xbow mythos5');
  const folded = foldWithMap('Ａnthropic の㈱');
  assert.equal(folded.folded, 'anthropic の(株)');
  assert.equal(originOf(folded, folded.folded.indexOf('(')), 'Ａnthropic の'.length);
});

test('index tokens: CJK bigrams plus stemmed Latin words without stop words', () => {
  assert.deepEqual(indexTokens('輸出管理'), ['輸出', '出管', '管理']);
  assert.deepEqual(indexTokens('The executives were sending'), [stem('executive'), 'send']);
  assert.equal(stem('executives'), stem('executive'));
  assert.equal(stem('succeeded'), stem('succeed'));
  assert.ok(indexTokens('GPT-5.5 と $15 billion').includes('5.5'));
});

test('query tokens: Japanese bigrams only inside words found by Intl.Segmenter', () => {
  const q = queryTokens('輸出管理の手続き');
  assert.ok(q.includes('輸出') && q.includes('管理'));
  assert.ok(!q.includes('理の'), 'no bigram across the particle');
  // Every query token can be found in the index tokens of the same text.
  const index = new Set(indexTokens('輸出管理の手続きは本来、製品が市場に出る前に'));
  for (const t of queryTokens('輸出管理の手続きは本来、製品が市場に出る前に')) assert.ok(index.has(t), t);
});

test('a citation goes before the final punctuation of either language, and before markers already there', () => {
  const at = (sentence: string) => sentence.slice(0, citationOffset(sentence)) + '|';
  assert.equal(at('Fable was restored on July 1.'), 'Fable was restored on July 1|');
  assert.equal(at('提供が再開された！'), '提供が再開された|');
  assert.equal(at('提供が再開された。'), '提供が再開された|');
  assert.equal(at('Was it restored?'), 'Was it restored|');
  assert.equal(at('Fable was restored.[@verge2026, ¶3] '), 'Fable was restored|');
  assert.equal(at('A heading without a stop'), 'A heading without a stop|');
});

test('one line-break rule: CR LF, LF and a lone CR each end a line, for every caller', () => {
  const text = 'one\r\ntwo\rthree\nfour';
  assert.deepEqual(splitLines(text), ['one', 'two', 'three', 'four']);
  const lines = new LineIndex(text);
  for (const word of ['two', 'three', 'four']) {
    const offset = text.indexOf(word);
    assert.deepEqual(lines.position(offset), positionAfter({ line: 0, character: 0 }, text, offset), word);
    assert.equal(lines.offset(lines.position(offset)), offset);
  }
  assert.deepEqual(positionAfter({ line: 4, character: 2 }, 'ab\ncd', 4), { line: 5, character: 1 });
});

test('one table of role labels: the aggregator\'s analysis is commentary everywhere', () => {
  for (const lang of ['en', 'ja'] as const) {
    const labels = ROLE_LABELS[lang].analysis;
    assert.match(`${labels.short} ${labels.label} ${labels.phrase}`, lang === 'en' ? /^commentary .*commentary .*commentary$/ : /^論評 .*論評 .*論評$/);
  }
  assert.equal(roleNote('analysis', 'en'), ROLE_LABELS.en.analysis.label);
  assert.equal(roleNote('original', 'en'), undefined);
});
