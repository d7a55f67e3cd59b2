// Names of people the catalog lists in full, written shorter: a first or family name alone is
// recognised where the sources or the memo make it unambiguous, and never as an ordinary word.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { memoHover } from '../../server/core/hover';
import { nameParts } from '../../server/core/nameForms';
import { openCorpusWithFacts, writeCorpus } from '../helpers';

const PEOPLE = `//- entities.json
[
  {"name": "Priya Natarajan", "kind": "person", "aliases": ["プリヤ・ナタラジャン"]},
  {"name": "Ashley Gold", "kind": "person", "aliases": []},
  {"name": "John Carter", "kind": "person", "aliases": []},
  {"name": "John Mills", "kind": "person", "aliases": []},
  {"name": "Omar Haddad", "kind": "person", "aliases": []}
]
//- interview.txt
Priya Natarajan on the audit
Priya Natarajan, who led the audit, said the model passed every test.
Priya added that the results would be published in May.
Ashley Gold reported the story; Gold has covered the agency for years.
John Carter and John Mills both attended. John left early.
//- interview-ja.txt
プリヤ・ナタラジャンへの取材
プリヤ・ナタラジャンは監査を率いた。
プリヤによると、結果は5月に公表される。
//- markets.txt
Markets this week
The price of gold rose again this week.
//- elsewhere.txt
Another story
Omar left the meeting without a word.
Omar Haddad was not there.
`;

const PERSON_ONLY = `//- other.txt
Unrelated
Omar spoke at length about the weather.
`;

let corpus: Awaited<ReturnType<typeof openCorpusWithFacts>>;
before(async () => {
  corpus = await openCorpusWithFacts([writeCorpus(PEOPLE)], false);
});

const hoverOn = (table: typeof corpus.table, memo: string, word: string) => memoHover(table, memo, { line: 0, character: memo.indexOf(word) + 1 })?.entity?.entity.name;

test('a person’s first and family names come from the full names, Latin and katakana', () => {
  const e = corpus.b.entities.byName('Priya Natarajan')!;
  assert.deepEqual(nameParts(e).sort(), ['Natarajan', 'Priya', 'ナタラジャン', 'プリヤ'].sort());
});

test('a first name the sources use alone, in documents that name the person in full, hovers to the person in any memo', () => {
  assert.equal(hoverOn(corpus.table, 'We asked Priya about the audit.', 'Priya'), 'Priya Natarajan');
  assert.equal(hoverOn(corpus.table, '監査についてプリヤに尋ねた。', 'プリヤ'), 'Priya Natarajan');
});

test('no false hovers: a name that is an ordinary word, a first name two people share, a name alone in a document about someone else', () => {
  // `gold` is a word in the corpus; two Johns; `Omar` alone in a document that names Omar Haddad but also in one that does not.
  assert.equal(hoverOn(corpus.table, 'Gold prices rose again.', 'Gold'), undefined);
  assert.equal(hoverOn(corpus.table, 'John left early.', 'John'), undefined);
  assert.equal(hoverOn(corpus.table, 'We asked Natarajan.', 'Natarajan'), undefined, 'never used alone by the sources');
  for (const memo of ['The department said the model was released after a long review.', '政府はその後、新しい規則を発表した。']) {
    for (let i = 0; i <= memo.length; i++) assert.equal(memoHover(corpus.table, memo, { line: 0, character: i }), undefined, `${memo} @${i}`);
  }
});

test('a name used alone only in documents that name the person is learned; one also used alone elsewhere is not', async () => {
  const { table } = await openCorpusWithFacts([writeCorpus(PEOPLE.replace(/\/\/- elsewhere\.txt[\s\S]*$/, '') + `//- elsewhere.txt
Another story
Omar Haddad arrived; Omar left early.
`)], false);
  assert.equal(hoverOn(table, 'Omar was there.', 'Omar'), 'Omar Haddad');
  const other = await openCorpusWithFacts([writeCorpus(PEOPLE + PERSON_ONLY)], false);
  assert.equal(hoverOn(other.table, 'Omar was there.', 'Omar'), undefined);
});

test('the memo makes a short name unambiguous: a family name after the full name, not without it, not when two people share it', () => {
  const { table } = corpus;
  assert.equal(hoverOn(table, 'Ashley Gold wrote it. Later Gold added a note.', 'Gold added'), 'Ashley Gold');
  assert.equal(hoverOn(table, 'プリヤ・ナタラジャンが来た。ナタラジャンは断った。', 'ナタラジャンは'), 'Priya Natarajan');
  assert.equal(hoverOn(table, 'Later Gold added a note.', 'Gold'), undefined);
  assert.equal(hoverOn(table, 'John Carter met John Mills. John left.', 'John left'), undefined);
  assert.equal(hoverOn(table, 'John Carter met us. John left.', 'John left'), 'John Carter');
});

test('on the seeds: Jessica Tillipman by her first name, in English and in the translation’s katakana', async () => {
  const seeds = await openCorpusWithFacts([]);
  assert.equal(hoverOn(seeds.table, 'Jessica asks the right question.', 'Jessica'), 'Jessica Tillipman');
  assert.equal(hoverOn(seeds.table, 'ジェシカは正しい問いを立てている。', 'ジェシカ'), 'Jessica Tillipman');
  assert.equal(hoverOn(seeds.table, 'The executive branch of the United States forced it.', 'executive'), 'US government');
  assert.equal(hoverOn(seeds.table, 'アメリカ合衆国行政府が停止させた。', 'アメリカ'), 'US government');
});

test('a hover that must answer at once on a large corpus uses the learned names once the warm-up has them, and the memo’s at once', async () => {
  const { table } = await openCorpusWithFacts([writeCorpus(PEOPLE)], false);
  table.answerAtOnce = true;
  table.smallCorpusPassages = 10; // as if large: learning would take seconds
  assert.equal(hoverOn(table, 'We asked Priya about the audit.', 'Priya'), undefined, 'not learned yet');
  assert.equal(hoverOn(table, 'Ashley Gold wrote it. Later Gold added a note.', 'Gold added'), 'Ashley Gold');
  await table.warmUp();
  assert.equal(hoverOn(table, 'We asked Priya about the audit.', 'Priya'), 'Priya Natarajan');
});

test('on a small corpus even a hover that must answer at once learns the names first (it takes milliseconds)', async () => {
  const { table } = await openCorpusWithFacts([writeCorpus(PEOPLE)], false);
  table.answerAtOnce = true;
  assert.equal(hoverOn(table, 'We asked Priya about the audit.', 'Priya'), 'Priya Natarajan');
});
