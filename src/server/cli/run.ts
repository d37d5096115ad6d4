// Runs a parsed command. Output goes through `io` so tests can read it; `serve` waits for
// SIGINT/SIGTERM (or the `stop` promise given) and then shuts down cleanly.
import { createApiKey, revokeApiKey } from '../auth/keys';
import { describeDatabase } from '../storage/database-url';
import { openStorage } from '../storage/open';
import type { BackendStorage } from '../storage/storage';
import { addWebhook, disableWebhook, listWebhooks } from '../webhooks/endpoints';
import { pruneWebhooks } from '../webhooks/prune';
import { DeliveryQueue } from '../webhooks/queue';
import { type CliCommand, CliUsageError, parseCli } from './args';
import { runOutcomes } from './outcomes';

/** Where the CLI writes. */
export interface CliIo {
  /** Writes one line of normal output (stdout). */
  out(line: string): void;
  /** Writes one line of error output (stderr). */
  err(line: string): void;
}

/** Exit code for a command line that breaks a rule. */
export const EXIT_USAGE = 2;

/** Opens the database for one command and closes it whatever the command does. */
async function withDb<R>(database: string, fn: (storage: BackendStorage) => Promise<R>): Promise<R> {
  // One connection is enough for a one-shot command.
  const storage = await openStorage(database, { poolSize: 1 });
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
export async function runCommand(cmd: CliCommand, io: CliIo, stop?: Promise<string>): Promise<number> {
  switch (cmd.kind) {
    case 'help':
      io.out(cmd.text);
      return 0;
    case 'serve': {
      // Loaded on demand: the key and webhook commands need neither Hono nor the routes.
      const server = await (await import('../serve')).startServer({
        port: cmd.port,
        host: cmd.host,
        database: cmd.db,
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
      // Listened for only here, so one-shot commands leave no signal handlers behind.
      const signal = await (stop ?? waitForSignal());
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
        const { id, secret } = await addWebhook(storage, input);
        io.out(`Added webhook ${id} for community ${cmd.communityId} -> ${cmd.url}`);
        io.out('  Signing secret (verify X-Signature with it; shown once):');
        io.out(secret);
        return 0;
      });
    }
    case 'webhooks-disable': {
      return withDb(cmd.db, async (storage) => {
        if (await disableWebhook(storage, cmd.id)) {
          io.out(`Disabled webhook ${cmd.id}.`);
          return 0;
        }
        io.err('chartmark: --id: no such active webhook endpoint in this database');
        return 1;
      });
    }
    case 'webhooks-prune': {
      return withDb(cmd.db, async (storage) => {
        const r = await pruneWebhooks(storage, cmd.olderThanDays);
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
        const hooks = await listWebhooks(storage, cmd.communityId);
        const queue = new DeliveryQueue(storage);
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
    import('../storage/postgres/connect'),
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
