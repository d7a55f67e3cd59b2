import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractFacts, factsAgree, factTokens, sameKind, type Fact } from '../../server/core/facts';
import { seedText } from '../helpers';

/** `kind key` of every fact in a text, in order. */
const keys = (text: string) => extractFacts(text).map((f) => f.key);
const only = (text: string): Fact => {
  const facts = extractFacts(text);
  assert.equal(facts.length, 1, `one fact in ${JSON.stringify(text)}, got ${JSON.stringify(facts.map((f) => f.key))}`);
  return facts[0];
};

test('Japanese and English dates share a key; spaces between the Japanese parts are allowed', () => {
  for (const text of ['6月12日', '6 月 12 日', '６月１２日', 'June 12', 'June 12th', '12 June', '6/12']) {
    assert.equal(only(text).key, 'date:--06-12', text);
  }
  for (const text of ['2026年6月12日', '2026 年 6 月 12 日', '2026-06-12', '12 June 2026', 'June 12, 2026']) {
    assert.equal(only(text).key, 'date:2026-06-12', text);
  }
  assert.equal(only('July 1, 2026').key, 'date:2026-07-01');
  assert.equal(only('in March 2026').key, 'date:2026-03');
  assert.equal(only('METR: 2026 年 3 月の限定的な期間中').key, 'date:2026-03');
  assert.equal(only('チームが4月に修正した').key, 'date:--04');
  assert.equal(only('since April').key, 'date:--04');
  assert.equal(only('In 2026 the rules changed').key, 'date:2026');
});

test('weekdays are their own date form', () => {
  assert.equal(only('a Friday evening ultimatum').key, 'weekday:fri');
  assert.equal(only('金曜日の夜に最終通告').key, 'weekday:fri');
  assert.equal(only('金曜、市場が閉じた直後').key, 'weekday:fri');
  assert.equal(only('On Monday').key, 'weekday:mon');
});

test('a fact keeps its exact text and UTF-16 offsets in the input, full-width forms included', () => {
  const text = '米国政府は６月１２日に、１５０億ドルを支払う。';
  const facts = extractFacts(text);
  assert.deepEqual(facts.map((f) => [f.text, text.slice(f.start, f.end)]), [['６月１２日', '６月１２日'], ['１５０億ドル', '１５０億ドル']]);
  assert.deepEqual(keys(text), ['date:--06-12', 'amount:usd:15000000000']);
});

test('amounts with scale words agree across languages and notations', () => {
  const billions = ['$15 billion', '$15B', '150億ドル', 'USD 15 billion', '15 billion dollars'];
  for (const text of billions) assert.equal(only(text).key, 'amount:usd:15000000000', text);
  for (const text of ['$15 million', '1,500 万ドル', '1,500万ドル']) assert.equal(only(text).key, 'amount:usd:15000000', text);
  assert.equal(only('$84 million').key, only('本投稿では 8,400 万ドルが必要').key);
  assert.equal(only('10 兆ドル規模の負債').key, 'amount:usd:10000000000000');
  assert.equal(only('1兆5000億円').key, 'amount:jpy:1500000000000');
  for (const text of ['¥3,000', '3000円', '3,000 yen']) assert.deepEqual([only(text).key, only(text).unit], ['amount:jpy:3000', 'JPY'], text);
  assert.equal(only('$15 billion').value, 15e9);
});

test('token budgets are counts of tokens in both languages', () => {
  const en = only('under their deliberately low 2.5M-token cap');
  const ja = only('250 万トークンの制限下で');
  assert.deepEqual([en.kind, en.key, en.value, en.unit], ['count', 'count:tokens:2500000', 2500000, 'tokens']);
  assert.equal(ja.key, en.key);
  assert.equal(only('a deliberately low 10-million-token cap').key, 'count:tokens:10000000');
});

test('ratios: `6 of 10` = `10 回中 6 回`, `one-sixth` = `6 分の 1`', () => {
  assert.equal(only('solving the range in 6 of 10 attempts').key, 'ratio:6/10');
  assert.equal(only('10 回中 6 回で解決された').key, 'ratio:6/10');
  assert.equal(only('three out of ten').key, 'ratio:3/10');
  const en = only('around one-sixth of the cost of leading U.S. models');
  const ja = only('主要な米国のモデルの約 6 分の 1 です');
  assert.equal(en.key, 'ratio:1/6');
  assert.equal(ja.key, 'ratio:1/6');
  assert.ok(en.approx && ja.approx, 'around / 約 are approximations');
  assert.equal(only('two-thirds of the budget').key, 'ratio:2/3');
  assert.deepEqual(keys('one of the two'), [], '`one of` is an idiom');
  assert.equal(only('costs about half as much as U.S. models').key, 'ratio:1/2');
  assert.equal(only('コストは米国モデルの半分だ').key, 'ratio:1/2');
  assert.deepEqual(keys('a half-hearted effort; the first half'), [], 'a half that compares nothing is no ratio');
});

test('percents with and without a space, and qualifiers around them', () => {
  for (const text of ['99%', '99 %', '99％', '99 percent']) assert.equal(only(text).key, 'percent:99', text);
  assert.equal(only('95% of Fable').key, 'percent:95');
  assert.equal(only('a 5% stake').key, only('株式の 5%の譲渡').key);
  const over = only('in over 99% of cases');
  const ijou = only('99%以上のケースで');
  assert.deepEqual([over.text, over.bound], ['over 99%', 'min']);
  assert.deepEqual([ijou.text, ijou.bound], ['99%以上', 'min']);
  assert.deepEqual([only('~20% of all pre-tax income').approx, only('約 20% を').approx], [true, true]);
});

test('counts: English number words before a noun, Japanese counters and `つの`', () => {
  const two = only('Two independent evaluations found the same');
  assert.deepEqual([two.key, two.text], ['count:evaluations:2', 'Two independent evaluations']);
  assert.equal(only('当社の 2 つのサイバーレンジ').key, 'count:サイバーレンジ:2');
  assert.equal(only('二つの評価').key, 'count:評価:2');
  assert.equal(only('3 社が参加').key, 'count:companies:3');
  assert.equal(only('1万人超の技術者').key, 'count:people:10000');
  assert.equal(only('1万人超の技術者').bound, 'min');
  assert.equal(only('8 people').key, 'count:people:8');
});

test('counts of the same thing meet across languages through the dictionary: 4 つの独立評価 against two independent evaluations', () => {
  const ja = only('今週出た4つの独立評価が裏付けた');
  const en = only('Two independent evaluations this week confirm it');
  assert.ok(sameKind(ja, en), 'the head of 独立評価 is 評価, an evaluation');
  assert.ok(!factsAgree(ja, en), 'four is not two');
  assert.ok(!sameKind(only('4 つの独立評価'), only('two cyber ranges')), 'evaluations are not ranges');
});

test('durations: units, number words, kanji numerals, adjectives and ranges', () => {
  for (const text of ['14 days', '14 日間', '2 週間', '2週間', 'two weeks']) assert.equal(only(text).key, 'duration:14d', text);
  for (const text of ['3週間', 'three weeks']) assert.equal(only(text).key, 'duration:21d', text);
  for (const text of ['8 hours', '8 時間']) assert.equal(only(text).key, 'duration:8h', text);
  assert.equal(only('in twenty minutes').key, 'duration:20min');
  assert.equal(only('The ten-day gap').key, 'duration:10d');
  assert.equal(only('90 day disclosure windows').key, 'duration:90d');
  assert.equal(only('四十年').key, 'duration:40y');
  assert.equal(only('more than forty years').key, 'duration:40y');
  assert.equal(only('15ヶ月間の合計').key, only('in the past 15 months').key);
  assert.equal(only('12 months').key, only('1 年').key, '12 months is a year');
  const range = ['a six- to 12-month runway', '6 ヶ月から 12 ヶ月程度の猶予', '6 か月から 12 ヶ月', '6 to 12 months'];
  for (const text of range) assert.equal(only(text).key, 'duration:6mo..1y', text);
  const hours = only('(95% CI 8.5hrs to 55hrs)'.slice(8));
  assert.deepEqual([hours.key, hours.value, hours.high], ['duration:510min..55h', 8.5 * 3600, 55 * 3600]);
  assert.equal(only('8.5 時間〜55 時間').key, hours.key);
});

test('duration bounds: over / 以上 are minimums, under / 以内 / 未満 are maximums', () => {
  const expect = (text: string, bound: 'min' | 'max', written: string) => {
    const f = only(text);
    assert.deepEqual([f.bound, f.text], [bound, written], text);
  };
  expect('tasks estimated over 8 hours', 'min', 'over 8 hours');
  expect('8 時間以上かかるすべてのタスク', 'min', '8 時間以上');
  expect('at least 89 days too long', 'min', 'at least 89 days');
  expect('Mythos is still under 4 hours.', 'max', 'under 4 hours');
  expect('Mythos はまだ 4 時間以内です', 'max', '4 時間以内');
  expect('わずか 5 分未満です', 'max', '5 分未満');
  expect('10日以内に強制的な輸出規制', 'max', '10日以内');
  expect('early access for as long as 90 days', 'max', 'as long as 90 days');
});

test('multiples are ratios in times, never rivals of a share; 割 is tenths', () => {
  assert.equal(only('input tokens sell for double the cost of Opus').key, 'ratio:x2');
  assert.equal(only('priced at three times the rate of Opus').key, 'ratio:x3');
  assert.equal(only('入力トークンの販売価格が倍額になる').key, 'ratio:x2');
  assert.equal(only('価格は 3 倍になった').key, 'ratio:x3');
  assert.deepEqual(keys('she tried three times; a double standard'), []);
  assert.ok(!sameKind(only('three times the rate'), only('in 6 of 10 attempts')), 'a multiple and a share are different questions');
  assert.equal(only('約8割のケースで拒否する').key, 'percent:80');
  assert.deepEqual(keys('8割引のセール、その割合'), []);
});

test('`a minimum of` and `a maximum of` are bounds', () => {
  assert.equal(only('its time horizon at a minimum of 60 hours').bound, 'min');
  assert.equal(only('a maximum of 30 days before release').bound, 'max');
});

test('a clock time is not a duration: it is a time of day, in both languages', () => {
  assert.deepEqual(keys('受け取ったのは午後5時21分だった'), ['time:17:21']);
  assert.deepEqual(keys('Anthropic received it at 5:21pm Eastern.'), ['time:17:21']);
  assert.deepEqual(keys('午前9時半に届いた'), ['time:09:30']);
  assert.deepEqual(keys('21分後に返信した'), ['duration:21min']);
  // An hour count alone is not a clock time.
  assert.deepEqual(keys('3時間かかった'), ['duration:3h']);
});

test('`over` after the verb it belongs to is not a bound: `hand over 5%` is 5%', () => {
  const [f] = extractFacts('OpenAI has formally offered to hand over 5% of the company');
  assert.deepEqual([f.key, f.bound, f.text], ['percent:5', undefined, '5%']);
  assert.equal(extractFacts('over 5% of the company').at(0)?.bound, 'min');
});

test('`a month` is a duration where a length of time is meant, not in `once a week`', () => {
  assert.deepEqual(keys('The appeal window lasts a month.'), ['duration:1mo']);
  assert.deepEqual(keys('for a year'), ['duration:1y']);
  assert.deepEqual(keys('They meet once a week.'), []);
  assert.deepEqual(keys('a day later'), []);
});

test('model versions, list markers, section numbers, URLs and images are not facts', () => {
  const names = ['GPT-5.5 solved it', 'Claude Opus 4.8 and Sonnet 5', 'Fable 5 と Mythos 5 のアクセス', 'GLM-5.2 は', 'Claude 5', 'Mythos 5 models'];
  for (const text of names) assert.deepEqual(keys(text), [], text);
  assert.deepEqual(keys('1. First item'), []);
  assert.deepEqual(keys('see #2 and section 3.2.1'), []);
  assert.deepEqual(keys('https://example.com/2026/06/12/report-15-days'), []);
  assert.deepEqual(keys('![chart](https://x.com/14-days.png) Share'), []);
  assert.deepEqual(keys('Top 10 risks'), []);
  assert.deepEqual(keys('⟦CODE_0⟧'), []);
  assert.deepEqual(keys('you may 5'), [], '`may` the verb is no month');
});

test('vague quantities are not facts', () => {
  for (const text of ['thousands of hours', 'many thousands of', '数千時間にわたるテスト', '数ヶ月', '数週間', '十分な時間', '一人で']) {
    assert.deepEqual(keys(text), [], text);
  }
});

test('a model version next to a real fact leaves the fact alone', () => {
  assert.deepEqual(keys('GPT-5.5 solved “The Last Ones” on 3 of 10 attempts.'), ['ratio:3/10']);
  assert.deepEqual(keys('Mythos 5 took 14 days'), ['duration:14d']);
});

test('factsAgree: a year-less claim date matches a dated passage; a different day does not', () => {
  const date = (t: string) => only(t);
  assert.ok(factsAgree(date('6月12日'), date('June 12, 2026')));
  assert.ok(factsAgree(date('2026年6月12日'), date('June 12')));
  assert.ok(!factsAgree(date('June 30'), date('July 1')));
  assert.ok(!factsAgree(date('June 12, 2025'), date('2026年6月12日')));
  assert.ok(factsAgree(date('March 2026'), date('2026 年 3 月')));
  assert.ok(!sameKind(date('June 12'), date('March 2026')), 'a day and a month answer different questions');
  assert.ok(!sameKind(date('Friday'), date('June 12')));
  assert.ok(factsAgree(date('金曜日'), date('Friday')));
});

test('factsAgree: qualifiers, approximations and ranges', () => {
  assert.ok(!factsAgree(only('over 8 hours'), only('4 時間以上')), 'both minimums, different values');
  assert.ok(factsAgree(only('over 8 hours'), only('8 時間以上')));
  assert.ok(factsAgree(only('about 6 months'), only('6 ヶ月')));
  assert.ok(!factsAgree(only('about 6 months'), only('8 ヶ月')));
  assert.ok(!factsAgree(only('over 4 hours'), only('under 4 hours')), 'opposite bounds');
  assert.ok(factsAgree(only('over 8 hours'), only('16 hours')), 'a minimum admits a larger value');
  assert.ok(!factsAgree(only('under 4 hours'), only('16 hours')));
  assert.ok(factsAgree(only('9 months'), only('6 to 12 months')), 'inside a range');
  assert.ok(!factsAgree(only('18 months'), only('6 to 12 months')));
  assert.ok(factsAgree(only('1 month'), only('30 days')), 'calendar units are compared loosely');
  assert.ok(!factsAgree(only('14 days'), only('3週間')));
  assert.ok(factsAgree(only('$15 billion'), only('150億ドル')));
  assert.ok(!factsAgree(only('$15 million'), only('8,400 万ドル')));
  assert.ok(!sameKind(only('$15 million'), only('1,500 万円')), 'different currencies are not compared');
  assert.ok(!factsAgree(only('95%'), only('90%')));
  assert.ok(factsAgree(only('6 of 10'), only('10 回中 6 回')));
  assert.ok(!factsAgree(only('3 of 10'), only('10 回中 6 回')));
  assert.ok(!sameKind(only('3 社'), only('3 人')), 'counts of different things are not compared');
});

test('factTokens are the cross-language bridges, year-less for days', () => {
  assert.deepEqual(factTokens('米国政府は2026年6月12日に150億ドルを'), ['#date:06-12', '#usd:15000000000']);
  assert.deepEqual(factTokens('On June 12 the deal was $15 billion per year'), ['#date:06-12', '#usd:15000000000']);
  assert.deepEqual(factTokens('250 万トークンの 99%'), ['#num:2500000', '#pct:99']);
  assert.deepEqual(factTokens('a six- to 12-month runway, on Friday'), ['#dur:6mo', '#dur:1y', '#weekday:fri']);
  assert.deepEqual(factTokens('in March 2026, ahead of April'), ['#date:2026-03', '#date:--04']);
  assert.deepEqual(factTokens('no numbers here at all'), []);
});

test('real seed sentences: the Japanese and English timeline lines share their date; amounts match', () => {
  const seed = seedText('003_b2ed7742a500a503.txt').split('\n');
  const ja = seed.find((l) => l.startsWith('7月8日:顧客はトークン単位'));
  const en = seed.find((l) => l.startsWith('July 8: customers will have to pay by the token.'));
  assert.ok(ja && en, 'both timeline lines are in the seed');
  assert.deepEqual(factTokens(ja), factTokens(en));
  assert.deepEqual(factTokens(ja), ['#date:07-08']);
  const claim = only('From July 1, customers have to pay for Fable by the token.');
  assert.ok(sameKind(claim, only(en)) && !factsAgree(claim, only(en)), 'July 1 contradicts July 8');

  const all = ['000_323e4a42be008be9.txt', '001_0c1747d225c18063.txt', '002_f6ed0c7e73231cb2.txt', '003_b2ed7742a500a503.txt', '004_c19c9ca1ddffe7f1.txt']
    .map(seedText)
    .join('\n');
  const amounts = new Set(extractFacts(all).filter((f) => f.kind === 'amount').map((f) => `${f.text} = ${f.key}`));
  assert.ok(amounts.has('1,500 万ドル = amount:usd:15000000') && amounts.has('$15 million = amount:usd:15000000'));
  assert.ok(amounts.has('150億ドル = amount:usd:15000000000') && amounts.has('$15 billion = amount:usd:15000000000'));
});

test('real seed sentences: the 8-hour claim in both languages, and the memo that says 4 hours', () => {
  const en = extractFacts('the only model that clears every one of their tasks estimated over 8 hours under their deliberately low 2.5M-token cap');
  const ja = extractFacts('意図的に設定された 250 万トークンの制限下で、8 時間以上かかるすべてのタスクをクリアする唯一のモデル');
  const memo = extractFacts('Mythos は、250 万トークンの上限のもとで 4 時間以上かかるタスクをすべてクリアした唯一のモデルだ。');
  assert.deepEqual(en.map((f) => f.key), ['duration:8h', 'count:tokens:2500000']);
  assert.deepEqual(ja.map((f) => f.key), ['count:tokens:2500000', 'duration:8h']);
  const hours = (facts: Fact[]) => facts.find((f) => f.kind === 'duration')!;
  assert.ok(factsAgree(hours(en), hours(ja)));
  assert.ok(!factsAgree(hours(memo), hours(en)), '4 時間以上 contradicts over 8 hours');
});

test('invisible format characters inside a value do not hide it; offsets stay in the original text', () => {
  for (const [text, value] of [
    ['issued on June\u200b 30.', 'June\u200b 30'],
    ['issued on Ju\u00adne 30.', 'Ju\u00adne 30'],
    ['\ufeff6月\u200d30日に発表した。', '6月\u200d30日'],
    ['raised $1\u206015 billion', '$1\u206015 billion'],
  ]) {
    const clean = only(text.replace(/\p{Cf}/gu, ''));
    const fact = only(text);
    assert.equal(fact.key, clean.key, text);
    assert.equal(fact.text, value);
    assert.equal(text.slice(fact.start, fact.end), value);
  }
});
