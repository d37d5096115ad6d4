// Candles the operator supplies to `outcomes`, as CSV: a header `symbol,time,open,high,low,close`,
// then one bar per line; time is ISO-8601 (with a zone) or unix seconds. Bars of one symbol must
// come in increasing time order. Every error names the line and the field.
import { type Candle, candleIssue } from '../../core/candles';

/** The header the CSV must start with. */
export const CANDLES_CSV_HEADER = 'symbol,time,open,high,low,close';

/** A CSV line that breaks a rule: `candles.csv:12: time: …`. */
export class CandlesCsvError extends Error {
  override readonly name = 'CandlesCsvError';
}

const UNIX = /^-?\d+(\.\d+)?$/;
// A date, a time and a zone: "2026-01-02T09:00:00Z", "2026-01-02T09:00:00.5+01:00".
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function timeOf(text: string, where: string): number {
  if (UNIX.test(text)) return Number(text);
  const ms = ISO.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) {
    throw new CandlesCsvError(
      `${where}: time: expected ISO-8601 with a zone (2026-01-02T09:00:00Z) or unix seconds, got ${JSON.stringify(text)}`,
    );
  }
  return ms / 1000;
}

function priceOf(text: string, field: string, where: string): number {
  const n = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n))
    throw new CandlesCsvError(`${where}: ${field}: expected a number, got ${JSON.stringify(text)}`);
  return n;
}

/** Parses the CSV text into candles per symbol; `name` prefixes error messages. */
export function parseCandlesCsv(text: string, name = 'candles.csv'): Map<string, Candle[]> {
  const lines = text.split(/\r?\n/);
  const header = (lines[0] ?? '')
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '');
  if (header !== CANDLES_CSV_HEADER) {
    throw new CandlesCsvError(
      `${name}:1: header: expected "${CANDLES_CSV_HEADER}", got ${JSON.stringify(lines[0] ?? '')}`,
    );
  }
  const out = new Map<string, Candle[]>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const where = `${name}:${i + 1}`;
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length !== 6) {
      throw new CandlesCsvError(`${where}: expected 6 fields (${CANDLES_CSV_HEADER}), got ${fields.length}`);
    }
    const [symbol, time, open, high, low, close] = fields as [string, string, string, string, string, string];
    if (symbol === '') throw new CandlesCsvError(`${where}: symbol: must not be empty`);
    const c: Candle = {
      time: timeOf(time, where),
      open: priceOf(open, 'open', where),
      high: priceOf(high, 'high', where),
      low: priceOf(low, 'low', where),
      close: priceOf(close, 'close', where),
    };
    const issue = candleIssue(c);
    if (issue) throw new CandlesCsvError(`${where}: ${issue.field}: ${issue.rule}`);
    let bars = out.get(symbol);
    if (!bars) {
      bars = [];
      out.set(symbol, bars);
    }
    const previous = bars.at(-1);
    if (previous && !(c.time > previous.time)) {
      throw new CandlesCsvError(
        `${where}: time: must be later than the previous ${symbol} bar (${previous.time}), got ${c.time}`,
      );
    }
    bars.push(c);
  }
  return out;
}
