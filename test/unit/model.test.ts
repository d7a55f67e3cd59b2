// The verdict model: the decision rule (least expected cost; contradicted only with a conflict to
// show), and the training script's fit on data it must be able to separate.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FEATURE_NAMES } from '../../server/core/verdict/analysis';
import { decideFrom, probabilities, VERDICT_MODEL } from '../../server/core/verdict/model';
import { fit } from '../fit';

const CLASSES = ['supported', 'contradicted', 'unsupported'] as const;

test('decision: a false "contradicted" costs most, so a near tie with support is not a contradiction', () => {
  // Expected costs: supported 1.1, contradicted 1.35, unsupported 1.0 — "no source", not a warning.
  assert.equal(decideFrom([...CLASSES], [0.45, 0.55, 0], true).verdict, 'unsupported');
  assert.equal(decideFrom([...CLASSES], [0.8, 0.15, 0.05], true).verdict, 'supported');
  assert.equal(decideFrom([...CLASSES], [0.1, 0.85, 0.05], true).verdict, 'contradicted');
  assert.equal(decideFrom([...CLASSES], [0.1, 0.85, 0.05], false).verdict, 'unsupported', 'no conflict to show');
  assert.equal(decideFrom([...CLASSES], [0.2, 0, 0.8], false).verdict, 'unsupported');
});

test('the shipped model has a weight per feature and says what it was trained on', () => {
  assert.deepEqual(VERDICT_MODEL.features, FEATURE_NAMES);
  assert.equal(VERDICT_MODEL.weights.length, 3);
  for (const row of VERDICT_MODEL.weights) assert.equal(row.length, FEATURE_NAMES.length + 1);
  assert.match(VERDICT_MODEL.trainedOn ?? '', /hand-written claims/);
  // Sanity of direction: more of the claim found means more support, a value conflict more contradiction.
  const base = FEATURE_NAMES.map(() => 0.5);
  const at = (name: string, v: number) => base.map((x, i) => (FEATURE_NAMES[i] === name ? v : x));
  assert.ok(probabilities(VERDICT_MODEL, at('meaningCoverage', 1))[0] > probabilities(VERDICT_MODEL, at('meaningCoverage', 0))[0]);
  assert.ok(probabilities(VERDICT_MODEL, at('factConflict', 1))[1] > probabilities(VERDICT_MODEL, at('factConflict', 0))[1]);
});

test('training: the fit separates classes that its features separate', () => {
  const n = FEATURE_NAMES.length;
  const data = [];
  for (let i = 0; i < 90; i++) {
    const y = i % 3;
    const x = new Array(n).fill(0).map((_, k) => ((i * 7 + k * 13) % 10) / 40);
    x[0] += y === 0 ? 1 : 0;
    x[1] += y === 1 ? 1 : 0;
    x[2] += y === 2 ? 1 : 0;
    data.push({ x, y, w: 1, showable: true });
  }
  const model = fit(data);
  const right = data.filter((e) => {
    const p = probabilities(model, e.x);
    return p.indexOf(Math.max(...p)) === e.y;
  }).length;
  assert.ok(right >= 85, `${right}/90`);
});
