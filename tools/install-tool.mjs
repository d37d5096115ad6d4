// A tool kept apart from the repository's lockfile (tools/typedoc, tools/openapi-client): it has
// its own package.json and package-lock.json, pinned exactly, and is installed into its own
// node_modules with `npm ci` on first use — by whoever runs it first, CI included.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Installs the tool in `dir` unless `probe` (a path under its node_modules) already exists;
 * exits the process with npm's status when the install fails.
 */
export function ensureToolInstalled(dir, probe, label) {
  if (existsSync(join(dir, 'node_modules', probe))) return;
  console.log(`${label}: installing into ${dir} (first run) …`);
  const status =
    spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' })
      .status ?? 1;
  if (status !== 0) process.exit(status);
}
