import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { configDefaults, defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS } from './scripts/find-chromium.mjs';

const SRC = fileURLToPath(new URL('./src', import.meta.url));
const alias = [
  { find: /^chartmark$/, replacement: `${SRC}/embed/index.ts` },
  { find: /^chartmark\/([a-z]+)$/, replacement: `${SRC}/$1/index.ts` },
];

/**
 * Unit files whose assertions are about a background thread keeping pace with the test in real
 * time (the WAL checkpointer bounding the WAL under sustained writes, one webhook endpoint not
 * delayed past one timeout by another): with other test files on the same cores the thread can
 * be starved for long enough to fail a correct run, so they run afterwards, one file at a time.
 */
const ALONE = [
  'test/unit/server/storage/sqlite/checkpointer.test.ts',
  'test/unit/server/webhooks/fairness.test.ts',
];

const UNIT = {
  environment: 'node' as const,
  setupFiles: ['test/setup/fast-check.ts'],
  // Booting PGlite (a WASM PostgreSQL) takes seconds on 2 shared cores with two workers:
  // the default 5 s times out on a busy machine without anything being wrong.
  testTimeout: 20_000,
  hookTimeout: 60_000,
};

/**
 * Projects: `unit` in Node, then `unit-alone` (the ALONE files, one at a time, after it) — run
 * both with `--project 'unit*'` — and `browser` in a real Chromium (path from CHROMIUM_PATH).
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          ...UNIT,
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...ALONE],
          sequence: { groupOrder: 0 },
        },
      },
      {
        resolve: { alias },
        test: {
          ...UNIT,
          name: 'unit-alone',
          include: ALONE,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
          sequence: { groupOrder: 0 },
          include: ['test/browser/**/*.test.ts'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
