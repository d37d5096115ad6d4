// Runs a command with CHROMIUM_PATH set to a located (or freshly installed) Chromium.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './find-chromium.mjs';

const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error('usage: node scripts/with-chromium.mjs <command> [args…]');
  process.exit(2);
}
const CHROMIUM_PATH = ensureChromium();
const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH }, shell: false });
process.exit(r.status ?? 1);
