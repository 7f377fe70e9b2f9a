// End-to-end tests: Debian's Chromium with the built extension, against the composer test pages.
// Run: npx vitest run -c tests/e2e/vitest.e2e.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    // One browser at a time: files run one after another in a single worker.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    // beforeAll may run `wxt build` and bundle the pages.
    hookTimeout: 180_000,
  },
});
