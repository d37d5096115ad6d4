// `npm run chartmark -- outcomes --candles <csv> --channel <id>`: evaluates a channel's stored
// analyses against candles the operator supplies and prints the per-sender summary.
import { readFileSync } from 'node:fs';
import { type SenderOutcomes, summariseOutcomes } from '../../core/outcome-summary';
import { toDetail } from '../analysis/detail';
import type { Storage } from '../storage/storage';
import { parseCandlesCsv } from './candles-csv';

/** The parsed `outcomes` command. */
export interface OutcomesCommand {
  readonly kind: 'outcomes';
  readonly db: string;
  readonly candles: string;
  /** Null: the channel alone names it (ids are unique across communities). */
  readonly communityId: string | null;
  readonly channelId: string;
  /** Evaluate at this instant (unix ms); default the current time. */
  readonly now?: number;
}

const PAGE = 100;

/** Every analysis of the channel as AnalysisDetail, oldest first. */
async function channelAnalyses(storage: Storage, cmd: OutcomesCommand, now: number) {
  const details = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await storage.listAnalyses({
      communityId: cmd.communityId,
      channelId: cmd.channelId,
      now,
      offset,
      limit: PAGE,
    });
    for (const listed of page.rows) {
      const row = await storage.getAnalysis(listed.id, listed.communityId);
      if (row) details.push(toDetail(row, now));
    }
    if (page.rows.length < PAGE) break;
  }
  return details.reverse();
}

const pad = (text: string, width: number, right = false): string =>
  right ? text.padStart(width) : text.padEnd(width);

/** The summary as aligned text lines, a header first. */
export function formatOutcomes(senders: readonly SenderOutcomes[]): string[] {
  const columns = [
    'ideas',
    'open',
    'closed',
    'trades',
    'hits',
    'stopped',
    'invalid',
    'expired',
    'hit rate',
    'avg R',
  ];
  const rows = senders.map((s) => [
    s.sender,
    ...[s.ideas, s.open, s.closed, s.trades, s.targetHits, s.stopped, s.invalidated, s.expired].map(String),
    s.hitRate === null ? '–' : `${(s.hitRate * 100).toFixed(1)} %`,
    s.averageR === null ? '–' : s.averageR.toFixed(2),
  ]);
  const senderWidth = Math.max(6, ...senders.map((s) => s.sender.length));
  const widths = columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i + 1]!.length)));
  const line = (first: string, cells: readonly string[]) =>
    [pad(first, senderWidth), ...cells.map((c, i) => pad(c, widths[i]!, true))].join('  ');
  return [line('sender', columns), ...rows.map((r) => line(r[0]!, r.slice(1)))];
}

/** Runs `outcomes` on an open storage; returns the exit code. */
export async function runOutcomes(
  cmd: OutcomesCommand,
  storage: Storage,
  io: { out(line: string): void },
): Promise<number> {
  let text: string;
  try {
    text = readFileSync(cmd.candles, 'utf8');
  } catch (e) {
    throw new Error(`--candles: cannot read ${cmd.candles}: ${(e as Error).message}`);
  }
  const candles = parseCandlesCsv(text, cmd.candles);
  const now = cmd.now ?? Date.now();
  const analyses = await channelAnalyses(storage, cmd, now);
  const senders = summariseOutcomes(analyses, candles, now / 1000);
  const bars = [...candles.values()].reduce((n, b) => n + b.length, 0);
  io.out(
    `Channel ${cmd.channelId}: ${analyses.length} analyses, ${bars} bars of ${candles.size} symbols, evaluated at ${new Date(now).toISOString()}`,
  );
  for (const l of formatOutcomes(senders)) io.out(l);
  const skipped = senders.reduce((n, s) => n + s.withoutCandles, 0);
  if (skipped > 0) io.out(`${skipped} analyses skipped: no candles for their symbol.`);
  return 0;
}
