import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './scripts/find-chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 5199);
// The real reference server (built demo + API, in-memory database) for the sync flows.
const SYNC_PORT = Number(process.env.E2E_SYNC_PORT ?? 5198);

/** End-to-end flows on the demo, in Chromium from CHROMIUM_PATH (see scripts/find-chromium.mjs). */
export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: [
    {
      command: `node_modules/.bin/vite --port ${PORT} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      // The vite page is another origin: the cross-origin spec syncs from it (spec §5.2).
      command: `CHARTMARK_CORS_ORIGINS=http://127.0.0.1:${PORT} node scripts/start.mjs --port ${SYNC_PORT} --db :memory:`,
      url: `http://127.0.0.1:${SYNC_PORT}/demo/config.json`,
      reuseExistingServer: false,
      timeout: 120_000,
    },
  ],
});
