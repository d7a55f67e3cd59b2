import assert from 'node:assert/strict';
import { test } from 'node:test';
import { append } from '../../server/core/arrays';
import { passageTokens } from '../../server/core/corpus';

test('append adds any number of items, in order', () => {
  const target = [1, 2];
  assert.equal(append(target, [3, 4]), target);
  assert.deepEqual(target, [1, 2, 3, 4]);
  assert.equal(append([], new Array(500_000).fill(0)).length, 500_000);
});

test('an annotator that returns 500,000 tokens for one passage does not overflow the call stack', () => {
  const tokens = passageTokens('Mythos', [() => new Array(500_000).fill('@x')]);
  assert.equal(tokens.length, 500_001);
});
