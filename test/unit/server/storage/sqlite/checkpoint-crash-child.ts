// For checkpointer.test.ts: writes analyses to the SQLite file DATABASE through the real storage
// (background checkpoints every CHECKPOINT_MS) as fast as it can and prints each id on its own
// stdout line once its commit has returned, until it is killed.
import { openSqliteStorage } from '../../../../../src/server/storage/sqlite/sqlite-storage';
import type { AnalysisRow } from '../../../../../src/server/storage/storage';

const storage = openSqliteStorage(process.env.DATABASE!, {
  checkpointer: { intervalMs: Number(process.env.CHECKPOINT_MS ?? 1), restartFrames: 300 },
});
// About 8 kB of document per row, so the WAL crosses many pages between checkpoints.
const drawings = Array.from({ length: 60 }, (_, i) => ({
  id: `d${i}`,
  clientObjectId: `c${i}`,
  type: 'LINE',
  note: 'x'.repeat(100),
}));
const prefix = process.env.PREFIX ?? 'r';
for (let i = 0; ; i++) {
  const id = `${prefix}${i}`;
  const row: AnalysisRow = {
    id,
    communityId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    channelId: 'bbbbbbbbbbbbbbbbbbbbbbbb',
    sender: 'a@example.com',
    title: id,
    symbol: 'GBP/USD',
    timeframe: 'H1',
    direction: 'BULLISH',
    entryPlacement: 'BELOW_CURRENT',
    drawingCount: drawings.length,
    expiresAt: null,
    createdAt: i,
    updatedAt: i,
    version: 1,
    document: { sender: 'a@example.com', metadata: {}, levels: {}, drawings },
  };
  // Each write in a task of its own, as requests arrive, so the checkpointer's messages get in.
  await new Promise((r) => setImmediate(r));
  await storage.atomically({}, () => ({ writes: { insertAnalysis: row }, result: null }));
  process.stdout.write(`${id}\n`);
}
