import { describe, expect, it } from 'vitest';
import { parseCandlesCsv } from '../../../../src/server/cli/candles-csv';

const HEADER = 'symbol,time,open,high,low,close';

describe('parseCandlesCsv', () => {
  it('reads ISO and unix times per symbol, skipping blank lines and CRLF', () => {
    const csv = `${HEADER}\r\nGBP/USD,2026-01-08T12:00:00Z,1.3,1.31,1.29,1.305\r\n\r\nEUR/USD,1767873600,1.1,1.2,1.0,1.15\nGBP/USD,2026-01-08T14:00:00+01:00,1.305,1.306,1.3,1.301\n`;
    const m = parseCandlesCsv(csv);
    expect([...m.keys()]).toEqual(['GBP/USD', 'EUR/USD']);
    expect(m.get('GBP/USD')).toEqual([
      { time: 1767873600, open: 1.3, high: 1.31, low: 1.29, close: 1.305 },
      { time: 1767873600 + 3600, open: 1.305, high: 1.306, low: 1.3, close: 1.301 },
    ]);
    expect(m.get('EUR/USD')).toEqual([{ time: 1767873600, open: 1.1, high: 1.2, low: 1, close: 1.15 }]);
  });
  it.each([
    [
      'time,symbol,open,high,low,close\n',
      'c.csv:1: header: expected "symbol,time,open,high,low,close", got "time,symbol,open,high,low,close"',
    ],
    [`${HEADER}\nX,1,2,3\n`, 'c.csv:2: expected 6 fields (symbol,time,open,high,low,close), got 4'],
    [
      `${HEADER}\nX,yesterday,1,1,1,1\n`,
      'c.csv:2: time: expected ISO-8601 with a zone (2026-01-02T09:00:00Z) or unix seconds, got "yesterday"',
    ],
    [
      `${HEADER}\nX,2026-01-08T12:00:00,1,1,1,1\n`,
      'c.csv:2: time: expected ISO-8601 with a zone (2026-01-02T09:00:00Z) or unix seconds, got "2026-01-08T12:00:00"',
    ],
    [`${HEADER}\nX,1,1,1,1,1\nX,2,1,abc,1,1\n`, 'c.csv:3: high: expected a number, got "abc"'],
    [`${HEADER}\nX,1,1,0.5,0.9,0.9\n`, 'c.csv:2: high: must be ≥ low (0.9), got 0.5'],
    [`${HEADER}\nX,1,1,2,0.5,2.5\n`, 'c.csv:2: close: must lie between low (0.5) and high (2), got 2.5'],
    [
      `${HEADER}\nX,10,1,1,1,1\nY,5,1,1,1,1\nX,10,1,1,1,1\n`,
      'c.csv:4: time: must be later than the previous X bar (10), got 10',
    ],
    [`${HEADER}\n,10,1,1,1,1\n`, 'c.csv:2: symbol: must not be empty'],
  ])('rejects %j naming the line and field', (csv, message) => {
    expect(() => parseCandlesCsv(csv, 'c.csv')).toThrow(message);
  });
});
