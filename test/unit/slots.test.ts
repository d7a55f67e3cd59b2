// Meaning flipped without a number: reversals (antonyms, in either language), negation and
// `only`, each counted only where the other side says the governed word too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Corpus } from '../../server/core/corpus';
import { claimWords } from '../../server/core/dictionary/concepts';
import { markerMismatch, reversals } from '../../server/core/verdict/slots';

const file = (name: string, content: string) => ({ path: `/inline/${name}`, name, folder: '/inline', content });

const corpus = Corpus.build([
  file('a.md', '# Risk\n\nMoussouris said the risks had been overstated.\n\nThe agency approved the licence.\n'),
  file('b.md', '# 規則\n\n当局は輸出を承認した。\n\nこの規則は外国人の利用者だけに適用される。\n'),
]);
const passage = (text: string) => corpus.passages.find((p) => p.text.includes(text))!;

test('a reversal: the claim\'s word is missing and its antonym is there, shown with the source\'s word', () => {
  const [r] = reversals(corpus, claimWords('Moussouris said the risks had been understated.'), [passage('overstated')]);
  assert.deepEqual([r.kind, r.claimText, r.sourceText], ['reversal', 'understated', 'overstated']);
  assert.deepEqual(reversals(corpus, claimWords('Moussouris said the risks had been exaggerated.'), [passage('overstated')]), []);
});

test('negation on one side only, where the negated word is said on the other side', () => {
  const flipped = markerMismatch('negation', corpus, 'The agency did not approve the licence.', 'en', [passage('approved the licence')]);
  assert.deepEqual([flipped?.kind, flipped?.claimText], ['negation', 'not']);
  assert.equal(markerMismatch('negation', corpus, 'The agency approved the licence.', 'en', [passage('approved the licence')]), undefined);
  const ja = markerMismatch('negation', corpus, '当局は輸出を承認しなかった。', 'ja', [passage('輸出を承認した')]);
  assert.equal(ja?.kind, 'negation');
  // The negation governs another word (`できない` governs できる, not アクセス): no mismatch.
  assert.equal(markerMismatch('negation', corpus, '当局は輸出できないと承認した。', 'ja', [passage('輸出を承認した')]), undefined);
});

test('scope: `only` on one side only', () => {
  const s = markerMismatch('scope', corpus, 'The agency only approved the licence.', 'en', [passage('approved the licence')]);
  assert.equal(s?.kind, 'scope');
  assert.equal(markerMismatch('scope', corpus, 'この規則は外国人の利用者だけに適用される。', 'ja', [passage('外国人の利用者だけ')]), undefined);
});
