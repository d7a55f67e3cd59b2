// Verdicts on inline corpora (one test per kind of fact, in English and Japanese) and on the
// real seeds with the dev set.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { before, test } from 'node:test';
import type { Bridges } from '../../server/bridges';
import type { Corpus } from '../../server/core/corpus';
import { findSources, type FindSourcesResult } from '../../server/core/findSources';
import { devClaims, FIXTURES, openCorpusWith, writeCorpus } from '../helpers';

const INLINE = `//- rules.txt
Chip export rules
The Department of Commerce issued the chip rule on March 3, 2026.
Nvidia said the rule would cost it $5 billion a year.
The agency reviewed 12 licence applications in the first week.
About 40% of exporters asked the agency for an extension.
Regulators approved 3 of 8 appeals against the rule.
The appeal window for exporters lasts 30 days.
Timeline: the draft appeared on January 5, the consultation closed on February 10, and the rule took effect on March 3.
Jane Roe, the agency's chief economist, presented the cost estimate to Congress.
//- ja.txt
半導体輸出規則
経済産業省は 2026 年 4 月 9 日に半導体輸出規則を公表した。
東芝は、この規則により年間 50 億ドルの損失が出ると述べた。
輸出業者の異議申立て期間は 30 日間である。
`;

let inline: { corpus: Corpus; bridges: Bridges };
let seeds: { corpus: Corpus; bridges: Bridges };

async function open(folders: string[], includeSeeds: boolean) {
  const { corpus, b } = await openCorpusWith(folders, includeSeeds);
  return { corpus, bridges: b };
}

before(async () => {
  inline = await open([writeCorpus(INLINE)], false);
  seeds = await open([], true);
});

const check = (claim: string, on = inline): FindSourcesResult => findSources(on.corpus, claim, { entities: on.bridges.entities });

function assertConflict(claim: string, kind: string, claimValue: string, sourceValue: string) {
  const r = check(claim);
  assert.equal(r.verdict, 'contradicted', `${claim}\n${r.explanation}`);
  assert.equal(r.conflicts.length, 1);
  const c = r.conflicts[0];
  assert.deepEqual([c.kind, c.claimValue, c.sourceValue], [kind, claimValue, sourceValue]);
  assert.equal(claim.slice(c.claimStart, c.claimEnd), claimValue);
  assert.equal(inline.corpus.passages[c.passage].text.slice(c.sourceStart, c.sourceEnd), sourceValue);
  assert.ok(r.explanation.includes(claimValue) && r.explanation.includes(sourceValue), r.explanation);
}

test('dates: another day of the same event is a contradiction; the right one is support', () => {
  assertConflict('The Department of Commerce issued the chip rule on March 13, 2026.', 'date', 'March 13, 2026', 'March 3, 2026');
  assert.equal(check('The Department of Commerce issued the chip rule on March 3, 2026.').verdict, 'supported');
});

test('a passage that lists several dates agrees when any of them is the claimed one', () => {
  assert.equal(check('The consultation on the draft closed on February 10.').verdict, 'supported');
  assert.equal(check('The draft of the rule appeared on January 5.').verdict, 'supported');
  assertConflict('The consultation on the draft closed on February 12.', 'date', 'February 12', 'February 10');
});

test('amounts, counts, percents, ratios and durations', () => {
  assertConflict('Nvidia said the rule would cost it $5 million a year.', 'amount', '$5 million', '$5 billion');
  assertConflict('The agency reviewed 15 licence applications in the first week.', 'count', '15 licence applications', '12 licence applications');
  assertConflict('About 60% of exporters asked the agency for an extension.', 'percent', 'About 60%', 'About 40%');
  assertConflict('Regulators approved 5 of 8 appeals against the rule.', 'ratio', '5 of 8', '3 of 8');
  assertConflict('The appeal window for exporters lasts 30 hours.', 'duration', '30 hours', '30 days');
  for (const faithful of [
    'Nvidia said the rule would cost it $5 billion a year.',
    'Regulators approved 3 of 8 appeals against the rule.',
    'The appeal window for exporters lasts a month.',
  ]) {
    assert.equal(check(faithful).verdict, 'supported', faithful);
  }
});

test('approximate values tolerate rounding', () => {
  assert.equal(check('Roughly 42% of exporters asked the agency for an extension.').verdict, 'supported');
});

test('Japanese claims: dates, amounts and durations', () => {
  assertConflict('経済産業省は 2026 年 4 月 19 日に半導体輸出規則を公表した。', 'date', '2026 年 4 月 19 日', '2026 年 4 月 9 日');
  assertConflict('東芝は、この規則により年間 80 億ドルの損失が出ると述べた。', 'amount', '80 億ドル', '50 億ドル');
  assertConflict('輸出業者の異議申立て期間は 14 日間である。', 'duration', '14 日間', '30 日間');
  assert.equal(check('経済産業省は 4 月 9 日に半導体輸出規則を公表した。').verdict, 'supported');
});

test('an actor: the role the source gives to someone else, with both names', () => {
  assertConflict("John Doe, the agency's chief economist, presented the cost estimate to Congress.", 'actor', 'John Doe', 'Jane Roe');
  assert.equal(check("Jane Roe, the agency's chief economist, presented the cost estimate to Congress.").verdict, 'supported');
});

test('a claim no passage backs is unsupported, with the closest match explained', () => {
  const r = check('The ministry banned quantum computers for hospitals.');
  assert.equal(r.verdict, 'unsupported');
  assert.equal(r.conflicts.length, 0);
  assert.match(r.explanation, /^no (evidence-grade )?passage/);
  // A value about another event is no contradiction: nothing says what the claim says.
  assert.equal(check('Toyota paid $2 billion for a battery plant in Ohio.').verdict, 'unsupported');
});

const EXPECTED = { support: 'supported', contradict: 'contradicted', unsupported: 'unsupported' } as const;

test('the dev set: at least 11 of 12 verdicts right, and no supported claim contradicted', () => {
  // d10 (a Japanese paraphrase of an English-only sentence) comes out "no source" with the learned
  // model: its best unit holds 51% of the claim in any wording, and the model wants more.
  const results = devClaims().map((c) => ({ c, r: check(c.claim, seeds) }));
  const wrong = results.filter(({ c, r }) => r.verdict !== EXPECTED[c.kind]).map(({ c, r }) => `${c.id}: ${c.claim} → ${r.verdict}\n${r.explanation}`);
  assert.ok(wrong.length <= 1, wrong.join('\n'));
  assert.deepEqual(results.filter(({ c, r }) => c.kind === 'support' && r.verdict === 'contradicted').map(({ c }) => c.id), []);
});

// The held-out sets (written from the seeds by helpers that never saw the code) are not all
// right — `npm run eval -- FILE` lists the misses — but they must not slip below what they score
// now. The fourth was written before this round's changes (modality, negation and scope
// conflicts, object and reporter swaps, cross-language retrieval of attributed views and
// loanwords, the catalog's partOf): 51% then, 54/90 after. The first set is at 38 again.
// The fifth was written before the next round (English → Japanese through the words a corpus
// uses, names held through the sentences before, speaker, binding and done-against-planned
// conflicts, irregular forms): 45/90 then, 48 after.
// The sixth was written before the round after (contrasts turned around, counts and values
// across languages, reversals where the claim word stands): 51/90 then, 53 after.
// The fourth, fifth and sixth sets keep their faithful claims called contradicted (h4-014;
// h5-047, h5-067; h6-036) on record rather than fixed: a set that judges a change is not tuned on.
for (const [file, floor, falseAlarms] of [
  ['claims-heldout.jsonl', 38, []],
  ['claims-heldout2.jsonl', 29, []],
  ['claims-heldout3.jsonl', 57, []],
  ['claims-heldout4.jsonl', 54, ['h4-014']],
  ['claims-heldout5.jsonl', 45, ['h5-047', 'h5-067']],
  ['claims-heldout6.jsonl', 53, ['h6-036']],
] as const) {
  test(`held-out claims (${file}): at least ${floor} verdicts right, and no faithful claim contradicted${falseAlarms.length ? ` but ${falseAlarms.join(', ')}` : ''}`, () => {
    const claims = devClaims(path.join(FIXTURES, file));
    const results = claims.map((c) => ({ c, verdict: check(c.claim, seeds).verdict }));
    const right = results.filter((r) => r.verdict === EXPECTED[r.c.kind]);
    const wrong = results.filter((r) => r.verdict !== EXPECTED[r.c.kind]).map((r) => `${r.c.id} ${r.c.kind} → ${r.verdict}`);
    assert.ok(right.length >= floor, `${right.length}/${claims.length} right; wrong:\n${wrong.join('\n')}`);
    // The worst failure: a claim the sources back, flagged as contradicting them.
    assert.deepEqual(results.filter((r) => r.c.kind === 'support' && r.verdict === 'contradicted').map((r) => r.c.id), [...falseAlarms]);
  });
}

test('a value the passages most about the event do not give is weighed against a passage that writes it where the claim does', () => {
  // The passage giving the claim's `6月2日` shares more of it than the one with the deadline.
  const r = check('6月2日の大統領令に基づく枠組みは、9月1日までに設計されることになっていた。', seeds);
  assert.deepEqual(r.conflicts.map((c) => [c.claimValue, c.sourceValue]), [['9月1日', 'August 1']]);
  // A timeline's other date, written beside another act (`applied export controls`), is no rival
  // of `lifted on June 26`.
  const timeline = check('According to the timeline, US controls on Mythos were lifted on June 26, and those on Fable were fully removed on June 30.', seeds);
  assert.notEqual(timeline.verdict, 'contradicted', timeline.explanation);
});

test('a contrast turned around: the claim keeps whom the source sets aside, shown with both', () => {
  const swapped = check('Fableを復旧させる公式書簡は、トム・ブラウン氏ではなくダリオ・アモデイ氏に宛てられていた。', seeds);
  assert.equal(swapped.verdict, 'contradicted', swapped.explanation);
  assert.ok(swapped.conflicts.some((c) => c.kind === 'reversal' && /Tom Brown/.test(c.sourceValue)), swapped.explanation);
  assert.equal(check('Fableを復旧させる公式書簡は、ダリオ・アモデイ氏ではなくトム・ブラウン氏に宛てられていた。', seeds).verdict, 'supported');
});

test('the dev set contradictions name both values', () => {
  const values = (claim: string) => check(claim, seeds).conflicts.map((c) => [c.claimValue, c.sourceValue]);
  assert.deepEqual(values('From July 1, customers have to pay for Fable by the token.'), [['July 1', 'July 8']]);
  assert.deepEqual(values('Mythos は、250 万トークンの上限のもとで 4 時間以上かかるタスクをすべてクリアした唯一のモデルだ。'), [['4 時間以上', '8 時間以上']]);
  assert.deepEqual(values("Tom Brown, Anthropic's public policy chief, joined the negotiations with the administration."), [['Tom Brown', 'Sarah Heck']]);
});

test('evidence is the original text, never the aggregator\'s analysis; the explanation names the role', () => {
  const r = check('輸出管理の手続きは本来、製品が市場に出る前に何か月も、場合によっては何年もかけて進むものだ。', seeds);
  assert.equal(r.verdict, 'supported');
  assert.equal(seeds.corpus.passages[r.evidence!].role, 'original', 'the Japanese claim matched; the original is the evidence');
  assert.match(r.explanation, /\(the original article\)/);
  for (const p of seeds.corpus.passages.filter((q) => q.role === 'analysis').slice(0, 10)) {
    const judged = check(p.text, seeds);
    assert.notEqual(judged.evidence !== undefined && seeds.corpus.passages[judged.evidence].role, 'analysis', p.text);
  }
});

test('a related blurb is labelled as another article', () => {
  const blurb = seeds.corpus.passages.find((p) => p.role === 'related' && p.text.length > 40)!;
  const r = check(blurb.text, seeds);
  if (r.evidence !== undefined && seeds.corpus.passages[r.evidence].role === 'related') assert.match(r.explanation, /another article's blurb/);
  assert.ok(r.sources.some((s) => s.role === 'related'));
});

test('roles: a title before the name, and organisations that differ are different roles', () => {
  const actors = (claim: string) => check(claim, seeds).conflicts.filter((c) => c.kind === 'actor').map((c) => [c.claimValue, c.sourceValue]);
  assert.deepEqual(actors("Anthropic's lead negotiator Sarah Heck thanked the Secretary for the partnership."), [['Sarah Heck', 'Tom Brown']]);
  assert.deepEqual(actors("Anthropic's lead negotiator Tom Brown thanked the Secretary for the partnership."), []);
  // `CEO Dario Amodei` is Anthropic's CEO: Google's CEO is not a rival for that role. What the
  // sources contradict is who replaced Amodei: Tom Brown did.
  const pichai = check("Sundar Pichai, Google's CEO, replaced Dario Amodei in the negotiations with the Trump administration.", seeds);
  assert.deepEqual(pichai.conflicts.map((c) => [c.claimValue, c.sourceValue]), [['Sundar Pichai', 'Tom Brown']]);
});

test('the passages a verdict rests on lead the sources: the conflicting one, or the evidence', () => {
  // "June 30" ranks passages about June 30 high; the source of the contradiction says June 12.
  const wrong = check('The export control order was issued on June 30.', seeds);
  assert.equal(wrong.verdict, 'contradicted', wrong.explanation);
  assert.equal(wrong.sources[0].id, wrong.conflicts[0].passage);
  const right = check('The Department of Commerce issued the chip rule on March 3, 2026.');
  assert.equal(right.verdict, 'supported');
  assert.equal(right.sources[0].id, right.evidence);
});

test("a person's title is who, not what happened: a made-up event next to a real title is unsupported", () => {
  for (const claim of ['ハワード・ルットニック商務長官は Fable の決定後に辞任した。', 'Commerce Secretary Howard Lutnick resigned after the Fable decision.']) {
    const r = check(claim, seeds);
    assert.equal(r.verdict, 'unsupported', `${claim}\n${r.explanation}`);
  }
  const real = check('商務長官のハワード・ルットニックは、Anthropic と緊密に協力して Fable 5 を承認したと述べた。', seeds);
  assert.equal(real.verdict, 'supported', real.explanation);
});

// Two sentences of one paragraph that a claim joins, a bound beside a confidence interval, a
// timeline line, and a fine: for the rules on values that sit apart from their subject.
const SPLIT = `//- study.txt
Model evaluation report
The lab evaluated an early version of the Falconet model in March 2026. It estimated a task horizon of at least 16 hours (95% CI 8.5 hours to 55 hours).
May 4: the regulator opened an inquiry into Brightwave.
The regulator fined Brightwave $40 million in 2025.
`;

test('a value in the sentence next to the one naming its subject is weighed; a bound is weighed against a bound', async () => {
  const split = await open([writeCorpus(SPLIT)], false);
  const r = check('The lab evaluated an early version of Falconet in March 2026 and put its task horizon at at least 8 hours.', split);
  assert.equal(r.verdict, 'contradicted', r.explanation);
  assert.deepEqual(
    r.conflicts.map((c) => [c.kind, c.claimValue, c.sourceValue]),
    [['duration', 'at least 8 hours', 'at least 16 hours']],
  );
  const right = check('The lab evaluated an early version of Falconet in March 2026 and put its task horizon at at least 16 hours.', split);
  assert.equal(right.verdict, 'supported', right.explanation);
});

test('a passage that gives a claimed value differently, or not at all, does not support the claim', async () => {
  const split = await open([writeCorpus(SPLIT)], false);
  assert.notEqual(check('The regulator closed its inquiry into Brightwave on May 9.', split).verdict, 'supported');
  const absent = check('The regulator fined Brightwave $40 million in 2025 after a 6-month inquiry.', split);
  assert.equal(absent.verdict, 'unsupported', absent.explanation);
  assert.match(absent.explanation, /6-month/);
  assert.equal(check('The regulator fined Brightwave $40 million in 2025.', split).verdict, 'supported');
});

const WHO = `//- who.txt
Who warned whom
Amazon warned the White House about the cyber risk of the new model before its release.
In the past week, Anthropic cofounder Tom Brown has replaced CEO Dario Amodei in the talks, alongside Sarah Heck, the company's policy chief.
`;

test('someone else did it: a company or person the sources do not name in place of the one they do', async () => {
  const who = await open([writeCorpus(WHO)], false);
  const company = check('Google warned the White House about the cyber risk of the new model before its release.', who);
  assert.equal(company.verdict, 'contradicted', company.explanation);
  assert.deepEqual(company.conflicts.map((c) => [c.kind, c.claimValue, c.sourceValue]), [['actor', 'Google', 'Amazon']]);
  // Two people in the passage: the one written where the claim writes its made-up name.
  const person = check('In the past week, Anthropic cofounder Jared Kaplan has replaced CEO Dario Amodei in the talks.', who);
  assert.equal(person.verdict, 'contradicted', person.explanation);
  assert.deepEqual(person.conflicts.map((c) => [c.kind, c.claimValue, c.sourceValue]), [['actor', 'Jared Kaplan', 'Tom Brown']]);
  const c = person.conflicts[0];
  assert.equal(who.corpus.passages[c.passage].text.slice(c.sourceStart, c.sourceEnd), 'Tom Brown');
  // An actor the passage does not name, with no rival of its kind there, is no swap.
  assert.notEqual(check('Amazon, Anthropic’s partner, warned the White House about the cyber risk of the new model.', who).verdict, 'contradicted');
  assert.equal(check('Amazon warned the White House about the cyber risk of the new model before its release.', who).verdict, 'supported');
});

const RESULTS = `//- results.txt
Range results
In the latest tests, the new checkpoint solved the range “Harbor Gate” in 6 of 10 attempts and the previously unsolved “Cooling Tower” in 3 of 10 attempts.
`;

test('of several values in one sentence, the one written beside the claim’s subject is the one that counts', async () => {
  const results = await open([writeCorpus(RESULTS)], false);
  const wrong = check('The new checkpoint solved the previously unsolved Cooling Tower in 6 of 10 attempts.', results);
  assert.equal(wrong.verdict, 'contradicted', wrong.explanation);
  assert.deepEqual(wrong.conflicts.map((c) => [c.claimValue, c.sourceValue]), [['6 of 10', '3 of 10']]);
  assert.equal(check('The new checkpoint solved the previously unsolved Cooling Tower in 3 of 10 attempts.', results).verdict, 'supported');
  assert.equal(check('The new checkpoint solved the range Harbor Gate in 6 of 10 attempts.', results).verdict, 'supported');
});

test('a katakana name with its title is who, even in a spelling the catalog lacks: a made-up act beside it is unsupported', () => {
  // The seeds: `CIA 長官ジョン・ラットクリフは…3つの内部変更を発表しました`; nothing about Mythos in analysis work.
  const r = check('CIA のジョン・ラトクリフ長官は、CIA がすでに Mythos を情報分析業務に導入していることを明らかにした。', seeds);
  assert.equal(r.verdict, 'unsupported', r.explanation);
  // A katakana compound without a title stays a word of what happened (`ウェルネス・リトリート`).
  assert.equal(check('筆者は、ダリオ氏がウェルネス・リトリートにいたというホワイトハウス側の説明は信じていない。', seeds).verdict, 'supported');
});

test('a katakana name the sources never write, in place of the one they do, is someone else; a variant spelling is not', async () => {
  const ja = await open([writeCorpus(`//- ja.txt\n交渉\nAnthropic の共同創業者トム・ブラウンが、政府との交渉で CEO の代わりを務めている。\n`)], false);
  const other = check('Anthropic の共同創業者ジョン・スミス氏が、政府との交渉で CEO の代わりを務めている。', ja);
  assert.equal(other.verdict, 'contradicted', other.explanation);
  assert.deepEqual(other.conflicts.map((c) => [c.kind, c.claimValue, c.sourceValue]), [['actor', 'ジョン・スミス', 'トム・ブラウン']]);
  const variant = check('Anthropic の共同創業者トム・ブラウソ氏が、政府との交渉で CEO の代わりを務めている。', ja);
  assert.notEqual(variant.verdict, 'contradicted', variant.explanation);
});

test('naming one part of an actor where the source names the whole is no swap', () => {
  // The source says the Trump administration; the White House is part of it (the catalog's partOf).
  const r = check('Following a Friday-evening ultimatum from the White House, Anthropic pulled its Mythos-class systems offline and quickly dispatched numerous executives to Washington.', seeds);
  assert.ok(!r.conflicts.some((c) => c.kind === 'actor'), JSON.stringify(r.conflicts));
});

const REFERS_BACK = `//- review.txt
Reviews of security tools
Corvex Labs tested the Falconet model on a hundred real codebases. Its judgment is mixed. It tends to overstate the practical relevance of its findings.
Brightwave released a code scanner in May. The scanner found fewer bugs than expected.
`;

test('a sentence that refers back (`It tends to…`) is about the names the sentences before it give', async () => {
  const review = await open([writeCorpus(REFERS_BACK)], false);
  const faithful = check('Corvex Labs found that Falconet tends to overstate the practical relevance of its findings.', review);
  assert.equal(faithful.verdict, 'supported', faithful.explanation);
  assert.match(faithful.explanation, /corvex, lab, falconet/);
  const reversed = check('Corvex Labs found that Falconet tends to understate the practical relevance of its findings.', review);
  assert.notEqual(reversed.verdict, 'supported', reversed.explanation);
});

test('who said it: a statement credited to one person that the source quotes from another', () => {
  for (const [claim, credited, quoted] of [
    ['Susie Wiles said the government had spent two weeks working closely with Anthropic to analyze and approve Fable 5.', 'Susie Wiles', 'Howard Lutnick'],
    ['スージー・ワイルズ首席補佐官は、過去2週間にわたりアンソロピック社と緊密に協力し、Fable 5 の分析と承認を行ったと述べた。', 'スージー・ワイルズ', 'ハワード・ルットニック'],
  ]) {
    const r = check(claim, seeds);
    assert.equal(r.verdict, 'contradicted', r.explanation);
    assert.deepEqual(r.conflicts.map((c) => [c.kind, c.claimValue, c.sourceValue]), [['actor', credited, quoted]]);
  }
  const right = check('Howard Lutnick said the government had spent two weeks working closely with Anthropic to analyze and approve Fable 5.', seeds);
  assert.equal(right.verdict, 'supported', right.explanation);
});

const PLANNED = `//- ministry.txt
Export policy news
The trade ministry is considering a ban on chip exports to the region, officials told reporters on Monday.
Shipbuilders welcomed the new port fees announced last year.
`;

test('done against only planned: `already imposed` where the source says `is considering`', async () => {
  const planned = await open([writeCorpus(PLANNED)], false);
  const r = check('The trade ministry has already imposed a ban on chip exports to the region.', planned);
  assert.equal(r.verdict, 'contradicted', r.explanation);
  assert.deepEqual(r.conflicts.map((c) => [c.kind, c.claimValue, c.sourceValue]), [['modality', 'already', 'considering']]);
  const faithful = check('The trade ministry is considering a ban on chip exports to the region.', planned);
  assert.equal(faithful.verdict, 'supported', faithful.explanation);
});

test('an act bound to the wrong one of two things the source names: `GPT-5.6 beat Mythos 5` where GPT-5.5 Cyber did', () => {
  const r = check('GPT-5.6 beat Mythos 5 on some benchmarks.', seeds);
  assert.equal(r.verdict, 'contradicted', r.explanation);
  assert.deepEqual(r.conflicts.map((c) => [c.kind, c.claimValue, c.sourceValue]), [['actor', 'GPT-5.6', 'GPT-5.5 Cyber']]);
  const right = check('GPT-5.5 Cyber beat Mythos 5 on some benchmarks.', seeds);
  assert.equal(right.verdict, 'supported', right.explanation);
});
