// The reference server the generated-client flow runs against (run.mjs starts it with tsx): an
// in-memory SQLite database, a key with read and write on one community, printed as one JSON
// line `{ baseUrl, apiKey, communityId, channelId }`. It stops when its stdin closes, so it never
// outlives run.mjs.
import { createApiKey } from '../../src/server/auth/keys';
import { startServer } from '../../src/server/serve';

const communityId = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const channelId = 'bbbbbbbbbbbbbbbbbbbbbbbb';
const server = await startServer({ port: 0, host: '127.0.0.1', database: ':memory:', log: () => {} });
const { key } = await createApiKey(server.storage, {
  communityId,
  permissions: ['analysis:read', 'analysis:write'],
});
process.stdout.write(`${JSON.stringify({ baseUrl: server.url, apiKey: key, communityId, channelId })}\n`);
process.stdin.resume();
process.stdin.on('close', async () => {
  await server.close();
  process.exit(0);
});
