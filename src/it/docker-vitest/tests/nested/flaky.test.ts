import { existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';

// Fails on the first attempt of a run, passes on the retry: the marker is keyed by OFFLOAD_RUN_ID.
test('flaky once', () => {
  const marker = join(tmpdir(), `offload-it-vitest-flaky-${process.env.OFFLOAD_RUN_ID ?? 'none'}`);
  if (!existsSync(marker)) {
    writeFileSync(marker, 'first attempt failed\n');
    throw new Error('first attempt fails on purpose');
  }
  expect(existsSync(marker)).toBe(true);
});
