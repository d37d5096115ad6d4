// Removing old webhook rows: finished deliveries (delivered or given up) with their log, and
// outbox rows no endpoint still needs. Nothing pending is touched: a delivery that may still be
// sent keeps its queue row, its log and its outbox row.
import { transaction } from '../storage/sql';
import type { QueueDatabase } from './queue';

/** Days of history `webhooks prune` keeps unless told otherwise. */
export const DEFAULT_PRUNE_DAYS = 30;

/** How many rows one prune deleted. */
export interface PruneResult {
  /** Delivered or given-up webhook_queue rows. */
  readonly deliveries: number;
  /** Their webhook_deliveries (attempt log) rows. */
  readonly attempts: number;
  readonly outbox: number;
}

/**
 * The three deletes, in order, with `$1` = the cutoff (unix ms). The log goes by "its queue row is gone": queue rows are deleted only here, and an
 * attempt's log row is written in the same transaction as its queue row's update, so no row in
 * flight can look orphaned. Outbox rows go when older than the cutoff, at or below every active
 * endpoint's cursor (disabled endpoints never fan out again; an endpoint added later starts at
 * the end), and without an open delivery.
 */
export const PRUNE_SQL: readonly string[] = [
  'DELETE FROM webhook_queue WHERE delivered_at < $1 OR given_up_at < $1',
  `DELETE FROM webhook_deliveries
    WHERE NOT EXISTS (SELECT 1 FROM webhook_queue q WHERE q.delivery_id = webhook_deliveries.delivery_id)`,
  `DELETE FROM outbox
    WHERE occurred_at < $1
      AND seq <= COALESCE((SELECT MIN(cursor_seq) FROM webhook_endpoints WHERE disabled_at IS NULL),
                          (SELECT MAX(seq) FROM outbox))
      AND NOT EXISTS (SELECT 1 FROM webhook_queue q
                       WHERE q.outbox_seq = outbox.seq AND q.delivered_at IS NULL AND q.given_up_at IS NULL)`,
];

/** The cutoff of a prune: rows finished (or outbox rows written) before it are old. */
export function pruneCutoff(olderThanDays: number, now: number): number {
  if (!Number.isInteger(olderThanDays) || olderThanDays < 0)
    throw new RangeError(`olderThanDays: must be an integer ≥ 0, got ${olderThanDays}`);
  return now - olderThanDays * 86_400_000;
}

/** Prunes a database in one transaction. */
export async function pruneWebhooks(
  db: QueueDatabase,
  olderThanDays: number = DEFAULT_PRUNE_DAYS,
  now: number = Date.now(),
): Promise<PruneResult> {
  const cutoff = pruneCutoff(olderThanDays, now);
  return transaction('sql' in db ? db.sql : db, async (s) => {
    const counts: number[] = [];
    for (const sql of PRUNE_SQL)
      counts.push((await s.query(sql, sql.includes('$1') ? [cutoff] : [])).changed);
    const [deliveries, attempts, outbox] = counts as [number, number, number];
    return { deliveries, attempts, outbox };
  });
}
