// `npm run train`: fits the verdict model (server/core/verdict/model.json) — multinomial logistic
// regression over the analysis's features — on the training claims (test/fixtures/train/: claims
// about the seeds and about a folder of other articles, written for training only) plus pairs
// generated from those corpora (test/generate.ts), as far as cross-validation finds they help. The
// sets that `npm run eval` reports are never read here. `--corpus DIR` (repeatable) and
// `--no-seeds` train on a user's own folders instead, with `--claims FILE` for hand-written claims
// about them (without any, on generated pairs alone); `--out FILE` writes the model elsewhere;
// `--no-generated` fits on the hand-written claims alone (quicker, for trying a feature).
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import type { Corpus } from '../server/core/corpus';
import type { EntityCatalog } from '../server/core/entities';
import { rankPassages } from '../server/core/retrieval';
import type { Verdict } from '../server/core/verdict';
import { analyse, FEATURE_NAMES } from '../server/core/verdict/analysis';
import { decideFrom, probabilities, vector, type Model } from '../server/core/verdict/model';
import { fit, type Example } from './fit';
import { generatePairs, type Pair } from './generate';
import { FIXTURES, openCorpusWith, ROOT } from './helpers';

import { CLASSES } from './fit';

interface TrainingSet {
  claims: string[];
  folders: string[];
  seeds: boolean;
}

/** Written for training only, by people who never saw the code; none is a set eval reports. */
const TRAIN = path.join(FIXTURES, 'train');
const TRAINING_SETS: TrainingSet[] = [
  { claims: ['claims-train.jsonl', 'claims-train-a.jsonl', 'claims-train-b.jsonl', 'claims-train-c.jsonl'].map((f) => path.join(TRAIN, f)).filter((f) => existsSync(f)), folders: [], seeds: true },
  { claims: [path.join(TRAIN, 'claims-articles.jsonl')], folders: [path.join(TRAIN, 'articles')], seeds: false },
];
const LABEL = { support: 'supported', contradict: 'contradicted', unsupported: 'unsupported' } as const;
/** A hand-written claim's weight: the unit the generated pairs' weight is relative to. */
const HAND_WEIGHT = 1;
/** Weights of a generated pair, relative to a hand-written claim's 1, that cross-validation chooses among. */
const GENERATED_WEIGHTS = [0, 0.1, 0.25, 0.5, 1];


function examples(corpus: Corpus, entities: EntityCatalog, items: Array<{ claim: string; label: Verdict; exclude?: number[]; weight: number }>): Example[] {
  return items.map((it) => {
    const ranked = rankPassages(corpus, it.claim, { top: 10, exclude: it.exclude });
    const a = analyse(corpus, it.claim, ranked, entities, new Set(it.exclude ?? []));
    const showable = a.factConflicts.length + a.actorConflicts.length + a.slotConflicts.length > 0;
    return { x: vector(a.features), y: CLASSES.indexOf(it.label), w: it.weight, showable };
  });
}

/** Accuracy of the verdict rule (contradicted only with a conflict to show) over 5 folds of `hand`. */
function crossValidate(hand: Example[], extra: Example[], weight: number): number {
  const FOLDS = 5;
  let right = 0;
  const matrix = CLASSES.map(() => CLASSES.map(() => 0));
  for (let k = 0; k < FOLDS; k++) {
    const train = hand.filter((_, i) => i % FOLDS !== k && (hand[i].y !== CLASSES.indexOf('contradicted') || hand[i].showable));
    const model = fit([...train, ...extra]);
    for (const e of hand.filter((_, i) => i % FOLDS === k)) {
      const given = predict(model, e);
      matrix[e.y][given]++;
      if (given === e.y) right++;
    }
  }
  const accuracy = right / hand.length;
  // The rows say what each class was called (the false alarms, supported → contradicted, first).
  const rows = CLASSES.map((c, i) => `${c} ${matrix[i].join('/')}`).join(', ');
  console.log(`cross-validated on ${hand.length} hand-written claims${extra.length ? ` with ${extra.length} generated pairs at weight ${weight}` : ' alone'}: ${(100 * accuracy).toFixed(1)}% (${rows})`);
  return accuracy;
}

function predict(model: Model, e: Example): number {
  return CLASSES.indexOf(decideFrom(CLASSES, probabilities(model, e.x), e.showable).verdict);
}

function report(model: Model, data: Example[], label: string) {
  const matrix = CLASSES.map(() => CLASSES.map(() => 0));
  for (const e of data) matrix[e.y][predict(model, e)]++;
  const right = matrix.reduce((s, row, i) => s + row[i], 0);
  console.log(`${label}: ${right}/${data.length} right (${((100 * right) / data.length).toFixed(0)}%); rows expected, columns predicted (${CLASSES.join(', ')})`);
  for (let i = 0; i < CLASSES.length; i++) console.log(`  ${CLASSES[i].padEnd(12)} ${matrix[i].join('  ')}`);
}

async function main() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string', multiple: true },
      'no-seeds': { type: 'boolean' },
      claims: { type: 'string', multiple: true },
      out: { type: 'string' },
      seed: { type: 'string' },
      'no-generated': { type: 'boolean' },
    },
  });
  // Each training set is judged over its own corpus: the seeds, or a folder of other articles.
  const sets: TrainingSet[] = values.corpus?.length || values['no-seeds']
    ? [{ claims: values.claims ?? [], folders: (values.corpus ?? []).map((d) => path.resolve(d)), seeds: !values['no-seeds'] }]
    : TRAINING_SETS;
  const handData: Example[] = [];
  const genData: Example[] = [];
  const generated: Pair[] = [];
  let handCount = 0;
  for (const set of sets) {
    const { corpus, b } = await openCorpusWith(set.folders, set.seeds);
    const hand = set.claims.flatMap((f) => readFileSync(f, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { claim: string; kind: keyof typeof LABEL }));
    handCount += hand.length;
    handData.push(...examples(corpus, b.entities, hand.map((h) => ({ claim: h.claim, label: LABEL[h.kind], weight: HAND_WEIGHT }))));
    const pairs = values['no-generated'] ? [] : generatePairs(corpus, b.entities, Number(values.seed ?? 1));
    generated.push(...pairs);
    genData.push(...examples(corpus, b.entities, pairs.map((g) => ({ claim: g.claim, label: g.label, exclude: g.exclude, weight: 1 }))));
  }
  const counts = new Map<string, number>();
  for (const g of generated) counts.set(g.how, (counts.get(g.how) ?? 0) + 1);
  const claimFiles = sets.flatMap((s) => s.claims);
  console.log(`training on ${handCount} hand-written claims (${claimFiles.map((f) => path.relative(ROOT, f)).join(', ') || 'none'}) and ${generated.length} generated pairs (${[...counts].map(([k, v]) => `${k} ${v}`).join(', ')})`);
  // The verdict says `contradicted` only with a conflict to show (model.ts), so a contradiction
  // the analysis found no conflict for teaches nothing the model can act on: it would only teach
  // that a claim without any conflict may be contradicted. Those are left out of the fit.
  const feasible = (e: Example) => e.y !== CLASSES.indexOf('contradicted') || e.showable;
  const all = [...handData, ...genData];
  console.log(`left out: ${all.filter((e) => !feasible(e)).length} contradictions with no conflict found (${handData.filter((e) => !feasible(e)).length} hand-written)`);
  // Whether the generated pairs help is decided by 5-fold cross-validation on the hand-written
  // claims (the generated pairs join every training fold), never by the sets eval reports.
  // How much a generated pair counts (0 = left out) is chosen the same way.
  const scaled = (g: number) => genData.filter(feasible).map((e) => ({ ...e, w: e.w * g }));
  let generatedWeight = 1;
  if (handData.length) {
    let bestScore = -1;
    for (const g of genData.length ? GENERATED_WEIGHTS : [0]) {
      const score = crossValidate(handData, g ? scaled(g) : [], g);
      if (score > bestScore) [bestScore, generatedWeight] = [score, g];
    }
  }
  const withGenerated = generatedWeight > 0 && genData.length > 0;
  const model = fit([...handData.filter(feasible), ...(withGenerated ? scaled(generatedWeight) : [])]);
  model.trainedOn = `${handCount} hand-written claims (${claimFiles.map((f) => path.basename(f)).join(', ') || 'none'})${withGenerated ? ` and, at weight ${generatedWeight} each, ${generated.length} pairs generated from the training corpora` : ' (generated pairs left out: they lowered cross-validated accuracy)'}`;
  report(model, handData, 'hand-written (training fit)');
  report(model, genData, 'generated (training fit)');
  for (const how of counts.keys()) report(model, genData.filter((_, i) => generated[i].how === how), `  generated: ${how}`);
  console.log('weights (supported / contradicted / unsupported, on standardised features):');
  for (let i = 0; i <= FEATURE_NAMES.length; i++) {
    console.log(`  ${(FEATURE_NAMES[i] ?? 'bias').padEnd(16)} ${model.weights.map((row) => row[i].toFixed(2).padStart(6)).join(' ')}`);
  }
  const out = values.out ? path.resolve(values.out) : path.join(ROOT, 'server', 'core', 'verdict', 'model.json');
  const rounded = { ...model, mean: model.mean.map(round), std: model.std.map(round), weights: model.weights.map((r) => r.map(round)) };
  writeFileSync(out + '.tmp', JSON.stringify(rounded, null, 1) + '\n');
  renameSync(out + '.tmp', out);
  console.log(`wrote ${path.relative(process.cwd(), out)}`);
}

const round = (v: number) => Math.round(v * 10000) / 10000;

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
