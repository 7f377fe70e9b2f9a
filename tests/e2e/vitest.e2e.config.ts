// End-to-end tests: Debian's Chromium with the built extension, against the composer test pages.
// Run: npx vitest run -c tests/e2e/vitest.e2e.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const WORKERS = Math.max(1, Number(process.env.PORTAVOCE_E2E_WORKERS ?? 2));

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    // Builds once, before any file: see global-setup.ts.
    globalSetup: ['tests/e2e/global-setup.ts'],
    // Two files (two browsers) side by side, as many as CI has cores; PORTAVOCE_E2E_WORKERS=1 runs one at a time.
    fileParallelism: WORKERS > 1,
    maxWorkers: WORKERS,
    testTimeout: 60_000,
    // beforeAll may run `wxt build` and bundle the pages.
    hookTimeout: 180_000,
  },
});
