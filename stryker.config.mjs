// Mutation testing of the pure core: `npm run mutation` (too slow for `npm test` and CI).
// Each mutant (a small change such as `<` → `<=` or a removed statement) runs the core tests that
// cover it; a mutant no test notices is a bug the tests would miss. Reports go to
// reports/mutation/; the incremental file there lets a rerun test only the mutants whose code or
// tests changed. Run one area with `npm run mutation -- --mutate 'src/core/chat/**/*.ts'`. A run
// over the whole core takes hours on two cores: scripts/merge-mutation-parts.mjs says how to run it
// in parts whose results a whole-core run then reuses.
import { fileURLToPath } from 'node:url';

// The tests run in a copy of the repository under .stryker-tmp/; the recorded streams stay beside
// the original (src/testing/recordings.ts).
process.env.RUMINATE_STREAMS_DIR ??= fileURLToPath(new URL('../shared/streams', import.meta.url));

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: false },
  mutate: [
    'src/core/**/*.ts',
    '!src/core/**/*.test.ts',
    // Test data, not code.
    '!src/core/markdown/hostile-corpus.ts',
    '!src/core/markdown/test-documents.ts',
  ],
  coverageAnalysis: 'perTest',
  // Mutants in module-level code run every core test (a minute each on this machine): left out.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  concurrency: 1,
  timeoutMS: 5_000,
  // The first run of every core test with coverage takes minutes on a busy 2-core machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'html', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
