// The delivery queue, written once over the SQL port (SQLite and PostgreSQL): fan-out of outbox
// rows to endpoints, claiming due work per endpoint in a per-analysis order, and recording
// attempts. Each step is a short transaction that never spans a network call. On PostgreSQL,
// several server processes share the queue: claims use FOR UPDATE SKIP LOCKED and lease the
// delivery (move next_attempt_at past the send), so no two workers send one delivery at once.
import { randomBytes } from 'node:crypto';
import { isoTime } from '../../core/wire/time';
import { numericColumns, type OutboxColumns } from '../storage/rows';
import { onPostgres, type SqlClient, transaction } from '../storage/sql';

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

/** The webhook_deliveries column values of attempt number `attempt`. */
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
    occurredAt: isoTime(row.occurred_at / 1000),
    communityId: row.community_id,
    analysisId: row.analysis_id,
    updatedFields: JSON.parse(row.updated_fields) as unknown,
    data: JSON.parse(row.data) as unknown,
  });
}

/** Counts of {@link DeliveryCounts} for endpoint `$1`. */
const DELIVERY_COUNTS_SQL = `SELECT
    SUM(CASE WHEN delivered_at IS NULL AND given_up_at IS NULL THEN 1 ELSE 0 END) AS "pending",
    SUM(CASE WHEN delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS "delivered",
    SUM(CASE WHEN given_up_at IS NOT NULL THEN 1 ELSE 0 END) AS "givenUp"
  FROM webhook_queue WHERE endpoint_id = $1`;

/**
 * How long a claimed delivery is withheld from other claims. Longer than the worker's request
 * timeout (10 s by default), so only a worker that died mid-send lets it go to another.
 */
export const DELIVERY_LEASE_MS = 60_000;

/** What a queue is opened on: an SQL client, or a storage that carries one. */
export type QueueDatabase = SqlClient | { readonly sql: SqlClient };

const clientOf = (db: QueueDatabase): SqlClient => ('sql' in db ? db.sql : db);

// The oldest open delivery per (endpoint, analysis) that is due: a later event of an analysis
// never overtakes an earlier one that is still failing; a given-up one no longer holds it back.
const DUE_WHERE = `q.delivered_at IS NULL AND q.given_up_at IS NULL AND e.disabled_at IS NULL
    AND q.next_attempt_at <= $1
    AND NOT EXISTS (SELECT 1 FROM webhook_queue p
                     WHERE p.endpoint_id = q.endpoint_id AND p.analysis_id = q.analysis_id
                       AND p.delivered_at IS NULL AND p.given_up_at IS NULL
                       AND p.outbox_seq < q.outbox_seq)`;

/** Reads and writes the webhook tables of one database. */
export class DeliveryQueue {
  private readonly client: SqlClient;

  constructor(
    db: QueueDatabase,
    private readonly leaseMs: number = DELIVERY_LEASE_MS,
  ) {
    this.client = clientOf(db);
  }

  /** Copies new outbox rows into the queue of every active endpoint of their community; returns how many. */
  fanOut(): Promise<number> {
    const c = this.client;
    return transaction(c, async (s) => {
      // PostgreSQL writers hold the outbox lock until commit, so every seq ≤ this max is committed.
      const last = Number((await s.query('SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox')).rows[0]!.seq);
      // An endpoint another instance is fanning out is skipped, not waited for.
      const endpoints = await s.query(
        onPostgres(
          c,
          'SELECT id, community_id, cursor_seq FROM webhook_endpoints WHERE disabled_at IS NULL AND cursor_seq < $1',
          'FOR UPDATE SKIP LOCKED',
        ),
        [last],
      );
      let queued = 0;
      for (const ep of endpoints.rows) {
        const events = await s.query(
          'SELECT seq, community_id, analysis_id, event, updated_fields, data, occurred_at FROM outbox WHERE seq > $1 AND seq <= $2 AND community_id = $3 ORDER BY seq',
          [ep.cursor_seq, last, ep.community_id],
        );
        for (const raw of events.rows) {
          const row = numericColumns<OutboxColumns>(raw);
          const deliveryId = randomBytes(12).toString('hex');
          queued += (
            await s.query(
              'INSERT INTO webhook_queue (delivery_id, endpoint_id, outbox_seq, analysis_id, body, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT DO NOTHING',
              [deliveryId, ep.id, row.seq, row.analysis_id, eventBody(row, deliveryId)],
            )
          ).changed;
        }
        // The cursor moves only together with the queue rows it covers (one transaction).
        await s.query('UPDATE webhook_endpoints SET cursor_seq = $1 WHERE id = $2', [last, ep.id]);
      }
      return queued;
    });
  }

  /** Endpoints that have a delivery due at `now` (each gets its own lane in the worker). */
  dueEndpoints(now: number): Promise<string[]> {
    return this.client.withSession(async (s) =>
      (
        await s.query(
          `SELECT DISTINCT q.endpoint_id AS "endpointId"
             FROM webhook_queue q JOIN webhook_endpoints e ON e.id = q.endpoint_id
            WHERE ${DUE_WHERE}`,
          [now],
        )
      ).rows.map((r) => String(r.endpointId)),
    );
  }

  /**
   * Claims the deliveries due at `now` (oldest first; of one endpoint when `endpointId` is given)
   * and leases them to this caller until now + lease.
   */
  due(now: number, limit: number, endpointId?: string): Promise<DueDelivery[]> {
    const c = this.client;
    return transaction(c, async (s) => {
      const r = await s.query(
        onPostgres(
          c,
          `SELECT q.delivery_id AS "deliveryId", q.endpoint_id AS "endpointId", e.url, e.secret,
                  q.outbox_seq AS "outboxSeq", q.analysis_id AS "analysisId", q.body, q.attempts,
                  q.first_attempt_at AS "firstAttemptAt"
             FROM webhook_queue q JOIN webhook_endpoints e ON e.id = q.endpoint_id
            WHERE ${DUE_WHERE} ${endpointId === undefined ? '' : 'AND q.endpoint_id = $3'}
            ORDER BY q.outbox_seq, q.endpoint_id LIMIT $2`,
          'FOR UPDATE OF q SKIP LOCKED',
        ),
        endpointId === undefined ? [now, limit] : [now, limit, endpointId],
      );
      const due = r.rows.map(
        (d): DueDelivery => ({
          deliveryId: String(d.deliveryId),
          endpointId: String(d.endpointId),
          url: String(d.url),
          secret: String(d.secret),
          outboxSeq: Number(d.outboxSeq),
          analysisId: String(d.analysisId),
          body: String(d.body),
          attempts: Number(d.attempts),
          firstAttemptAt: d.firstAttemptAt === null ? null : Number(d.firstAttemptAt),
        }),
      );
      if (due.length > 0) {
        const ids = due.map((d) => d.deliveryId);
        await s.query(
          `UPDATE webhook_queue SET next_attempt_at = $1 WHERE delivery_id IN (${ids.map((_, i) => `$${i + 2}`).join(', ')})`,
          [now + this.leaseMs, ...ids],
        );
      }
      return due;
    });
  }

  /** Logs one attempt and marks the delivery done, schedules the next try, or gives it up (`next`). */
  record(d: DueDelivery, outcome: DeliveryOutcome, now: number, next: AttemptNext): Promise<void> {
    const attempt = d.attempts + 1;
    return transaction(this.client, async (s) => {
      await s.query(
        'INSERT INTO webhook_deliveries (delivery_id, endpoint_id, outbox_seq, attempt, status_code, error, duration_ms, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        deliveryLogValues(d, outcome, attempt, now),
      );
      const set = next === null ? 'delivered_at' : next === 'give-up' ? 'given_up_at' : 'next_attempt_at';
      await s.query(
        `UPDATE webhook_queue SET attempts = $1, first_attempt_at = COALESCE(first_attempt_at, $2), ${set} = $3 WHERE delivery_id = $4`,
        [attempt, now, typeof next === 'number' ? next : now, d.deliveryId],
      );
    });
  }

  /** Undelivered queue rows of active endpoints, not counting given-up ones. */
  pending(): Promise<number> {
    return this.client.withSession(async (s) =>
      Number(
        (
          await s.query(
            'SELECT COUNT(*) AS n FROM webhook_queue q JOIN webhook_endpoints e ON e.id = q.endpoint_id WHERE q.delivered_at IS NULL AND q.given_up_at IS NULL AND e.disabled_at IS NULL',
          )
        ).rows[0]!.n,
      ),
    );
  }

  /** Pending, delivered and given-up deliveries of one endpoint (pending counts even when it is disabled). */
  async counts(endpointId: string): Promise<DeliveryCounts> {
    const r = (await this.client.withSession((s) => s.query(DELIVERY_COUNTS_SQL, [endpointId]))).rows[0]!;
    return {
      pending: Number(r.pending ?? 0),
      delivered: Number(r.delivered ?? 0),
      givenUp: Number(r.givenUp ?? 0),
    };
  }

  /** The delivery log, oldest first; optionally for one endpoint. */
  log(endpointId?: string): Promise<DeliveryAttempt[]> {
    return this.client.withSession(async (s) => {
      const r = await s.query(
        `SELECT delivery_id AS "deliveryId", endpoint_id AS "endpointId", outbox_seq AS "outboxSeq", attempt,
                status_code AS "statusCode", error, at
           FROM webhook_deliveries ${endpointId ? 'WHERE endpoint_id = $1' : ''} ORDER BY id`,
        endpointId ? [endpointId] : [],
      );
      return r.rows.map((a) => ({
        deliveryId: String(a.deliveryId),
        endpointId: String(a.endpointId),
        outboxSeq: Number(a.outboxSeq),
        attempt: Number(a.attempt),
        statusCode: a.statusCode === null ? null : Number(a.statusCode),
        error: a.error === null ? null : String(a.error),
        at: Number(a.at),
      }));
    });
  }
}
