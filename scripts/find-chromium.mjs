// Locates a Chromium for the browser and e2e suites, installing Debian's when allowed.
// Order: $CHROMIUM_PATH, Debian's /usr/lib/chromium/chromium (the real binary; the /usr/bin
// wrapper prints a harmless warning), /usr/bin/chromium, then Playwright's own download.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const DEBIAN = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'];

function playwrightOwn() {
  try {
    // Resolved lazily: Playwright may be absent on machines that only run the unit suite.
    const out = execFileSync(
      process.execPath,
      ['-e', "process.stdout.write(require('playwright').chromium.executablePath())"],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    return out && existsSync(out) ? out : null;
  } catch {
    return null;
  }
}

/** Returns the path of a usable Chromium or null. */
export function locateChromium() {
  const override = process.env.CHROMIUM_PATH;
  if (override) {
    if (!existsSync(override)) throw new Error(`CHROMIUM_PATH=${override}: no such file`);
    return override;
  }
  return DEBIAN.find((p) => existsSync(p)) ?? playwrightOwn();
}

function canInstall() {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  return root && spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

/** Finds Chromium, installing Debian's package as root when none exists; exits with one line otherwise. */
export function ensureChromium() {
  let path = locateChromium();
  if (path) return path;
  if (canInstall()) {
    console.error('chromium: none found, installing Debian package "chromium" with apt-get…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const r = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    path = r.status === 0 ? locateChromium() : null;
    if (path) return path;
  }
  console.error(
    'chromium: not found. Install one (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH=/path/to/chrome.',
  );
  process.exit(1);
}

/** Launch flags that keep Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
