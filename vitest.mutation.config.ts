import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { FastFirstSequencer } from './test/setup/fast-first-sequencer';

const SRC = fileURLToPath(new URL('./src', import.meta.url));
const alias = [{ find: /^chartmark\/([a-z]+)$/, replacement: `${SRC}/$1/index.ts` }];

/** Unit tests per mutated area (MUTATION_AREA, see stryker.config.mjs); all three without it. */
const TESTS: Record<string, string[]> = {
  core: ['test/unit/core/**/*.test.ts'],
  sync: ['test/unit/sync/**/*.test.ts'],
  schema: ['test/unit/schema/**/*.test.ts'],
};
const area = process.env.MUTATION_AREA;

/**
 * The unit tests that cover the mutated code (stryker.config.mjs), in Node only. The sync model
 * runs 10 cases of its fixed seed, no fresh seed and no replayed seed per mutant: enough to kill
 * what it kills, without 800 cases for each of hundreds of mutants.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    include: area && TESTS[area] ? TESTS[area] : Object.values(TESTS).flat(),
    environment: 'node',
    // One worker per mutant run, shared by all its files: the modules they have in common (the
    // sync engine, the reference server) load once per mutant, not once per file. A run still gets
    // a fresh worker, so a static mutant (one in code that runs at import) is imported afresh.
    isolate: false,
    sequence: { sequencer: FastFirstSequencer },
    // Instrumented code on 2 busy cores: a property test's 100 cases can take well over 5 s.
    testTimeout: 120_000,
    setupFiles: ['test/setup/fast-check.ts'],
    env: {
      SYNC_MODEL_RUNS: '10',
      SYNC_MODEL_FRESH_RUNS: '0',
      SYNC_MODEL_REGRESSIONS: '0',
      FC_NUM_RUNS: '25',
    },
  },
});
