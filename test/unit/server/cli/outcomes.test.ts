import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../../src/server/cli/run';
import { openSqliteStorage } from '../../../../src/server/storage/sqlite/sqlite-storage';
import { CHANNEL, COMMUNITY, dumpDatabase, harnessOn, OTHER_COMMUNITY, T0 } from '../harness';

// Created at T0 = 2026-01-08T12:00:00Z, hourly GBP/USD bars from then.
const CSV = `symbol,time,open,high,low,close
GBP/USD,2026-01-08T12:00:00Z,1.325,1.328,1.321,1.322
GBP/USD,2026-01-08T13:00:00Z,1.322,1.323,1.315,1.316
GBP/USD,1767880800,1.316,1.318,1.299,1.301
`;

function idea(
  sender: string,
  direction: string,
  entryPlacement: string,
  symbol: string,
  [s, p, r]: number[],
) {
  const level = (price: number, id: string) => ({ price, clientObjectId: id, time: '2026-01-08T12:00:00Z' });
  return {
    sender,
    metadata: {
      direction,
      entryPlacement,
      expiry: { type: 'HOURS', hours: 24 },
      title: 'idea',
      timeframe: 'H1',
      symbol,
    },
    levels: { support: level(s!, 'sup'), pivot: level(p!, 'piv'), resistance: level(r!, 'res') },
  };
}

async function seededDb(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'cm-outcomes-')), 'db.sqlite');
  const storage = openSqliteStorage(path);
  const h = await harnessOn(storage, {}, () => dumpDatabase(storage));
  const bodies = [
    // short at 1.32 (13:00 low 1.315), target 1.30 at 14:00 (low 1.299): +0.02 / |1.32 − 1.33| = 2R
    idea('ana@example.com', 'BEARISH', 'BELOW_CURRENT', 'GBP/USD', [1.3, 1.32, 1.33]),
    // long at 1.325 (12:00 opens there), stop 1.31 at 14:00 (low 1.299): −1R
    idea('bob@example.com', 'BULLISH', 'ABOVE_CURRENT', 'GBP/USD', [1.31, 1.325, 1.35]),
    // no EUR/USD candles: skipped
    idea('cy@example.com', 'BULLISH', 'ABOVE_CURRENT', 'EUR/USD', [1.1, 1.2, 1.3]),
  ];
  for (const body of bodies) {
    const res = await h.call('POST', `/v1/analysis/${COMMUNITY}/channels/${CHANNEL}`, { body });
    expect(res.status, await res.clone().text()).toBe(201);
  }
  await storage.close();
  return path;
}

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, {}, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('chartmark outcomes', () => {
  it('prints the channel summary per sender', async () => {
    const db = await seededDb();
    const csv = join(mkdtempSync(join(tmpdir(), 'cm-csv-')), 'bars.csv');
    writeFileSync(csv, CSV);
    const now = new Date(T0 + 48 * 3600_000).toISOString();
    const r = await run([
      'outcomes',
      '--candles',
      csv,
      '--community',
      COMMUNITY,
      '--channel',
      CHANNEL,
      '--now',
      now,
      '--db',
      db,
    ]);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out).toEqual([
      `Channel ${CHANNEL}: 3 analyses, 3 bars of 1 symbols, evaluated at 2026-01-10T12:00:00.000Z`,
      'sender           ideas  open  closed  trades  hits  stopped  invalid  expired  hit rate  avg R',
      'ana@example.com      1     0       1       1     1        0        0        0   100.0 %   2.00',
      'bob@example.com      1     0       1       1     0        1        0        0     0.0 %  -1.00',
      'cy@example.com       0     0       0       0     0        0        0        0         –      –',
      '1 analyses skipped: no candles for their symbol.',
    ]);
  });

  it('narrows to one community with --community', async () => {
    const db = await seededDb();
    const csv = join(mkdtempSync(join(tmpdir(), 'cm-csv-')), 'bars.csv');
    writeFileSync(csv, CSV);
    const args = ['outcomes', '--candles', csv, '--channel', CHANNEL, '--db', db];
    const mine = await run([...args, '--community', COMMUNITY]);
    expect(mine.out[0]).toMatch(/: 3 analyses, /);
    const other = await run([...args, '--community', OTHER_COMMUNITY]);
    expect(other.out[0]).toMatch(/: 0 analyses, /);
    const bad = await run([...args, '--community', 'nope']);
    expect(bad.err[0]).toBe('chartmark: --community: must be 24 lower-case hex characters, got "nope"');
  });

  it('names the CSV line and field, and the flag, on bad input', async () => {
    const db = await seededDb();
    const csv = join(mkdtempSync(join(tmpdir(), 'cm-csv-')), 'bad.csv');
    writeFileSync(csv, 'symbol,time,open,high,low,close\nGBP/USD,2026-01-08T12:00:00Z,1.3,1.2,1.25,1.3\n');
    const bad = await run([
      'outcomes',
      '--candles',
      csv,
      '--community',
      COMMUNITY,
      '--channel',
      CHANNEL,
      '--db',
      db,
    ]);
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual([`chartmark: ${csv}:2: high: must be ≥ low (1.25), got 1.2`]);
    const missing = await run(['outcomes', '--candles', csv, '--community', COMMUNITY, '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.err[0]).toBe('chartmark: --channel: is required');
    const now = await run([
      'outcomes',
      '--candles',
      csv,
      '--community',
      COMMUNITY,
      '--channel',
      CHANNEL,
      '--now',
      'soon',
    ]);
    expect(now.err[0]).toBe(
      'chartmark: --now: must be an ISO-8601 time with a zone or unix seconds, got "soon"',
    );
  });
});
