// `npm run eval`: retrieval and verdict quality on the dev set, beside fuse.js alone, with the
// per-kind verdict accuracy, the features the verdict thresholds were calibrated on, and the
// sample memos (deliberate errors found, false warnings on faithful memos). `npm run eval -- FILE`
// reports the same on another claim set in the dev set's format (gold quotes from the seeds).
// Recall@k: a claim counts when a gold passage overlaps one of the top k results.
import Fuse from 'fuse.js';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bridges } from '../server/bridges';
import { checkMemo } from '../server/core/check';
import type { Corpus } from '../server/core/corpus';
import type { EntityCatalog } from '../server/core/entities';
import { findSources } from '../server/core/findSources';
import { rankPassages } from '../server/core/retrieval';
import { CLEAR_SUPPORT, SAME_EVENT_SUBJECT, SUPPORT_COVERAGE, SUPPORT_EVENT } from '../server/core/verdict';
import { echoes, evidenceUnits } from '../server/core/verdict/evidence';
import { claimTerms } from '../server/core/verdict/terms';
import { openCorpus } from '../server/core/openCorpus';
import { silentLogger, type Range } from '../server/core/types';
import { devClaims, FIXTURES, overlapsQuote, SEEDS, type DevClaim } from './helpers';

/** fuse.js alone: `supported` when its best score is at most this (0 = exact, 1 = nothing). */
const FUSE_SUPPORT_SCORE = 0.35;

const EXPECTED = { support: 'supported', contradict: 'contradicted', unsupported: 'unsupported' } as const;

interface Row {
  claim: DevClaim;
  ranks: Array<{ doc: string; range: Range }>;
  verdict: string;
  ms: number;
}

function firstGoldRank(row: Row): number {
  const content = (doc: string) => readFileSync(path.join(SEEDS, doc), 'utf8');
  return row.ranks.findIndex((r) => row.claim.gold.some((g) => g.doc === r.doc && overlapsQuote(content(r.doc), r.range, g.quote)));
}

function summarise(rows: Row[]) {
  const withGold = rows.filter((r) => r.claim.gold.length);
  const ranks = withGold.map(firstGoldRank);
  const at = (k: number) => ranks.filter((r) => r >= 0 && r < k).length / withGold.length;
  const accuracy = (kind?: DevClaim['kind']) => {
    const subset = rows.filter((r) => !kind || r.claim.kind === kind);
    return subset.filter((r) => r.verdict === EXPECTED[r.claim.kind]).length / (subset.length || 1);
  };
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    'recall@1': at(1),
    'recall@5': at(5),
    'MRR@5': ranks.reduce((s, r) => s + (r >= 0 && r < 5 ? 1 / (r + 1) : 0), 0) / withGold.length,
    'verdict accuracy': accuracy(),
    '  support → supported': accuracy('support'),
    '  contradict → contradicted': accuracy('contradict'),
    '  unsupported → unsupported': accuracy('unsupported'),
    'p50 ms / claim': ms[Math.floor(ms.length / 2)],
  };
}

async function main() {
  // `npm run eval -- FILE`: another claim set in the dev set's format, over the seeds.
  const file = process.argv[2];
  const claims = devClaims(file ? path.resolve(file) : undefined);
  const started = performance.now();
  const b = bridges({ entityFiles: [], folders: [SEEDS], logger: silentLogger });
  const { corpus } = await openCorpus({ seedsFolder: SEEDS, includeSeeds: true, folders: [] }, silentLogger, b.annotators);
  const indexMs = performance.now() - started;

  const ours: Row[] = claims.map((claim) => {
    const t = performance.now();
    const result = findSources(corpus, claim.claim, { top: 5, entities: b.entities });
    return { claim, ranks: result.sources.map((s) => ({ doc: s.doc, range: s.range })), verdict: result.verdict, ms: performance.now() - t };
  });

  const sentences = corpus.claims();
  const fuse = new Fuse(sentences, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  const baseline: Row[] = claims.map((claim) => {
    const t = performance.now();
    const hits = fuse.search(claim.claim, { limit: 5 });
    const best = hits[0]?.score ?? 1;
    return {
      claim,
      ranks: hits.map((h) => ({ doc: corpus.documents[h.item.doc].name, range: h.item.range })),
      verdict: best <= FUSE_SUPPORT_SCORE ? 'supported' : 'unsupported',
      ms: performance.now() - t,
    };
  });

  const a = summarise(ours);
  const f = summarise(baseline);
  const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
  const cell = (k: string, v: number) => (k.includes('ms') ? v.toFixed(1) : k === 'MRR@5' ? v.toFixed(2) : pct(v));
  console.log(`${file ?? 'Dev set'}: ${claims.length} claims; corpus ${corpus.documents.length} documents, ${corpus.passages.length} passages, indexed in ${indexMs.toFixed(0)} ms\n`);
  console.log('| metric | ai-policy-claims | fuse.js alone |');
  console.log('| --- | --- | --- |');
  for (const k of Object.keys(a) as Array<keyof typeof a>) console.log(`| ${k} | ${cell(k, a[k])} | ${cell(k, f[k])} |`);
  console.log('\nPer claim (ours): id kind → verdict, first gold rank');
  for (const r of ours) console.log(`  ${r.claim.id} ${r.claim.kind.padEnd(11)} → ${r.verdict.padEnd(12)} gold@${firstGoldRank(r) + 1 || '-'}`);
  calibration(corpus, b.entities, claims);
  if (!file) await memoReport(corpus, b.entities);
}

/**
 * The features the thresholds were chosen on: the best evidence unit's coverage (share of the
 * claim's idf-weighted terms), its event share (terms that are neither names nor values) and
 * how many other passages hold the same matched terms (echoes: background, not the claim).
 */
function calibration(corpus: Corpus, entities: EntityCatalog, claims: DevClaim[]) {
  console.log(`\nThresholds: support coverage ≥ ${SUPPORT_COVERAGE}, event share ≥ ${SUPPORT_EVENT}, at most 1 echo below coverage ${CLEAR_SUPPORT}; same event: names+terms ≥ ${SAME_EVENT_SUBJECT}`);
  console.log('Best unit per claim: coverage / event share / echoes');
  for (const c of claims) {
    const terms = claimTerms(corpus, c.claim, entities);
    const units = evidenceUnits(corpus, rankPassages(corpus, c.claim, { top: 10 }), terms);
    const best = [...units].sort((x, y) => y.coverage - x.coverage)[0];
    if (!best) continue;
    console.log(`  ${c.id} ${c.kind.padEnd(11)} ${best.coverage.toFixed(2)} / ${best.event.toFixed(2)} / ${echoes(corpus, best)}`);
  }
}

/** The sample memos: each deliberate error must be found; faithful memos must get no finding. */
async function memoReport(corpus: Corpus, entities: EntityCatalog) {
  console.log('\nSample memos (test/fixtures): findings that are not `supported`');
  for (const name of ['memo-errors.md', 'memo-errors-ja.md', 'memo-faithful.md', 'memo-faithful-ja.md']) {
    const findings = (await checkMemo(corpus, entities, readFileSync(path.join(FIXTURES, name), 'utf8')))!;
    const flagged = findings.filter((f) => f.verdict !== 'supported');
    const contradicted = flagged.filter((f) => f.verdict === 'contradicted').length;
    console.log(`  ${name.padEnd(20)} ${findings.length} claims: ${contradicted} contradicted, ${flagged.length - contradicted} unsupported`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
