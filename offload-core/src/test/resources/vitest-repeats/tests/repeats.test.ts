// Repeated names and skips as real suites have them (SPEC 7.2): loops, test.each over objects, skip, todo.
import { describe, expect, it, test } from 'vitest';
import { existsSync, writeFileSync } from 'node:fs';

for (const n of [1, 2, 3]) {
  test('loop', () => {
    expect(n).toBeGreaterThan(0);
  });
}

// Only the second listing fails, and only on its first run (a marker file in the project): it alone is flaky.
for (const n of [1, 2]) {
  test('flaky loop', () => {
    if (n === 2 && !existsSync('flaky-marker')) {
      writeFileSync('flaky-marker', '');
      throw new Error('first run of the second listing');
    }
  });
}

test.each([{ a: 1 }, { a: 2 }])('object $a', ({ a }) => {
  expect(a).toBeGreaterThan(0);
});

// Objects whose titles print alike: the second always fails.
test.each([{ a: 1 }, { a: 2 }])('same title', ({ a }) => {
  expect(a).toBeLessThan(2);
});

it.skip('skipped one', () => {});
it.todo('todo one');

describe.skip('off', () => {
  test('inside', () => {});
  test('inside', () => {});
});

test.skip('loop', () => {});

test('skips itself', (ctx) => {
  ctx.skip();
});
