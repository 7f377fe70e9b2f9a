// `npm run bench:popup`: the popup's speed in Chromium (tests/bench/popup.bench.ts), through vitest so that
// the harness and the calendar modules load as TypeScript without a bundling step.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { include: [process.env.BENCH_FILE ?? 'tests/bench/popup.bench.ts'], pool: 'forks', maxWorkers: 1, testTimeout: 300_000, hookTimeout: 300_000 },
});
