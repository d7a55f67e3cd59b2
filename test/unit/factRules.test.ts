// The rules that choose an entity's facts for a hover, each on a small inline corpus: a statement
// beats a question, a title, banter and a quoted post; the article's own reporting beats a
// quote; an event told twice is told once; dated events are shown by date; the entity as the
// subject beats a passing mention.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFor, readPassage, sortOf } from '../../server/core/factRules';
import { memoHover } from '../../server/core/hover';
import type { Passage } from '../../server/core/types';
import { openCorpusWithFacts, writeCorpus } from '../helpers';

const QUASAR = `//- entities.json
[{"name": "Quasar", "kind": "model", "aliases": ["クエーサー"]}]
`;

/** The facts of Quasar in a corpus of the given files (written after the entity file). */
async function quasarFacts(files: string) {
  const { b, table } = await openCorpusWithFacts([writeCorpus(QUASAR + files)], false);
  const e = b.entities.byName('Quasar')!;
  return { stats: table.of(e), table };
}

const passage = (text: string, extra: Partial<Passage> = {}): Passage =>
  ({ id: 0, doc: 0, role: 'original', lang: 'en', text, range: { start: { line: 0, character: 0 }, end: { line: 0, character: text.length } }, paragraph: 1, aligned: [], ...extra }) as Passage;

test('an entity with a tweet, a question, a title and a dated statement: the statement wins', async () => {
  const { stats } = await quasarFacts(`//- roundup.txt
Weekly model roundup
Why Quasar Matters Now
@skywatcher_ai: Quasar is the wildest thing out there, nothing else comes close
Is Quasar really the most capable model anyone has built so far?
Quasar was released to the public on March 3, 2026, after a six-month safety review.
`);
  assert.equal(stats.facts[0].text, 'Quasar was released to the public on March 3, 2026, after a six-month safety review.');
  // The title line is a heading of the plain article, so it is never a fact at all.
  assert.deepEqual(
    stats.readings.map((r) => `${r.sort}${r.why ? ':' + r.why : ''}`),
    ['statement', 'quote:handle', 'aside:question'],
    stats.facts.map((p) => p.text).join('\n'),
  );
});

test('a statement is told from a question, a title, a caption, a list lead-in, banter and the writer talking to the reader', () => {
  const cases: Array<[string, string | undefined, Partial<Passage>?]> = [
    ['Quasar was released on March 3.', undefined],
    ['Is Quasar the best model yet?', 'question'],
    ['クエーサーは本当に最強なのでしょうか。', 'question', { lang: 'ja' }],
    ['Commerce Versus Intelligence.', 'title'],
    ['米政府の命令で Quasar の提供が停止', 'title', { lang: 'ja' }],
    ['Illustration by the author © Someone', 'caption'],
    ['Here’s how Quasar did on the tests:', 'lead-in'],
    ['I think Quasar is overrated, honestly.', 'banter'],
    ['At a 99% success rate, Quasar is still under 5 minutes!', 'banter'],
    ['So when you look at Quasar, what you see is a bet on scale.', 'voice'],
    ['Dana Reyes: Quasar changes everything for defenders.', 'speaker', { speaker: 'Dana Reyes' }],
    ['Dana Reyes: I think Quasar changes everything.', 'banter', { speaker: 'Dana Reyes' }],
    ['Huge news via @orbital_labs today about Quasar shipping to everyone.', 'handle'],
  ];
  for (const [text, why, extra] of cases) assert.equal(sortOf(passage(text, extra)).why, why, text);
});

test('the article’s own reporting beats a quoted post, even a longer and earlier one', async () => {
  const { stats } = await quasarFacts(`//- report.txt
Quasar news
Dana Reyes (Orbital Labs): Quasar is going to change the way every security team in the country works, starting this week.
Quasar passed the federal security audit after three weeks of testing by the agency.
`);
  assert.equal(stats.facts[0].text, 'Quasar passed the federal security audit after three weeks of testing by the agency.');
  assert.equal(stats.readings[1].sort, 'quote');
});

test('one event told by two articles is told once; another event is kept', async () => {
  const { stats } = await quasarFacts(`//- a.txt
Quasar launch
Orbital Labs released Quasar to the public on March 3, 2026, after a safety review.
//- b.txt
Quasar arrives
On March 3, 2026, Orbital Labs made Quasar public following its safety review.
//- c.txt
Quasar pulled
Regulators ordered Quasar offline on April 9, 2026, citing the new export rules.
`);
  const texts = stats.facts.map((p) => p.text);
  assert.equal(texts.filter((t) => t.includes('March 3')).length, 1, texts.join('\n'));
  assert.ok(texts.some((t) => t.includes('April 9')), texts.join('\n'));
});

test('dated events are shown by date, earliest first, before undated statements', async () => {
  const { table } = await quasarFacts(`//- timeline.txt
Quasar timeline
Quasar scored 91% on the Orion cyber range, the best result of any model tested.
Regulators ordered Quasar offline on April 9, 2026, citing the new export rules.
Orbital Labs released Quasar to the public on March 3, 2026, after a safety review.
Quasar came back online worldwide on May 20, 2026, with new safeguards.
`);
  const hover = memoHover(table, 'Quasar is back.', { line: 0, character: 2 })!;
  assert.deepEqual(
    hover.entity!.facts.map((f) => /March 3|April 9|May 20|91%/.exec(f.text)?.[0]),
    ['March 3', 'April 9', 'May 20', '91%'],
  );
});

test('a passage where the entity is the subject beats one that mentions it in passing', async () => {
  const { stats } = await quasarFacts(`//- analysis.txt
Models this season
Several labs shipped new coding tools this season, and one of the systems reviewers compared was Quasar.
Quasar now writes most of the code for the Orbital Labs team, the company's engineers told reporters.
`);
  assert.match(stats.facts[0].text, /^Quasar now writes/);
});

test('the first hover answers at once: before the warm-up an entity with many passages is ranked on its first ones, after it on all of them', async () => {
  // Three hundred different sentences without a date or a figure, then the one dated event.
  const name = (i: number) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i % 26] + 'abcdefghijkl'[Math.floor(i / 26)];
  const filler = Array.from({ length: 300 }, (_, i) => `Reviewers compared Quasar with the older system ${name(i)} in another round of the long evaluation.`).join('\n');
  const files = `//- long.txt
Quasar reviews
${filler}
Regulators ordered Quasar offline on April 9, 2026, citing the new export rules.
`;
  const { stats } = await quasarFacts(files);
  assert.match(stats.facts[0].text, /April 9/, 'ranked on all passages when the caller can wait (CLI, tests)');
  const { table } = await openCorpusWithFacts([writeCorpus(QUASAR + files)], false);
  table.answerAtOnce = true;
  table.atOncePassages = 100;
  const memo = 'Quasar is back.';
  const first = memoHover(table, memo, { line: 0, character: 2 })!;
  assert.ok(first.entity!.facts.length > 0 && !first.entity!.facts.some((f) => f.text.includes('April 9')), 'a provisional answer from the first passages');
  assert.match(first.entity!.markdown, /mentioned in 1 of 1 document/);
  await table.warmUp();
  const later = memoHover(table, memo, { line: 0, character: 2 })!;
  assert.match(later.entity!.facts[0].text, /April 9/);
  assert.equal(table.forHover(table.catalog.byName('Quasar')!).provisional, undefined);
});

test('a date dates its own clause: a funding round in a relative clause does not make the model’s sentence a dated event', async () => {
  const { stats } = await quasarFacts(`//- profile.txt
Orbital Labs profile
The company, which raised $2 billion in June 2026, sells Quasar mainly to banks and energy firms.
Quasar was withdrawn from the European market on September 3, 2026, at the regulator's request.
`);
  const funding = stats.facts.findIndex((p) => p.text.includes('raised'));
  assert.deepEqual(stats.readings[funding].dates, [], 'the June date belongs to the raise');
  assert.deepEqual(stats.readings[stats.facts.findIndex((p) => p.text.includes('withdrawn'))].dates, ['2026-09-03']);
  assert.match(stats.facts[0].text, /withdrawn/);
});

test('words in quotation marks that make up most of a passage are a quote, not the article’s reporting', () => {
  assert.equal(sortOf(passage('Kowalski said the programme "shows that oversight and innovation can work together".')).why, 'quoted');
  assert.equal(sortOf(passage('マルタ・コワルスキ氏は「監督とイノベーションは両立できる」と述べた。', { lang: 'ja' })).why, 'quoted');
  assert.equal(sortOf(passage('XBOW tested it on their offensive security benchmarks, finding “token-for-token, unprecedented precision.”')).sort, 'statement');
});

test('the subject in English opens the sentence (after a short opening phrase); in Japanese it takes は or が', () => {
  const subject = (text: string, lang: 'en' | 'ja', names: string[]) => {
    const p = passage(text, { lang });
    return readFor(p, readPassage(p, '2026-06-20', new Set()), 'x', names).subject;
  };
  assert.equal(subject('Quasar scored 91% on the Orion range.', 'en', ['quasar']), true);
  assert.equal(subject('In the past week, the Quasar team shipped a fix.', 'en', ['quasar']), true);
  assert.equal(subject('Several labs shipped new tools, and reviewers compared them with Quasar.', 'en', ['quasar']), false);
  assert.equal(subject('クエーサーは5月20日に復旧した。', 'ja', ['クエーサー']), true);
  assert.equal(subject('規制当局 は 4 月 9 日、クエーサー の停止を命じた。', 'ja', ['クエーサー']), false);
});
