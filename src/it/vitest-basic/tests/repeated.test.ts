import { describe, expect, it, test } from 'vitest';

// Repeated names (SPEC 7.2): each listing is its own test, `[#k]` from the second on.
for (const n of [1, 2]) {
  test('loop', () => {
    expect(n).toBeGreaterThan(0);
  });
}

test.each([{ a: 1 }, { a: 2 }])('object', ({ a }) => {
  expect(a).toBeGreaterThan(0);
});

it.todo('todo later');

describe.skip('off', () => {
  test('inside', () => {});
});
