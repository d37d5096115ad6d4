// `chartmark copy-to-postgres` from the command line: its flags, its refusals (exit 2), and a real
// run over a URL — a fresh schema of TEST_DATABASE_URL when set, else PGlite behind its socket.
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliUsageError, parseCli } from '../../../../src/server/cli/args';
import { runCli } from '../../../../src/server/cli/run';
import { describeDatabase } from '../../../../src/server/storage/postgres/database-url';
import { type SharedDatabase, sharedDatabase } from '../instances';
import { buildCopySource, type CopySource } from '../storage/copy-source';

const URL_ = 'postgres://u:secret@db.example:5432/chartmark';

async function run(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, env, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('copy-to-postgres arguments', () => {
  it('takes --from and --to, or DATABASE_URL for --to', () => {
    expect(parseCli(['copy-to-postgres', '--from', 'a.sqlite', '--to', URL_])).toEqual({
      kind: 'copy-to-postgres',
      from: 'a.sqlite',
      to: URL_,
    });
    expect(parseCli(['copy-to-postgres', '--from', 'a.sqlite'], { DATABASE_URL: URL_ })).toEqual({
      kind: 'copy-to-postgres',
      from: 'a.sqlite',
      to: URL_,
    });
  });

  it.each([
    [['copy-to-postgres', '--to', URL_], {}, '--from: is required'],
    [
      ['copy-to-postgres', '--from', 'a.sqlite'],
      {},
      '--to: is required (or set DATABASE_URL to a postgres:// URL)',
    ],
    [
      ['copy-to-postgres', '--from', 'a', '--to', 'b.sqlite'],
      {},
      '--to: must be a postgres:// or postgresql:// URL',
    ],
    [
      ['copy-to-postgres', '--from', 'a'],
      { DATABASE_URL: 'x.sqlite' },
      '--to (from env DATABASE_URL): must be a postgres:// or postgresql:// URL',
    ],
    [
      ['copy-to-postgres', '--from', 'a', '--to', URL_, '--db', 'c'],
      {},
      '--db: not accepted by "copy-to-postgres"; use --from and --to',
    ],
    [
      ['copy-to-postgres', '--from', 'a', '--to', URL_, '--port', '1'],
      {},
      '--port: not accepted by "copy-to-postgres"',
    ],
  ])('%j %j → %s', (argv, env, message) => {
    expect(() => parseCli(argv, env)).toThrow(new CliUsageError(message));
  });

  it('a missing SQLite file exits 2 and is not created', async () => {
    const missing = join(tmpdir(), 'cm-copy-missing', 'db.sqlite');
    const r = await run(['copy-to-postgres', '--from', missing, '--to', URL_]);
    expect(r).toEqual({
      code: 2,
      out: [],
      err: [`chartmark: --from: no SQLite database at ${JSON.stringify(missing)}`],
    });
    expect(existsSync(missing)).toBe(false);
  });
});

describe('copy-to-postgres over a URL', () => {
  let db: SharedDatabase;
  let src: CopySource;
  beforeAll(async () => {
    db = await sharedDatabase();
    src = await buildCopySource();
  }, 30_000);
  afterAll(async () => {
    await src?.dispose();
    await db?.dispose();
  });

  it('prints one line per table and how to serve; a second run is refused with exit 2', async () => {
    const first = await run(['copy-to-postgres', '--from', src.file], { DATABASE_URL: db.url });
    const shown = describeDatabase(db.url);
    expect(first).toEqual({
      code: 0,
      out: [
        'analyses: 3 copied',
        'analysis_drawing_runs: 4 copied',
        'analysis_client_object_ids: 10 copied',
        'outbox: 7 copied',
        'api_keys: 6 copied',
        'idempotency: 1 copied',
        'webhook_endpoints: 1 copied',
        'webhook_queue: 7 copied',
        'webhook_deliveries: 6 copied',
        `Copied ${src.file} to ${shown} in one transaction; the outbox continues after seq 7.`,
        'Start the server on PostgreSQL with:',
        `  DATABASE_URL='${shown}' npm run chartmark -- serve`,
        ...(shown === db.url ? [] : ['  (the password is shown as ***: put the real one)']),
        `${src.file} was not changed: keep it as a backup until the server runs on PostgreSQL.`,
      ],
      err: [],
    });
    const again = await run(['copy-to-postgres', '--from', src.file, '--to', db.url]);
    expect(again).toEqual({
      code: 2,
      out: [],
      err: [
        'chartmark: --to: the target database already holds data (analyses: 3, analysis_drawing_runs: 4, ' +
          'analysis_client_object_ids: 10, outbox: 7, ' +
          'api_keys: 6, idempotency: 1, webhook_endpoints: 1, webhook_queue: 7, webhook_deliveries: 6); ' +
          'copy-to-postgres ' +
          'only copies into an empty database and never merges or overwrites',
      ],
    });
  }, 60_000);
});
