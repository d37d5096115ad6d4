// One server instance in its own process, for the multi-instance test and bench/scale.bench.ts:
// starts startPostgresServer on a free port and prints `{"url": …}` on one stdout line.
// Env: DATABASE_URL (required), INSTANCE (a name stamped on its webhook requests),
// WEBHOOK_INTERVAL_MS (default 50), RATE_LIMIT=off, POOL_SIZE, PGLITE_SOCKET=1.
import { startPostgresServer } from '../../../src/server/serve-postgres';

const instance = process.env.INSTANCE ?? 'x';
const server = await startPostgresServer({
  port: 0,
  databaseUrl: process.env.DATABASE_URL!,
  webhookIntervalMs: Number(process.env.WEBHOOK_INTERVAL_MS ?? 50),
  ...(process.env.RATE_LIMIT === 'off' ? { rateLimit: false as const } : {}),
  ...(process.env.POOL_SIZE ? { poolSize: Number(process.env.POOL_SIZE) } : {}),
  transactionPerSession: process.env.PGLITE_SOCKET === '1',
  // The test receivers listen on 127.0.0.1, which the webhook address rule refuses by default.
  webhookAllowPrivateAddresses: true,
  // Tags each delivery with the instance that sent it, so a test can see that both deliver.
  webhookFetch: (url, init) =>
    fetch(url, {
      ...init,
      headers: { ...(init?.headers as Record<string, string>), 'x-instance': instance },
    }),
  log: (line) => process.stderr.write(`[${instance}] ${line}\n`),
});
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
