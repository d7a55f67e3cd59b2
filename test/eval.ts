// `npm run eval`: retrieval and verdict quality on every claim set, each with its confusion matrix
// and its cross-language figures, beside fuse.js alone; then the sample memos (deliberate errors
// found, false warnings on faithful memos). `npm run eval -- FILE [--corpus DIR] [--no-seeds]`
// reports one claim set in the dev set's format over another corpus (gold docs relative to it);
// `--no-fuse` leaves the (slow) fuse.js column out.
// Recall@k: a claim counts when a gold passage overlaps one of the top k results.
// Which set is for what: test/fixtures/train/ holds the verdict model's training sets (its first file
// is reported last, as a training fit); every other set here is only measured, never trained on.
import Fuse from 'fuse.js';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { checkMemo } from '../server/core/check';
import type { Corpus } from '../server/core/corpus';
import type { EntityCatalog } from '../server/core/entities';
import { findSources } from '../server/core/findSources';
import type { Range } from '../server/core/types';
import { devClaims, FIXTURES, openCorpusWith, overlapsQuote, ROOT, type DevClaim } from './helpers';

/** fuse.js alone: `supported` when its best score is at most this (0 = exact, 1 = nothing). */
const FUSE_SUPPORT_SCORE = 0.35;

const EXPECTED = { support: 'supported', contradict: 'contradicted', unsupported: 'unsupported' } as const;
const VERDICTS = ['supported', 'contradicted', 'unsupported'] as const;

/** The sets `npm run eval` reports by default, with the corpus each is about. */
const SETS: Array<{ file: string; folders?: string[]; seeds?: boolean }> = [
  { file: path.join(FIXTURES, 'claims.jsonl') },
  { file: path.join(ROOT, '..', 'shared', 'dev-eval', 'claims-v2.jsonl') },
  { file: path.join(FIXTURES, 'claims-heldout.jsonl') },
  { file: path.join(FIXTURES, 'claims-heldout2.jsonl') },
  { file: path.join(FIXTURES, 'claims-heldout3.jsonl') },
  { file: path.join(FIXTURES, 'claims-heldout4.jsonl') },
  { file: path.join(FIXTURES, 'claims-heldout5.jsonl') },
  { file: path.join(FIXTURES, 'claims-heldout6.jsonl') },
  { file: path.join(FIXTURES, 'unseen', 'claims.jsonl'), folders: [path.join(FIXTURES, 'unseen', 'articles')], seeds: false },
  { file: path.join(FIXTURES, 'train', 'claims-train.jsonl') },
];

interface Row {
  claim: DevClaim;
  ranks: Array<{ path: string; range: Range }>;
  verdict: string;
  ms: number;
  /** Kinds of the conflicts shown (ours only). */
  conflicts?: string[];
}

const isXling = (c: DevClaim) => /\[xling\]/.test(c.expect ?? '');

function firstGoldRank(row: Row): number {
  const content = (file: string) => readFileSync(file, 'utf8');
  return row.ranks.findIndex((r) =>
    row.claim.gold.some((g) => r.path.endsWith(path.sep + g.doc) && overlapsQuote(content(r.path), r.range, g.quote)),
  );
}

function summarise(rows: Row[]) {
  const withGold = rows.filter((r) => r.claim.gold.length);
  const ranks = new Map(withGold.map((r) => [r, firstGoldRank(r)]));
  const at = (k: number, subset = withGold) => subset.filter((r) => ranks.get(r)! >= 0 && ranks.get(r)! < k).length / (subset.length || 1);
  const right = (subset: Row[]) => subset.filter((r) => r.verdict === EXPECTED[r.claim.kind]).length / (subset.length || 1);
  const kind = (k: DevClaim['kind']) => rows.filter((r) => r.claim.kind === k);
  const xling = withGold.filter((r) => isXling(r.claim));
  const ms = rows.map((r) => r.ms).sort((a, b) => a - b);
  return {
    'recall@1': at(1),
    'recall@5': at(5),
    'MRR@5': [...ranks.values()].reduce((s, r) => s + (r >= 0 && r < 5 ? 1 / (r + 1) : 0), 0) / (withGold.length || 1),
    'verdict accuracy': right(rows),
    '  support → supported': right(kind('support')),
    '  contradict → contradicted': right(kind('contradict')),
    '  unsupported → unsupported': right(kind('unsupported')),
    'balanced accuracy': (right(kind('support')) + right(kind('contradict')) + right(kind('unsupported'))) / 3,
    [`cross-language (${xling.length}): source in top 5`]: at(5, xling),
    [`cross-language (${xling.length}): verdict right`]: right(xling),
    'p50 ms / claim': ms[Math.floor(ms.length / 2)],
    'p95 ms / claim': ms[Math.floor(ms.length * 0.95)],
  };
}

function confusion(rows: Row[]): string[] {
  const out = ['| expected ↓ / verdict → | supported | contradicted | unsupported |', '| --- | --- | --- | --- |'];
  for (const kind of ['support', 'contradict', 'unsupported'] as const) {
    const subset = rows.filter((r) => r.claim.kind === kind);
    out.push(`| ${kind} (${subset.length}) | ${VERDICTS.map((v) => subset.filter((r) => r.verdict === v).length).join(' | ')} |`);
  }
  return out;
}

async function evaluate(file: string, folders: string[], seeds: boolean, perClaim: boolean, withFuse: boolean) {
  const claims = devClaims(file);
  const started = performance.now();
  const { corpus, b } = await openCorpusWith(folders, seeds);
  const indexMs = performance.now() - started;

  const ours: Row[] = claims.map((claim) => {
    const t = performance.now();
    const result = findSources(corpus, claim.claim, { top: 5, entities: b.entities });
    return { claim, ranks: result.sources.map((s) => ({ path: s.path, range: s.range })), verdict: result.verdict, ms: performance.now() - t, conflicts: result.conflicts.map((c) => c.kind) };
  });

  const sentences = withFuse ? corpus.claims() : [];
  const fuse = new Fuse(sentences, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.6 });
  const baseline: Row[] = claims.map((claim) => {
    const t = performance.now();
    const hits = fuse.search(claim.claim, { limit: 5 });
    const best = hits[0]?.score ?? 1;
    return {
      claim,
      ranks: hits.map((h) => ({ path: corpus.documents[h.item.doc].path, range: h.item.range })),
      verdict: best <= FUSE_SUPPORT_SCORE ? 'supported' : 'unsupported',
      ms: performance.now() - t,
    };
  });

  const a = summarise(ours);
  const f = summarise(baseline);
  const pct = (v: number) => `${(v * 100).toFixed(0)}%`;
  const cell = (k: string, v: number) => (k.includes('ms') ? v.toFixed(1) : k === 'MRR@5' ? v.toFixed(2) : pct(v));
  console.log(`\n## ${path.relative(process.cwd(), file)}: ${claims.length} claims; corpus ${corpus.documents.length} documents, ${corpus.passages.length} passages, indexed in ${indexMs.toFixed(0)} ms\n`);
  console.log('| metric | ai-policy-claims | fuse.js alone |');
  console.log('| --- | --- | --- |');
  for (const [k, v] of Object.entries(a)) console.log(`| ${k} | ${cell(k, v)} | ${cell(k, (f as Record<string, number>)[k])} |`);
  console.log('');
  for (const line of confusion(ours)) console.log(line);
  if (perClaim) {
    console.log('\nPer claim (ours): id kind → verdict, first gold rank');
    for (const r of ours) {
      const tags = (r.claim.expect ?? '').match(/\[[a-z-]+(?::\d+)?\]/g)?.join('') ?? '';
      console.log(`  ${r.claim.id} ${r.claim.kind.padEnd(11)} → ${r.verdict.padEnd(12)} gold@${String(firstGoldRank(r) + 1 || '-').padEnd(2)} ${r.conflicts?.join(',') ?? ''} ${tags}`);
    }
  }
  return { corpus, entities: b.entities };
}

/** The sample memos: each deliberate error must be found; faithful memos must get no finding. */
async function memoReport(corpus: Corpus, entities: EntityCatalog) {
  console.log('\n## Sample memos (test/fixtures): findings that are not `supported`\n');
  for (const name of ['memo-errors.md', 'memo-errors-ja.md', 'memo-faithful.md', 'memo-faithful-ja.md']) {
    const findings = (await checkMemo(corpus, entities, readFileSync(path.join(FIXTURES, name), 'utf8')))!;
    const flagged = findings.filter((f) => f.verdict !== 'supported');
    const contradicted = flagged.filter((f) => f.verdict === 'contradicted').length;
    console.log(`  ${name.padEnd(20)} ${findings.length} claims: ${contradicted} contradicted, ${flagged.length - contradicted} unsupported`);
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { corpus: { type: 'string', multiple: true }, 'no-seeds': { type: 'boolean' }, 'per-claim': { type: 'boolean' }, 'no-fuse': { type: 'boolean' } },
  });
  if (positionals.length) {
    for (const file of positionals) await evaluate(path.resolve(file), (values.corpus ?? []).map((d) => path.resolve(d)), !values['no-seeds'], values['per-claim'] ?? true, !values['no-fuse']);
    return;
  }
  let seeds: { corpus: Corpus; entities: EntityCatalog } | undefined;
  for (const set of SETS) {
    if (!existsSync(set.file)) continue;
    const opened = await evaluate(set.file, set.folders ?? [], set.seeds ?? true, values['per-claim'] ?? false, !values['no-fuse']);
    if (set.seeds ?? true) seeds ??= opened;
  }
  if (seeds) await memoReport(seeds.corpus, seeds.entities);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
