// `npm run eval`: retrieval and verdict quality on the dev set, beside fuse.js alone.
// Recall@k: a claim counts when a gold passage overlaps one of the top k results.
import Fuse from 'fuse.js';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { bridges } from '../server/bridges';
import { findSources } from '../server/core/findSources';
import { openCorpus } from '../server/core/openCorpus';
import { silentLogger, type Range } from '../server/core/types';
import { devClaims, overlapsQuote, SEEDS, type DevClaim } from './helpers';

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
  const claims = devClaims();
  const started = performance.now();
  const b = bridges({ entityFiles: [], folders: [SEEDS], logger: silentLogger });
  const { corpus } = await openCorpus({ seedsFolder: SEEDS, includeSeeds: true, folders: [] }, silentLogger, b.annotators);
  const indexMs = performance.now() - started;

  const ours: Row[] = claims.map((claim) => {
    const t = performance.now();
    const result = findSources(corpus, claim.claim, { top: 5 });
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
  console.log(`Dev set: ${claims.length} claims; corpus ${corpus.documents.length} documents, ${corpus.passages.length} passages, indexed in ${indexMs.toFixed(0)} ms\n`);
  console.log('| metric | ai-policy-claims | fuse.js alone |');
  console.log('| --- | --- | --- |');
  for (const k of Object.keys(a) as Array<keyof typeof a>) console.log(`| ${k} | ${cell(k, a[k])} | ${cell(k, f[k])} |`);
  console.log('\nPer claim (ours): id kind → verdict, first gold rank');
  for (const r of ours) console.log(`  ${r.claim.id} ${r.claim.kind.padEnd(11)} → ${r.verdict.padEnd(12)} gold@${firstGoldRank(r) + 1 || '-'}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
