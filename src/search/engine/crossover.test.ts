import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCrossover } from './crossover.ts';

// 1 MCU ← 2 Iron Man, 3 Thor; 4 Harry Potter; 5 Wizarding World ← 4; 6 Comics ← 1 (MCU under Comics)
const PARENTS = new Map<number, number[]>([[2, [1]], [3, [1]], [4, [5]], [1, [6]]]);
const parents = (id: number) => PARENTS.get(id) ?? [];

test('one fandom, or fandoms under a common metatag, is not a crossover', () => {
  assert.equal(isCrossover([], parents), false);
  assert.equal(isCrossover([4], parents), false);
  assert.equal(isCrossover([2, 3, 1, 6], parents), false, 'Iron Man + Thor share MCU');
  assert.equal(isCrossover([1, 2, 6], parents), false, 'MCU + Iron Man: one is the metatag of the other');
});

test('fandoms with no common metatag are a crossover', () => {
  assert.equal(isCrossover([2, 1, 6, 4, 5], parents), true, 'Iron Man + Harry Potter');
  assert.equal(isCrossover([7, 8], parents), true, 'two unrelated fandoms');
});

test('metatag cycles do not loop', () => {
  const cyc = new Map<number, number[]>([[1, [2]], [2, [1]]]);
  assert.equal(isCrossover([1, 2], (id) => cyc.get(id) ?? []), false);
});
