import { defineConfig } from 'vitest/config';

/**
 * The pure core's tests alone, in Node, for `npm run mutation` (stryker.config.mjs): no React
 * plugin and no DOM, so each mutant's test run starts fast.
 */
export default defineConfig({
  test: {
    // MUTATION_TESTS narrows a quick run of one area to its own tests (a lower bound on its score).
    include: [process.env.MUTATION_TESTS ?? 'src/core/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['src/testing/mutation-setup.ts'],
    // Instrumented code runs slower, and the machine may be busy: a generous limit.
    testTimeout: 120_000,
    // Tests skip their time limits in instrumented code.
    env: { MUTATION_RUN: '1' },
  },
});
