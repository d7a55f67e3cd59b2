// The verdict as a learned decision: multinomial logistic regression over the analysis's features
// (analysis.ts), fitted by `npm run train` (test/train.ts) on the training claims and on pairs
// generated from the corpus, never on the sets eval reports. The weights are data (model.json), so
// a reader can see what each feature does, and a retrained model is one file.
import type { Verdict } from '../verdict';
import { FEATURE_NAMES, type Features } from './analysis';
import trained from './model.json';

export interface Model {
  features: string[];
  classes: Verdict[];
  mean: number[];
  std: number[];
  /** One row per class: a weight per feature, then the bias. */
  weights: number[][];
  /** Where the weights came from (sets and counts), for the record. */
  trainedOn?: string;
}

export const VERDICT_MODEL = trained as Model;

export function vector(f: Features): number[] {
  return FEATURE_NAMES.map((name) => f[name]);
}

/** Class probabilities, in `model.classes` order. */
export function probabilities(model: Model, x: number[]): number[] {
  const z = model.weights.map((row) => row.reduce((s, w, i) => s + w * (i < x.length ? (x[i] - model.mean[i]) / model.std[i] : 1), 0));
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

/**
 * What a wrong verdict costs the writer, by [true class][verdict given]. A false "contradicted" on
 * a claim the sources support is the costliest mistake — a writer who gets false warnings turns
 * them off — so it weighs three times a plain error; passing a wrong claim as "supported" is the
 * next worst (the error goes out in the memo), twice a plain error. A product decision, set here
 * once, not fitted: the verdict is the one with the least expected cost.
 */
const COST: Record<Verdict, Record<Verdict, number>> = {
  supported: { supported: 0, contradicted: 3, unsupported: 1 },
  contradicted: { supported: 2, contradicted: 0, unsupported: 1 },
  unsupported: { supported: 1, contradicted: 1, unsupported: 0 },
};

/**
 * The verdict of least expected cost; `contradicted` only when a conflict can be shown (the model
 * may suspect one, but a verdict the writer cannot check is not given).
 */
export function decide(model: Model, f: Features, canShowConflict: boolean): { verdict: Verdict; probability: number } {
  return decideFrom(model.classes, probabilities(model, vector(f)), canShowConflict);
}

export function decideFrom(classes: Verdict[], p: number[], canShowConflict: boolean): { verdict: Verdict; probability: number } {
  const options = classes.filter((c) => c !== 'contradicted' || canShowConflict);
  const cost = (given: Verdict) => classes.reduce((s, truth, i) => s + p[i] * COST[truth][given], 0);
  const verdict = options.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  return { verdict, probability: p[classes.indexOf(verdict)] };
}
