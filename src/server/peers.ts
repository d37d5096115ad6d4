// The server's libraries are optional peers of the package (a browser app never installs them):
// the `chartmark` bin checks them before loading the CLI and names what to install.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** Optional peers the reference server and its CLI load. */
export const SERVER_PEERS = ['hono', '@hono/node-server', 'better-sqlite3', 'pg', 'jose'] as const;

/**
 * The packages in `names` that Node would not find from `from` (a file URL or path): looked up
 * along the same node_modules directories as `require`/`import`, whatever a package's `exports` hide.
 */
export function missingPeers(from: string, names: readonly string[] = SERVER_PEERS): string[] {
  const require = createRequire(from);
  return names.filter((name) => {
    const dirs = require.resolve.paths(name) ?? [];
    return !dirs.some((dir) => existsSync(join(dir, name, 'package.json')));
  });
}

/** What is missing and the one command that installs the server's peers. */
export function missingPeersMessage(missing: readonly string[]): string {
  return [
    `chartmark: the reference server needs ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed (optional peer dependencies of chartmark).`,
    `Install the server's peers next to chartmark:  npm install ${SERVER_PEERS.join(' ')}`,
  ].join('\n');
}
