// Memo checking: the sample memos with deliberate errors and faithful restatements, the memo
// ranges a quick fix needs, cancellation, unknown citation keys, and the `check` CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { bridges, type Bridges } from '../../server/bridges';
import { checkMemo, countFindings, unknownCitationKeys, type MemoFinding } from '../../server/core/check';
import type { Corpus } from '../../server/core/corpus';
import { openCorpus } from '../../server/host/openCorpus';
import { silentLogger } from '../../server/core/types';
import { FIXTURES, ROOT, SEEDS, textAt, writeCorpus } from '../helpers';

let corpus: Corpus;
let b: Bridges;

before(async () => {
  b = bridges({ entityFiles: [], folders: [SEEDS], logger: silentLogger });
  ({ corpus } = await openCorpus({ seedsFolder: SEEDS, includeSeeds: true, folders: [] }, silentLogger, b.annotators));
});

const memo = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');
const check = async (text: string) => (await checkMemo(corpus, b.entities, text))!;
const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), ...args], { encoding: 'utf8' });

test('every deliberate error of the English memo is found, on its line, with the memo value located', async () => {
  const text = memo('memo-errors.md');
  const findings = await check(text);
  const wrong = findings.filter((f) => f.verdict !== 'supported');
  assert.deepEqual(
    wrong.map((f) => [f.range.start.line, f.verdict, ...f.conflicts.flatMap((c) => [c.claimValue, c.sourceValue])]),
    [
      [4, 'contradicted', 'June 30', 'July 1'],
      [5, 'contradicted', '$84 million', '$15 billion'],
      [6, 'contradicted', '7 of 10', '6 of 10'],
      [7, 'contradicted', 'three days', 'three weeks'],
      [8, 'contradicted', '10%', '5%'],
      [9, 'contradicted', 'Tom Brown', 'Sarah Heck'],
      [10, 'unsupported'],
      [11, 'unsupported'],
      [12, 'contradicted', 'Google', 'Amazon'],
      [13, 'contradicted', 'three times', 'double'],
    ],
  );
  for (const c of wrong.flatMap((f) => f.conflicts)) {
    assert.equal(textAt(text, c.memoRange!), c.claimValue);
    assert.equal(textAt(readFileSync(c.source.path, 'utf8'), c.sourceRange), c.sourceValue);
  }
  assert.deepEqual(wrong[6].entities.sort(), ['Claude Mythos 5', 'Microsoft', 'US government'].sort());
});

test('every deliberate error of the Japanese memo is found', async () => {
  const findings = await check(memo('memo-errors-ja.md'));
  assert.deepEqual(
    findings.map((f) => [f.verdict, ...f.conflicts.flatMap((c) => [c.claimValue, c.sourceValue])]),
    [
      ['contradicted', '7月1日', '7月8日'],
      ['contradicted', '4 時間以上', '8 時間以上'],
      ['contradicted', '80 億ドル', '150億ドル'],
      ['unsupported'],
    ],
  );
});

test('explanations show Japanese terms as the words of the source, not as bigrams', async () => {
  const findings = await check(memo('memo-errors-ja.md'));
  const spacex = findings[2].explanation;
  assert.match(spacex, /データ/);
  assert.match(spacex, /アクセス/);
  assert.doesNotMatch(spacex, /デー, ータ/);
  // Bigrams that meet in the claim but not in the source stay apart: タスク … クリア.
  assert.doesNotMatch(findings[1].explanation, /タスクリア/);
});

test("explanations show English terms as the source's words, not as stems", async () => {
  const findings = await check(memo('memo-errors.md'));
  const restored = findings.find((f) => f.conflicts.some((c) => c.claimValue === 'June 30'))!;
  assert.match(restored.explanation, /restored, worldwide/);
  assert.doesNotMatch(restored.explanation, /restor,|fabl,/);
});

test('memos that restate the sources faithfully get no contradiction and no unsupported claim', async () => {
  for (const name of ['memo-faithful.md', 'memo-faithful-ja.md']) {
    const findings = await check(memo(name));
    assert.ok(findings.length >= 8, name);
    assert.deepEqual(findings.filter((f) => f.verdict !== 'supported').map((f) => f.claim), [], name);
    assert.ok(findings.every((f) => f.evidence), name);
  }
});

test('headings, code and front matter are not claims; a citation goes before the final period', async () => {
  const findings = await check(memo('memo-faithful.md'));
  assert.ok(!findings.some((f) => /code block|Timeline|what the sources say/.test(f.claim)));
  const cited = findings.find((f) => f.claim.startsWith('Fable access was restored'))!;
  assert.deepEqual(cited.citations, ['[@fable2026return, ¶162]']);
  const first: MemoFinding = findings[0];
  const line = memo('memo-faithful.md').split('\n')[first.citeAt.line];
  assert.equal(line.slice(first.citeAt.character), '.');
});

test('a cancelled check stops between sentences and returns nothing', async () => {
  let pauses = 0;
  const result = await checkMemo(corpus, b.entities, memo('memo-errors.md'), {
    pause: async () => {
      pauses++;
    },
    isCancelled: () => pauses >= 2,
  });
  assert.equal(result, undefined);
  assert.equal(pauses, 2);
});

test('counts and unknown citation keys', async () => {
  assert.deepEqual(countFindings(await check(memo('memo-errors.md'))), { checked: 10, supported: 0, contradicted: 8, unsupported: 2 });
  const keys = new Set(corpus.documents.map((d) => d.catalog.key));
  assert.deepEqual(unknownCitationKeys(memo('memo-faithful.md'), keys), []);
  assert.deepEqual(unknownCitationKeys(memo('memo-errors.md'), keys).map((u) => u.key), ['xbow2027funding']);
});

test('check CLI: findings with their lines, exit 1 on a contradiction, 0 on a faithful memo, 2 on bad input', () => {
  const errors = cli('check', path.join(FIXTURES, 'memo-errors.md'));
  assert.equal(errors.status, 1, errors.stderr);
  assert.match(errors.stdout, /memo-errors\.md:5:4: contradicted: Fable access was restored worldwide on June 30\.\n {2}date: the memo says June 30; 003_b2ed7742a500a503\.txt:171:1 \[original text\] says July 1/);
  assert.match(errors.stdout, /memo-errors\.md:11:4: unsupported: Microsoft agreed/);
  assert.match(errors.stdout, /memo-errors\.md:12:\d+: unknown citation key @xbow2027funding/);
  assert.match(errors.stdout, /10 claims checked: 0 supported, 8 contradicted, 2 unsupported\n$/);

  const faithful = cli('check', '--json', path.join(FIXTURES, 'memo-faithful-ja.md'));
  assert.equal(faithful.status, 0, faithful.stderr);
  const json = JSON.parse(faithful.stdout);
  assert.deepEqual([json.checked, json.contradicted, json.unsupported], [8, 0, 0]);
  assert.equal(json.findings[0].evidence.role, 'original');

  const missing = cli('check', 'no-such-memo.md');
  assert.equal(missing.status, 2);
  assert.equal(missing.stderr, 'ai-policy-claims: cannot read no-such-memo.md: ENOENT\n');
  assert.equal(cli('check').status, 2);
  const dir = writeCorpus('//- memo.md\n---\nbibliography: refs.bib\n---\nText.\n');
  writeFileSync(path.join(dir, 'refs.bib'), '@article{x, title={X}}\n');
  // A BibTeX bibliography cannot be read here: keys go unjudged, the claims are still checked.
  const bib = cli('check', path.join(dir, 'memo.md'));
  assert.equal(bib.status, 0, bib.stderr);
  assert.match(bib.stderr, /^ai-policy-claims: citation keys not checked: .*\n$/);
  assert.match(bib.stdout, /0 claims checked/);
});

test('a zero-width space or soft hyphen inside the memo date does not turn a contradiction into support', async () => {
  for (const date of ['June\u200b 30', 'Ju\u00adne 30']) {
    const text = `The export control order was issued on ${date}.\n`;
    const [finding] = await check(text);
    assert.equal(finding.verdict, 'contradicted', JSON.stringify(date));
    const conflict = finding.conflicts[0];
    assert.equal(conflict.claimValue, date);
    assert.equal(textAt(text, conflict.memoRange!), date, 'the quick fix replaces exactly the written value');
  }
});
