// Runs a parsed command. Output goes through `io` so tests can read it; `serve` waits for
// SIGINT/SIGTERM (or the `stop` promise given) and then shuts down cleanly.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createApiKey, revokeApiKey } from '../auth/keys';
import { describeDatabase, isPostgresUrl } from '../storage/postgres/database-url';
import {
  addPgWebhook,
  disablePgWebhook,
  listPgWebhooks,
  PgDeliveryQueue,
  prunePgWebhooks,
} from '../storage/postgres/pg-webhooks';
import type { PostgresStorage } from '../storage/postgres/pg-storage';
import { openSqliteStorage, type SqliteStorage } from '../storage/sqlite/sqlite-storage';
import { addWebhook, disableWebhook, listWebhooks } from '../webhooks/endpoints';
import { pruneWebhooks } from '../webhooks/prune';
import { DeliveryQueue } from '../webhooks/queue';
import { type CliCommand, CliUsageError, parseCli } from './args';
import { runOutcomes } from './outcomes';

/** Where the CLI writes. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Exit code for a command line that breaks a rule. */
export const EXIT_USAGE = 2;

async function openDb(path: string): Promise<SqliteStorage | PostgresStorage> {
  if (isPostgresUrl(path)) {
    const [{ connectPostgres }, { openPostgresStorage }] = await Promise.all([
      import('../serve-postgres'),
      import('../storage/postgres/pg-storage'),
    ]);
    // One connection is enough for a one-shot command.
    const client = connectPostgres(path, 1);
    return openPostgresStorage(client).catch(async (e) => {
      await client.end();
      throw e;
    });
  }
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  return openSqliteStorage(path);
}

/** Opens the database for one command and closes it whatever the command does. */
async function withDb<R>(
  path: string,
  fn: (storage: SqliteStorage | PostgresStorage) => Promise<R>,
): Promise<R> {
  const storage = await openDb(path);
  try {
    return await fn(storage);
  } finally {
    await storage.close();
  }
}

function waitForSignal(): Promise<string> {
  return new Promise((done) => {
    const on = (signal: string) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      done(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

/** Runs one command; resolves to the process exit code. `stop` ends `serve` (default: a signal). */
export async function runCommand(
  cmd: CliCommand,
  io: CliIo,
  stop: Promise<string> = waitForSignal(),
): Promise<number> {
  switch (cmd.kind) {
    case 'help':
      io.out(cmd.text);
      return 0;
    case 'serve': {
      // Loaded on demand: the key and webhook commands need neither Hono nor the routes.
      const server = isPostgresUrl(cmd.db)
        ? await (await import('../serve-postgres')).startPostgresServer({
            port: cmd.port,
            host: cmd.host,
            databaseUrl: cmd.db,
            demoDir: cmd.demoDir,
            demo: cmd.demo,
            log: io.err,
          })
        : await (await import('../serve')).startServer({
            port: cmd.port,
            host: cmd.host,
            dbPath: cmd.db,
            demoDir: cmd.demoDir,
            demo: cmd.demo,
            log: io.err,
          });
      io.out(`chartmark server listening on ${server.url} (database ${describeDatabase(cmd.db)})`);
      if (server.demo) {
        const d = server.demo;
        io.out(`  demo page:   ${server.url}/`);
        io.out(`  demo config: ${server.url}/demo/config.json (demo mode only)`);
        io.out(`  API key:     ${d.apiKey}${server.demoCreated ? ' (new)' : ''}`);
        io.out(`  community ${d.communityId}, channel ${d.channelId}, sample analysis ${d.sampleAnalysisId}`);
        io.out(
          `  try: curl -H "Authorization: Bearer ${d.apiKey}" ${server.url}/v1/analysis/${d.sampleAnalysisId}`,
        );
      }
      io.out('Press Ctrl-C to stop.');
      const signal = await stop;
      io.err(`${signal}: shutting down`);
      await server.close();
      return 0;
    }
    case 'keys-create': {
      return withDb(cmd.db, async (storage) => {
        const { key, id } = await createApiKey(storage, {
          communityId: cmd.communityId,
          permissions: cmd.permissions,
          ...(cmd.channelIds ? { channelIds: cmd.channelIds } : {}),
          ...(cmd.expiresInSeconds ? { expiresInSeconds: cmd.expiresInSeconds } : {}),
        });
        const expires = cmd.expiresInSeconds ? `expires in ${cmd.expiresInSeconds} s` : 'never expires';
        io.out(`Created API key ${id} for community ${cmd.communityId}`);
        io.out(
          `  permissions ${cmd.permissions.join(',')}; channels ${cmd.channelIds?.join(',') ?? 'all'}; ${expires}`,
        );
        io.out('  Only a hash is stored: copy the key now.');
        io.out(key);
        return 0;
      });
    }
    case 'keys-revoke': {
      return withDb(cmd.db, async (storage) => {
        if (await revokeApiKey(storage, cmd.key)) {
          io.out('Revoked.');
          return 0;
        }
        io.err('chartmark: --key: no such active key in this database');
        return 1;
      });
    }
    case 'webhooks-add': {
      return withDb(cmd.db, async (storage) => {
        const input = { communityId: cmd.communityId, url: cmd.url };
        const { id, secret } =
          'db' in storage ? addWebhook(storage.db, input) : await addPgWebhook(storage.client, input);
        io.out(`Added webhook ${id} for community ${cmd.communityId} -> ${cmd.url}`);
        io.out('  Signing secret (verify X-Signature with it; shown once):');
        io.out(secret);
        return 0;
      });
    }
    case 'webhooks-disable': {
      return withDb(cmd.db, async (storage) => {
        const done =
          'db' in storage
            ? disableWebhook(storage.db, cmd.id)
            : await disablePgWebhook(storage.client, cmd.id);
        if (done) {
          io.out(`Disabled webhook ${cmd.id}.`);
          return 0;
        }
        io.err('chartmark: --id: no such active webhook endpoint in this database');
        return 1;
      });
    }
    case 'webhooks-prune': {
      return withDb(cmd.db, async (storage) => {
        const r =
          'db' in storage
            ? pruneWebhooks(storage.db, cmd.olderThanDays)
            : await prunePgWebhooks(storage.client, cmd.olderThanDays);
        io.out(
          `Pruned ${r.deliveries} finished deliveries (${r.attempts} logged attempts) and ${r.outbox} outbox rows older than ${cmd.olderThanDays} days.`,
        );
        return 0;
      });
    }
    case 'copy-to-postgres':
      return copyToPostgres(cmd, io);
    case 'outcomes':
      return withDb(cmd.db, (storage) => runOutcomes(cmd, storage, io));
    case 'webhooks-list': {
      return withDb(cmd.db, async (storage) => {
        const hooks =
          'db' in storage
            ? listWebhooks(storage.db, cmd.communityId)
            : await listPgWebhooks(storage.client, cmd.communityId);
        const queue = 'db' in storage ? new DeliveryQueue(storage.db) : new PgDeliveryQueue(storage.client);
        for (const h of hooks) {
          const n = await queue.counts(h.id);
          io.out(
            `${h.id}  ${h.url}  ${h.disabledAt === null ? 'active' : 'disabled'}  added ${new Date(h.createdAt).toISOString()}` +
              `  pending ${n.pending}, delivered ${n.delivered}, given up ${n.givenUp}`,
          );
        }
        if (hooks.length === 0) io.out('No webhooks for this community.');
        return 0;
      });
    }
  }
}

/** Runs copy-to-postgres; a refusal (missing file, non-empty target) exits 2 like a usage error. */
async function copyToPostgres(cmd: { from: string; to: string }, io: CliIo): Promise<number> {
  const [{ connectPostgres }, { CopyRefusedError, copySqliteToPostgres }] = await Promise.all([
    import('../serve-postgres'),
    import('../storage/copy-to-postgres'),
  ]);
  const client = connectPostgres(cmd.to, 1);
  try {
    const r = await copySqliteToPostgres(cmd.from, client);
    for (const t of r.tables) io.out(`${t.table}: ${t.copied} copied`);
    io.out(
      `Copied ${cmd.from} to ${describeDatabase(cmd.to)} in one transaction; the outbox continues after seq ${r.outboxSeq}.`,
    );
    io.out('Start the server on PostgreSQL with:');
    io.out(`  DATABASE_URL='${describeDatabase(cmd.to)}' npm run chartmark -- serve`);
    if (describeDatabase(cmd.to) !== cmd.to) io.out('  (the password is shown as ***: put the real one)');
    io.out(`${cmd.from} was not changed: keep it as a backup until the server runs on PostgreSQL.`);
    return 0;
  } catch (e) {
    if (!(e instanceof CopyRefusedError))
      throw new Error(`copy-to-postgres: ${(e as Error).message}; no rows were written`);
    io.err(`chartmark: ${e.message}`);
    return EXIT_USAGE;
  } finally {
    await client.end();
  }
}

/** Parses and runs; usage errors print the rule and exit 2, other failures exit 1. */
export async function runCli(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: CliIo,
  stop?: Promise<string>,
): Promise<number> {
  try {
    return await runCommand(parseCli(argv, env), io, stop);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.err(`chartmark: ${e.message}`);
      io.err('Run with --help for usage.');
      return EXIT_USAGE;
    }
    const err = e as NodeJS.ErrnoException;
    io.err(err.code === 'EADDRINUSE' ? `chartmark: --port: ${err.message}` : `chartmark: ${err.message}`);
    return 1;
  }
}
