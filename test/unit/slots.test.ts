// Meaning flipped without a number: reversals (antonyms, in either language), negation and
// `only`, each counted only where the other side says the governed word too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Corpus } from '../../server/core/corpus';
import { claimWords } from '../../server/core/dictionary/concepts';
import { modalityMismatch, negationMismatch, quantifierMismatch, reversals } from '../../server/core/verdict/slots';
import { contrasts } from '../../server/core/verdict/contrast';

const file = (name: string, content: string) => ({ path: `/inline/${name}`, name, folder: '/inline', content });

const corpus = Corpus.build([
  file('a.md', '# Risk\n\nMoussouris said the risks had been overstated.\n\nThe agency approved the licence.\n'),
  file('b.md', '# 規則\n\n当局は輸出を承認した。\n\nこの規則は外国人の利用者だけに適用される。\n'),
  file('d.md', '# Letter\n\nThe letter did not provide specific details of the concern.\n\nIt was addressed to Tom Brown, not Dario Amodei.\n\nThe ban covered any non-US citizen inside or outside the US.\n\nIt is the only model to succeed at sandbox work.\n'),
  file('e.md', '# 計算\n\n計算資源は制限要因ではない。\n'),
  file('f.md', '# Essay\n\nI am still on the side that the risks have been exaggerated.\n\nExporters had waited a long time for any answer from the ministry, the regulators or the courts, and in the end the agency approved their licence.\n\nIn its red-teaming, no tester found a universal jailbreak.\n'),
  file('c.md', '# Order\n\nThe June 2 order was expressly voluntary.\n\nOpenAI has offered to hand over 5% of the company.\n\nThe order required every lab to test its models.\n'),
]);
const passage = (text: string) => corpus.passages.find((p) => p.text.includes(text))!;

test('a reversal: the claim\'s word is missing and its antonym is there, shown with the source\'s word', () => {
  const [r] = reversals(corpus, claimWords('Moussouris said the risks had been understated.'), [passage('overstated')]);
  assert.deepEqual([r.kind, r.claimText, r.sourceText], ['reversal', 'understated', 'overstated']);
  assert.deepEqual(reversals(corpus, claimWords('Moussouris said the risks had been exaggerated.'), [passage('overstated')]), []);
});

test('a reversal through the sense two words share (exaggerated is overstated, whose opposite is understated)', () => {
  const [r] = reversals(corpus, claimWords('He believes the risks have been understated.'), [passage('have been exaggerated')]);
  assert.deepEqual([r?.claimText, r?.sourceText], ['understated', 'exaggerated']);
});

test('an opposite counts only beside the claim word\'s neighbours: `long` about the wait is no reversal of a short licence', () => {
  assert.deepEqual(reversals(corpus, claimWords('The licence was short.'), [passage('waited a long time')]), []);
  const [r] = reversals(corpus, claimWords('Exporters waited a short time.'), [passage('waited a long time')]);
  assert.deepEqual([r?.claimText, r?.sourceText], ['short', 'long']);
});

test('negation on one side only, where the negated word is said on the other side', () => {
  const flipped = negationMismatch(corpus, 'The agency did not approve the licence.', 'en', [passage('approved the licence')]);
  assert.deepEqual([flipped?.kind, flipped?.claimText], ['negation', 'not']);
  assert.equal(negationMismatch(corpus, 'The agency approved the licence.', 'en', [passage('approved the licence')]), undefined);
  const ja = negationMismatch(corpus, '当局は輸出を承認しなかった。', 'ja', [passage('輸出を承認した')]);
  assert.equal(ja?.kind, 'negation');
  // The negation governs another word (`できない` governs できる, not アクセス): no mismatch.
  assert.equal(negationMismatch(corpus, '当局は輸出できないと承認した。', 'ja', [passage('輸出を承認した')]), undefined);
});

test('`, no tester found` after a comma is a denial, not a contrast like `, not Dario Amodei`', () => {
  const denied = negationMismatch(corpus, 'Testers found a universal jailbreak.', 'en', [passage('no tester found')]);
  assert.deepEqual([denied?.kind, denied?.sourceText], ['negation', 'no']);
});

test('negation: the source denies what the claim states, in words after the negation or before ではない', () => {
  const withheld = negationMismatch(corpus, 'The letter spelled out the specific details of the concern.', 'en', [passage('did not provide specific details')]);
  assert.deepEqual([withheld?.claimText, withheld?.sourceText], ['', 'not']);
  const ja = negationMismatch(corpus, '計算資源は展開の制約要因だった。', 'ja', [passage('制限要因ではない')]);
  assert.equal(ja?.sourceText, 'ない');
  // Both sides negate, in other words: the same statement.
  assert.equal(negationMismatch(corpus, '書簡は懸念の中身を明らかにしていなかった。', 'ja', [passage('did not provide specific details')]), undefined);
  // `, not Dario Amodei` sets one name against another; it denies nothing the claim says.
  assert.equal(negationMismatch(corpus, 'The letter was addressed to Dario Amodei.', 'en', [passage('Tom Brown, not Dario')]), undefined);
});

test('modality: required or certain on one side, possible or voluntary on the other, in either language', () => {
  const ja = modalityMismatch('6月2日の大統領令は、事前承認を義務づける制度だった。', [passage('expressly voluntary')]);
  assert.deepEqual([ja?.kind, ja?.claimText, ja?.sourceText], ['modality', '義務', 'voluntary']);
  const en = modalityMismatch('OpenAI was required to hand over 5% of the company.', [passage('offered to hand over')]);
  assert.deepEqual([en?.claimText, en?.sourceText], ['required', 'offered']);
  assert.equal(modalityMismatch('The order merely asked labs to volunteer their models, which was optional.', [passage('required every lab')])?.sourceText, 'required');
  // The same kind on both sides, or no modal word in the claim: nothing to show.
  assert.equal(modalityMismatch('The June 2 order was a voluntary framework.', [passage('expressly voluntary')]), undefined);
  assert.equal(modalityMismatch('OpenAI will hand over 5% of the company.', [passage('offered to hand over')]), undefined);
});

test('scope: restricted on one side, everyone or several on the other', () => {
  const narrowed = quantifierMismatch('The ban only applied to foreign nationals outside the United States.', [passage('any non-US citizen')]);
  assert.deepEqual([narrowed?.kind, narrowed?.claimText, narrowed?.sourceText], ['scope', 'only', 'any']);
  assert.equal(quantifierMismatch('XBOW found it was among several models to succeed at sandbox work.', [passage('the only model')])?.sourceText, 'only');
  // `not only` widens; the same quantifier on both sides is no conflict.
  assert.equal(quantifierMismatch('The ban covered not only foreign nationals abroad.', [passage('any non-US citizen')]), undefined);
  assert.equal(quantifierMismatch('It was the only model that succeeded.', [passage('the only model')]), undefined);
});

test('contrasts: what a text keeps and what it sets aside, in both languages; a comparison is not one', () => {
  const pair = (text: string) => contrasts(text).map((c) => [c.kept.text, c.rejected.text]);
  assert.deepEqual(pair('It was addressed to Tom Brown, not Dario Amodei.'), [['addressed to Tom Brown', 'Dario Amodei']]);
  assert.deepEqual(pair('He thinks the risks were understated rather than exaggerated.'), [['risks were understated', 'exaggerated']]);
  assert.deepEqual(pair('書簡はトム・ブラウン氏ではなくダリオ・アモデイ氏に宛てられた。'), [['ダリオ・アモデイ氏', 'トム・ブラウン氏']]);
  assert.deepEqual(pair('今後は、技術的な安全性よりも政治的判断が主要なドライバーとなる。'), [['政治的判断', '技術的な安全性']]);
  assert.deepEqual(pair('修正したバグは、その前の15か月間の合計よりも多かった。'), [], '`more than the total` compares, it keeps nothing');
  assert.deepEqual(pair('It covers not just Fable 5 but every model.'), [], '`not just … but` widens the scope');
});
