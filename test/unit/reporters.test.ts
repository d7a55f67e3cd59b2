// Who reported it: outlets read where a text credits them, matched across scripts by their sounds,
// and a swap when the claim credits an outlet that no passage about the event names.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Corpus } from '../../server/core/corpus';
import { reporters, reporterSwaps, sameOutlet } from '../../server/core/verdict/reporters';

test('outlets are read where a report is credited, in English and Japanese', () => {
  const names = (text: string) => reporters(text).map((r) => r.name);
  assert.deepEqual(names('A Reuters report said the White House restricted exports.'), ['Reuters']);
  assert.deepEqual(names('But as *The Verge* previously reported, Commerce tested the model.'), ['Verge']);
  assert.deepEqual(names('Reporting from Axios and CNBC adds the detail.'), ['Axios']);
  assert.deepEqual(names('ブルームバーグの報道によると、交渉役が代わった。'), ['ブルームバーグ']);
  assert.deepEqual(names('交渉を担当するようになったとWiredが報じています。'), ['Wired']);
  assert.deepEqual(names('The company sent executives to Washington.'), []);
});

test('the same outlet in either script; different outlets are different', () => {
  for (const [a, b] of [['Bloomberg', 'ブルームバーグ'], ['Wired', 'ワイアード'], ['Reuters', 'ロイター'], ['Semafor', 'セマフォール'], ['The Verge', 'ザ・ヴァージ']]) {
    assert.ok(sameOutlet(a, b), `${a} / ${b}`);
  }
  for (const [a, b] of [['Reuters', 'Semafor'], ['Bloomberg', 'Wired'], ['ロイター', 'セマフォール'], ['CNBC', 'Axios']]) assert.ok(!sameOutlet(a, b), `${a} / ${b}`);
});

test('a swap: the claim credits an outlet the passages about the event never name', () => {
  const corpus = Corpus.build([
    { path: '/inline/a.md', name: 'a.md', folder: '/inline', content: '# Talks\n\nTom Brown replaced Dario Amodei in the negotiations, Wired reported.\n' },
  ]);
  const unit = corpus.passages.filter((p) => p.text.includes('Wired'));
  const [swap] = reporterSwaps('ブルームバーグの報道によると、トム・ブラウン氏がアモデイCEOに代わって交渉役を担っている。', unit, unit);
  assert.deepEqual([swap?.claim.name, swap?.source.name], ['ブルームバーグ', 'Wired']);
  // The same outlet in the other script, or no outlet credited: nothing to show.
  assert.deepEqual(reporterSwaps('ワイアードによると、トム・ブラウン氏がアモデイCEOに代わって交渉役を担っている。', unit, unit), []);
  assert.deepEqual(reporterSwaps('Tom Brown replaced Dario Amodei in the negotiations.', unit, unit), []);
});
