import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const SRC = fileURLToPath(new URL('./src', import.meta.url));
const alias = [{ find: /^chartmark\/([a-z]+)$/, replacement: `${SRC}/$1/index.ts` }];

/**
 * The unit tests that cover the mutated code (stryker.config.json), in Node only. The sync model
 * runs 25 cases of its fixed seed and no fresh seed per mutant: enough to kill what it kills,
 * without 700 cases for each of thousands of mutants.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    include: ['test/unit/sync/**/*.test.ts', 'test/unit/core/**/*.test.ts', 'test/unit/schema/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['test/setup/fast-check.ts'],
    env: { SYNC_MODEL_RUNS: '25', SYNC_MODEL_FRESH_RUNS: '0', SYNC_MODEL_REGRESSIONS: '0' },
  },
});
