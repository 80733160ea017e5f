import { expect, test } from 'vitest';

test('alone', () => {
  expect(1).toBe(1);
});

test.skip('alone but skipped', () => {});
