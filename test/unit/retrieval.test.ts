import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Corpus, type SourceFile } from '../../server/core/corpus';
import { rankPassages } from '../../server/core/retrieval';
import { openCorpusWith } from '../helpers';

const file = (name: string, content: string): SourceFile => ({ path: `/corpus/${name}`, name, folder: '/corpus', content });

// One paragraph of several sentences, long enough to be split into sentence passages, and other
// documents that share one half of the claim each.
const paragraph = [
  'It has been two weeks since the lab took its models offline after a Friday evening ultimatum from the administration.',
  'The company sprang into action immediately, sending a barrage of executives to Washington.',
  'But updates have been suspiciously lacking, with no resolution in sight for customers abroad, who still cannot reach the service.',
  'Several partners said they were told nothing at all about the timeline, and some have started to look for other vendors.',
].join(' ');

const corpus = Corpus.build([
  file('a.md', `# The lab's problem\n\n${paragraph}\n`),
  file('b.md', '# Lobbying\n\nExecutives flew to Washington.\n'),
  file('c.md', '# Markets\n\nA Friday ultimatum from regulators rattled markets across Asia this week.\n'),
]);

test('a sentence that completes its neighbour (the company = the lab) ranks beside it', () => {
  const ranked = rankPassages(corpus, 'After the Friday ultimatum, the lab sent a wave of its executives to Washington.', { top: 3 });
  const texts = ranked.map((r) => r.passage.text);
  assert.ok(texts.slice(0, 2).some((t) => t.startsWith('The company sprang')), `ranked:\n${texts.join('\n')}`);
  assert.ok(texts.slice(0, 2).some((t) => t.startsWith('It has been two weeks')), `ranked:\n${texts.join('\n')}`);
});

test('a neighbour alone never lifts a sentence that shares nothing with the claim', () => {
  const ranked = rankPassages(corpus, 'After the Friday ultimatum, the lab sent a wave of its executives to Washington.', { top: 10 });
  assert.ok(!ranked.some((r) => r.passage.text.startsWith('But updates have been')), ranked.map((r) => r.passage.text).join('\n'));
});

test('coverage is the passage\'s own share of the claim, not its neighbour\'s', () => {
  const ranked = rankPassages(corpus, 'The company sent executives to Washington.', { top: 5 });
  const best = ranked[0];
  assert.match(best.passage.text, /^The company sprang/);
  assert.ok(best.coverage > 0.5 && best.coverage <= 1, String(best.coverage));
  assert.ok(!best.matched.includes('friday'));
});

test('the dictionary bridges the languages: a Japanese claim finds the English-only sentence that says it, and the reverse', () => {
  const corpus = Corpus.build([
    file('talks.md', '# Talks\n\nBrightwave suspended its negotiations with the regulator after the jailbreak report.\n'),
    file('offices.md', '# Offices\n\nBrightwave opened new offices with the regulator’s blessing.\n'),
    file('ja.md', '# 輸出\n\nノースリッジ社は半導体の輸出を延期した。\n'),
  ]);
  const ranked = rankPassages(corpus, 'Brightwave は脱獄の報道を受けて規制当局との交渉を停止した。', { top: 2 });
  assert.match(ranked[0]?.passage.text ?? '', /suspended its negotiations/, ranked.map((r) => r.passage.text).join('\n'));
  // EDICT: 交渉 → negotiations, 脱獄 → jailbreak, 停止 → stop/suspension; as English index tokens.
  for (const t of ['negotiation', 'jailbreak']) assert.ok(ranked[0].matched.includes(t), ranked[0].matched.join(' '));
  // EDICT the other way: postponement → 延期, export → 輸出, as Japanese bigrams.
  const back = rankPassages(corpus, 'The export was postponed.', { top: 1 });
  assert.match(back[0]?.passage.text ?? '', /輸出を延期した/);
});

test('a claim that reports the aggregator\'s view finds it in the analysis, even in the other language', async () => {
  const { corpus } = await openCorpusWith([]);
  const claim = "The aggregator's editorial points to the irony that AI companies' own communication strategies appear to have accelerated regulation rather than forestalled it.";
  const ranked = rankPassages(corpus, claim, { top: 5 });
  const editorial = ranked.find((r) => r.passage.role === 'analysis' && r.passage.text.includes('コミュニケーション戦略'));
  assert.ok(editorial, ranked.map((r) => `${r.passage.role}: ${r.passage.text.slice(0, 80)}`).join('\n'));
  // コミュニケーション: an English word reaches a katakana loanword through the dictionary.
  assert.ok(editorial.matched.some((t) => /[ァ-ヺー]{2}/.test(t)), editorial.matched.join(' '));
  // Stated as fact, the same words leave the opinion below the articles' own sentences.
  const asFact = rankPassages(corpus, 'AI companies\' own communication strategies accelerated regulation rather than forestalled it.', { top: 5 });
  assert.ok(asFact.findIndex((r) => r.passage.role === 'analysis') !== 0, asFact.map((r) => r.passage.role).join(' '));
});
