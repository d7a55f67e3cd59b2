// Multinomial logistic regression for the verdict model: full-batch gradient descent on the
// weighted, class-balanced, L2-regularised log loss, over standardised features. Used by
// test/train.ts; small enough to read in one sitting.
import type { Verdict } from '../server/core/verdict';
import { FEATURE_NAMES } from '../server/core/verdict/analysis';
import { probabilities, type Model } from '../server/core/verdict/model';

export const CLASSES: Verdict[] = ['supported', 'contradicted', 'unsupported'];
const L2 = 0.01;
const STEPS = 3000;
const RATE = 0.5;

export interface Example {
  x: number[];
  y: number;
  w: number;
  /** Whether the analysis found a conflict it could show: without one, `contradicted` is never given. */
  showable: boolean;
}

export function fit(data: Example[]): Model {
  const n = FEATURE_NAMES.length;
  const mean = FEATURE_NAMES.map((_, i) => data.reduce((s, e) => s + e.x[i], 0) / data.length);
  const std = FEATURE_NAMES.map((_, i) => Math.sqrt(data.reduce((s, e) => s + (e.x[i] - mean[i]) ** 2, 0) / data.length) || 1);
  const classWeight = CLASSES.map((_, c) => {
    const total = data.filter((e) => e.y === c).reduce((s, e) => s + e.w, 0);
    return total ? data.reduce((s, e) => s + e.w, 0) / (CLASSES.length * total) : 0;
  });
  const weights = CLASSES.map(() => new Array(n + 1).fill(0));
  const model: Model = { features: [...FEATURE_NAMES], classes: CLASSES, mean, std, weights };
  const totalWeight = data.reduce((s, e) => s + e.w * classWeight[e.y], 0);
  for (let step = 0; step < STEPS; step++) {
    const grad = CLASSES.map(() => new Array(n + 1).fill(0));
    for (const e of data) {
      const p = probabilities(model, e.x);
      const w = e.w * classWeight[e.y];
      for (let c = 0; c < CLASSES.length; c++) {
        const g = (p[c] - (c === e.y ? 1 : 0)) * w;
        for (let i = 0; i < n; i++) grad[c][i] += g * ((e.x[i] - mean[i]) / std[i]);
        grad[c][n] += g;
      }
    }
    for (let c = 0; c < CLASSES.length; c++) {
      for (let i = 0; i <= n; i++) weights[c][i] -= RATE * (grad[c][i] / totalWeight + (i < n ? L2 * weights[c][i] : 0));
    }
  }
  return model;
}

