// A server under test in its own process (bench/child.ts starts it): the real app with its
// SQLite storage on DATABASE, rate limit off, on a free loopback port; prints `{"url": …}`.
// DURABILITY=full and WRITER=thread choose the storage's options (default: normal, connection).
// LOOKUP=former serves the peer of bench/scope.bench.ts: the lookup the routes made before the
// community filter (read the document by id, compare the community afterwards).
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from '../src/server/app';
import { openSqliteStorage } from '../src/server/storage/sqlite/sqlite-storage';
import type { Storage } from '../src/server/storage/storage';
import { parentGone } from './child';

const storage = openSqliteStorage(process.env.DATABASE!, {
  durability: process.env.DURABILITY === 'full' ? 'full' : 'normal',
  writer: process.env.WRITER === 'thread' ? 'thread' : 'connection',
});
const former: Storage = { ...storage, getAnalysis: (id) => storage.getAnalysis(id) };
const app = createApp({ storage: process.env.LOOKUP === 'former' ? former : storage, rateLimit: false });
const server = createAdaptorServer({ fetch: app.fetch });
await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
process.stdout.write(
  `${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`,
);
await parentGone();
server.close();
await storage.close();
process.exit(0);
