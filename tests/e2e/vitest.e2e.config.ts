// End-to-end tests: Debian's Chromium with the built extension, against the composer test pages.
// Run: npx vitest run -c tests/e2e/vitest.e2e.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const WORKERS = Math.max(1, Number(process.env.PORTAVOCE_E2E_WORKERS ?? 2));
/** Files that assert a time: they run alone, after the others, so no second browser shares the cores. */
const TIMED = ['tests/e2e/composer-lifecycle.e2e.test.ts', 'tests/e2e/composer-engine.e2e.test.ts'];

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    pool: 'forks',
    // Builds once, before any file: see global-setup.ts.
    globalSetup: ['tests/e2e/global-setup.ts'],
    testTimeout: 60_000,
    // beforeAll may run `wxt build` and bundle the pages.
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'side-by-side',
          include: ['tests/e2e/**/*.e2e.test.ts'],
          exclude: TIMED,
          // Two files (two browsers) side by side, as many as CI has cores; PORTAVOCE_E2E_WORKERS=1 runs one at a time.
          fileParallelism: WORKERS > 1,
          maxWorkers: WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'timed', include: TIMED, fileParallelism: false, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
