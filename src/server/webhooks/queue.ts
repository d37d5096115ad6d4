// The delivery queue over SQLite: fan-out of outbox rows to endpoints, picking due work in a
// per-analysis order, and recording attempts. Synchronous on purpose: better-sqlite3 is, and
// each step is a short transaction that never spans a network call.
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { formatTime } from '../../schema/time';
import type { OutboxColumns } from '../storage/sqlite/rows';

/** A queued delivery that is due, with what is needed to send it. */
export interface DueDelivery {
  readonly deliveryId: string;
  readonly endpointId: string;
  readonly url: string;
  readonly secret: string;
  readonly outboxSeq: number;
  readonly analysisId: string;
  readonly body: string;
  readonly attempts: number;
  /** When its first attempt was logged (unix ms), or null before any; the give-up age counts from it. */
  readonly firstAttemptAt: number | null;
}

/** What follows a logged attempt: null = delivered, a time = retry then, 'give-up' = never again. */
export type AttemptNext = number | null | 'give-up';

/** How the deliveries of one endpoint stand. */
export interface DeliveryCounts {
  /** Waiting for a first try or a retry. */
  readonly pending: number;
  readonly delivered: number;
  /** Given up after the maximum age; never sent again. */
  readonly givenUp: number;
}

/** One row of the delivery log. */
export interface DeliveryAttempt {
  readonly deliveryId: string;
  readonly endpointId: string;
  readonly outboxSeq: number;
  readonly attempt: number;
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly at: number;
}

/** What one delivery attempt ended with. */
export interface DeliveryOutcome {
  readonly statusCode: number | null;
  readonly error: string | null;
  readonly durationMs: number;
}

/** The webhook_deliveries column values of attempt number `attempt` (both queues log with these). */
export function deliveryLogValues(
  d: DueDelivery,
  outcome: DeliveryOutcome,
  attempt: number,
  now: number,
): unknown[] {
  return [
    d.deliveryId,
    d.endpointId,
    d.outboxSeq,
    attempt,
    outcome.statusCode,
    outcome.error,
    Math.round(outcome.durationMs),
    now,
  ];
}

/** The spec §4 event body for one outbox row; key order is fixed so bodies are stable. */
export function eventBody(row: OutboxColumns, deliveryId: string): string {
  return JSON.stringify({
    event: row.event,
    deliveryId,
    occurredAt: formatTime(row.occurred_at / 1000),
    communityId: row.community_id,
    analysisId: row.analysis_id,
    updatedFields: JSON.parse(row.updated_fields) as unknown,
    data: JSON.parse(row.data) as unknown,
  });
}

/** Counts of {@link DeliveryCounts} for endpoint `$1`, the same SQL on SQLite and PostgreSQL. */
export const DELIVERY_COUNTS_SQL = `SELECT
    SUM(CASE WHEN delivered_at IS NULL AND given_up_at IS NULL THEN 1 ELSE 0 END) AS "pending",
    SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS "delivered",
    SUM(CASE WHEN given_up_at IS NOT NULL THEN 1 ELSE 0 END) AS "givenUp"
  FROM webhook_queue WHERE endpoint_id = $1`;

/** Reads and writes the webhook tables of one database. */
export class DeliveryQueue {
  private readonly fanOutTx: () => number;

  constructor(private readonly db: Database) {
    const endpoints = db.prepare(
      'SELECT id, community_id, cursor_seq FROM webhook_endpoints WHERE disabled_at IS NULL',
    );
    const end = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox');
    const events = db.prepare(
      'SELECT seq, community_id, analysis_id, event, updated_fields, data, occurred_at FROM outbox WHERE seq > ? AND seq <= ? AND community_id = ? ORDER BY seq',
    );
    const enqueue = db.prepare(
      'INSERT OR IGNORE INTO webhook_queue (delivery_id, endpoint_id, outbox_seq, analysis_id, body, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const advance = db.prepare('UPDATE webhook_endpoints SET cursor_seq = ? WHERE id = ?');
    // One transaction: the cursor moves only together with the queue rows it covers.
    this.fanOutTx = db.transaction(() => {
      const last = (end.get() as { seq: number }).seq;
      let queued = 0;
      for (const ep of endpoints.all() as { id: string; community_id: string; cursor_seq: number }[]) {
        if (ep.cursor_seq >= last) continue;
        for (const row of events.all(ep.cursor_seq, last, ep.community_id) as OutboxColumns[]) {
          const deliveryId = randomBytes(12).toString('hex');
          queued += enqueue.run(
            deliveryId,
            ep.id,
            row.seq,
            row.analysis_id,
            eventBody(row, deliveryId),
            0,
          ).changes;
        }
        advance.run(last, ep.id);
      }
      return queued;
    });
  }

  /** Copies new outbox rows into the queue of every active endpoint of their community; returns how many. */
  fanOut(): number {
    return this.fanOutTx();
  }

  /**
   * Deliveries due at `now`: at most one per (endpoint, analysis) — the oldest undelivered —
   * so a later event of an analysis never overtakes an earlier one that is still failing. A
   * given-up delivery no longer holds its successors back: they would otherwise wait forever.
   */
  due(now: number, limit: number): DueDelivery[] {
    return this.db
      .prepare(
        `SELECT q.delivery_id AS deliveryId, q.endpoint_id AS endpointId, e.url, e.secret, q.outbox_seq AS outboxSeq,
                q.analysis_id AS analysisId, q.body, q.attempts, q.first_attempt_at AS firstAttemptAt
           FROM webhook_queue q JOIN webhook_endpoints e ON e.id = q.endpoint_id
          WHERE q.delivered_at IS NULL AND q.given_up_at IS NULL AND e.disabled_at IS NULL
            AND q.next_attempt_at <= ?
            AND NOT EXISTS (SELECT 1 FROM webhook_queue p
                             WHERE p.endpoint_id = q.endpoint_id AND p.analysis_id = q.analysis_id
                               AND p.delivered_at IS NULL AND p.given_up_at IS NULL
                               AND p.outbox_seq < q.outbox_seq)
          ORDER BY q.outbox_seq, q.endpoint_id LIMIT ?`,
      )
      .all(now, limit) as DueDelivery[];
  }

  /** Logs one attempt and marks the delivery done, schedules the next try, or gives it up (`next`). */
  record(d: DueDelivery, outcome: DeliveryOutcome, now: number, next: AttemptNext): void {
    const attempt = d.attempts + 1;
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO webhook_deliveries (delivery_id, endpoint_id, outbox_seq, attempt, status_code, error, duration_ms, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(...deliveryLogValues(d, outcome, attempt, now));
      const set =
        next === null ? 'delivered_at = ?' : next === 'give-up' ? 'given_up_at = ?' : 'next_attempt_at = ?';
      this.db
        .prepare(
          `UPDATE webhook_queue SET attempts = ?, first_attempt_at = COALESCE(first_attempt_at, ?), ${set} WHERE delivery_id = ?`,
        )
        .run(attempt, now, typeof next === 'number' ? next : now, d.deliveryId);
    })();
  }

  /** Undelivered queue rows of active endpoints, not counting given-up ones. */
  pending(): number {
    return (
      this.db
        .prepare(
          'SELECT COUNT(*) AS n FROM webhook_queue q JOIN webhook_endpoints e ON e.id = q.endpoint_id WHERE q.delivered_at IS NULL AND q.given_up_at IS NULL AND e.disabled_at IS NULL',
        )
        .get() as { n: number }
    ).n;
  }

  /** Pending, delivered and given-up deliveries of one endpoint (pending counts even when it is disabled). */
  counts(endpointId: string): DeliveryCounts {
    const r = this.db.prepare(DELIVERY_COUNTS_SQL.replace('$1', '?')).get(endpointId) as Record<
      keyof DeliveryCounts,
      number | null
    >;
    return { pending: r.pending ?? 0, delivered: r.delivered ?? 0, givenUp: r.givenUp ?? 0 };
  }

  /** The delivery log, oldest first; optionally for one endpoint. */
  log(endpointId?: string): DeliveryAttempt[] {
    const sql = `SELECT delivery_id AS deliveryId, endpoint_id AS endpointId, outbox_seq AS outboxSeq, attempt,
                        status_code AS statusCode, error, at
                   FROM webhook_deliveries ${endpointId ? 'WHERE endpoint_id = ?' : ''} ORDER BY id`;
    const stmt = this.db.prepare(sql);
    return (endpointId ? stmt.all(endpointId) : stmt.all()) as DeliveryAttempt[];
  }
}
