import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx', 'tests/trust/**/*.test.ts'],
    // Property tests use a fixed seed in CI; `npm run fuzz` runs them longer.
    testTimeout: 20_000,
  },
});
