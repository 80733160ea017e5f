import { describe, expect, test } from 'vitest';

test('adds', () => {
  expect(1 + 2).toBe(3);
});

test('fails on purpose', () => {
  expect(2 * 2).toBe(5);
});

describe('outer', () => {
  describe('inner', () => {
    test('nested works', () => {
      expect('a'.toUpperCase()).toBe('A');
    });
  });
});

test.each([
  [1, 1, 2],
  [2, 3, 5],
])('sum(%i, %i) = %i', (a, b, sum) => {
  expect(a + b).toBe(sum);
});

test('quotes \' and " and a > b (x|y) $1 [z]', () => {
  expect(true).toBe(true);
});

test.skip('skipped test', () => {
  expect(true).toBe(false);
});
