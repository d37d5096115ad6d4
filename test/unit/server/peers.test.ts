import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { missingPeers, missingPeersMessage, SERVER_PEERS } from '../../../src/server/peers';

const dir = mkdtempSync(join(tmpdir(), 'chartmark-peers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A project at `dir` with the named packages installed (a package.json each is what Node looks for). */
function install(...names: string[]): string {
  for (const name of names) {
    mkdirSync(join(dir, 'node_modules', name), { recursive: true });
    writeFileSync(join(dir, 'node_modules', name, 'package.json'), JSON.stringify({ name, exports: {} }));
  }
  const from = join(dir, 'node_modules', 'chartmark', 'dist', 'lib', 'server', 'bin.js');
  mkdirSync(join(from, '..'), { recursive: true });
  return pathToFileURL(from).href;
}

describe('server peers (the chartmark bin checks them before loading the CLI)', () => {
  it('names the server peers missing from a project, found the way Node finds packages', () => {
    const from = install('hono', 'pg');
    expect(missingPeers(from)).toEqual(['@hono/node-server', 'better-sqlite3', 'jose']);
  });

  it('finds nothing missing once every peer is installed, even when exports hide package.json', () => {
    const from = install(...SERVER_PEERS);
    expect(missingPeers(from)).toEqual([]);
  });

  it('says what is missing and the one install command', () => {
    expect(missingPeersMessage(['better-sqlite3'])).toBe(
      'chartmark: the reference server needs better-sqlite3, which is not installed (optional peer dependencies of chartmark).\n' +
        "Install the server's peers next to chartmark:  npm install hono @hono/node-server better-sqlite3 pg jose",
    );
  });
});
