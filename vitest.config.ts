import { fileURLToPath } from 'node:url';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { CHROMIUM_ARGS } from './scripts/find-chromium.mjs';

const SRC = fileURLToPath(new URL('./src', import.meta.url));
const alias = [
  { find: /^chartmark$/, replacement: `${SRC}/embed/index.ts` },
  { find: /^chartmark\/([a-z]+)$/, replacement: `${SRC}/$1/index.ts` },
];

/** Two projects: `unit` in Node, `browser` in a real Chromium (path from CHROMIUM_PATH, see scripts/). */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['test/setup/fast-check.ts'],
          // Booting PGlite (a WASM PostgreSQL) takes seconds on 2 shared cores with two workers:
          // the default 5 s times out on a busy machine without anything being wrong.
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'browser',
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
