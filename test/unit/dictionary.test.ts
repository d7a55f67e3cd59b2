// The dictionaries (JMdict/EDICT for Japanese → English, WordNet for English) as the verdict and
// retrieval read them: words found in running Japanese text, inflections taken back, meanings that
// meet across languages and wordings, opposites.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimWords, expansionTokens, textKeys } from '../../server/core/dictionary/concepts';
import { CANDIDATES, englishOf, japaneseOf, japaneseWords } from '../../server/core/dictionary/edict';
import { indexTokens } from '../../server/core/tokenize';
import { wordKey } from '../../server/core/dictionary/stem';
import { antonyms, lemmasOf, synonyms } from '../../server/core/dictionary/wordnet';

test('EDICT: words of running Japanese text by longest match, with inflections taken back', () => {
  const words = japaneseWords('政府は輸出管理の交渉を延期し、計画は下回った。');
  const lemmas = words.map((w) => w.lemma);
  for (const w of ['政府', '輸出管理', '交渉', '延期', '計画', '下回る']) assert.ok(lemmas.includes(w), `${w} in ${lemmas.join(' ')}`);
  const fell = words.find((w) => w.lemma === '下回る')!;
  assert.equal(fell.text, '下回った', 'the inflected form as written, its dictionary form as lemma');
  // Particles are not words.
  assert.ok(!lemmas.some((l) => ['は', 'の', 'を'].includes(l)));
  assert.deepEqual(englishOf('交渉'), ['negotiations', 'discussions']);
  assert.ok(japaneseOf('negotiating').includes('交渉'), 'by stem, from the first glosses of common words');
  assert.ok(japaneseOf('innovation').includes('イノベーション'), 'common katakana loanwords too');
});

test('EDICT: a word usually written in katakana is read as written (独逸 [ドイツ] is ドイツ in text)', () => {
  assert.deepEqual(englishOf('ドイツ'), ['germany']);
  assert.deepEqual(englishOf('フランス'), ['france']);
  const words = japaneseWords('筆者はイランで生まれてドイツで育った。').map((w) => w.text);
  assert.ok(words.includes('ドイツ') && !words.includes('ド'), words.join(' '));
});

test('English → Japanese: the likeliest words first, and those the corpus uses', () => {
  // The English word as a headword's first word, not a later one or a stem it shares (`depart`).
  assert.ok(!japaneseOf('department').includes('亡霊'), japaneseOf('department').join(' '));
  assert.ok(japaneseOf('government', CANDIDATES).includes('政府'));
  // From the candidates, the words a corpus uses: 政府 where the top four are rarer words.
  const corpus = new Set(indexTokens('政府は商務省と情報機関の対立を認めた。'));
  const tokens = expansionTokens(claimWords('the government'), indexTokens, (t) => corpus.has(t));
  assert.ok(tokens.includes('政府'), tokens.join(' '));
  assert.ok(!tokens.includes('官房'), 'a candidate the corpus never uses is not brought in');
});

test('meaning keys: irregular forms meet their lemma (WordNet exception lists), comparatives do not', () => {
  assert.equal(wordKey('took'), wordKey('take'));
  assert.equal(wordKey('Found'), wordKey('finding'));
  assert.equal(wordKey('analyses'), wordKey('analysis'));
  assert.notEqual(wordKey('better'), wordKey('good'));
});

test('WordNet: lemmas of inflected forms, synonyms of the first senses, antonyms', () => {
  assert.deepEqual(lemmasOf('overstated'), ['overstated', 'overstate']);
  assert.ok(synonyms('overstated').includes('exaggerate'));
  assert.ok(antonyms('overstate').includes('understate'));
  assert.ok(antonyms('rise').includes('fall'));
  assert.ok(lemmasOf('stopped').includes('stop'));
  assert.deepEqual(synonyms('qwertyuiop'), []);
});

test('meaning keys meet across languages and wordings: 誇張 = exaggerated = overstated', () => {
  const passage = textKeys('The risks have been exaggerated.');
  const [ja] = claimWords('リスクは誇張されている').filter((w) => w.text === '誇張');
  assert.ok([...ja.own].some((k) => passage.has(k)), 'the Japanese word by its gloss');
  const [en] = claimWords('The risks are overstated.').filter((w) => w.text === 'overstated');
  assert.ok(![...en.own].some((k) => passage.has(k)), 'not the same word');
  assert.ok([...en.synonyms].some((k) => passage.has(k)), 'a WordNet synonym');
  assert.ok(en.antonyms.has(wordKey('understate')), 'and its opposite is known');
});

test('opposites that share the word\'s root are not opposites of meaning (employee / employer)', () => {
  const [w] = claimWords('employees');
  assert.ok(![...w.antonyms].some((k) => k.startsWith('employ')), [...w.antonyms].join(' '));
});
