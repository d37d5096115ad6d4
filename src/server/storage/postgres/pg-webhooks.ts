// The webhook queue and endpoints over PostgreSQL, for several server processes delivering at
// once. A worker claims due deliveries with FOR UPDATE SKIP LOCKED and leases them (moves
// next_attempt_at past the send), so no two workers send one delivery at the same time; an
// analysis' next event stays unclaimable while an earlier one to the same endpoint is undelivered.
import { randomBytes } from 'node:crypto';
import { checkWebhookUrl, type WebhookEndpoint } from '../../webhooks/endpoints';
import {
  type AttemptNext,
  DELIVERY_COUNTS_SQL,
  type DeliveryAttempt,
  type DeliveryCounts,
  type DeliveryOutcome,
  type DueDelivery,
  deliveryLogValues,
  eventBody,
} from '../../webhooks/queue';
import { DEFAULT_PRUNE_DAYS, PRUNE_SQL, type PruneResult, pruneCutoff } from '../../webhooks/prune';
import { newWebhookSecret } from '../../webhooks/signature';
import type { PgClient } from './pg-client';
import { inTransaction } from './pg-migrations';
import { numericColumns } from './pg-storage';

/**
 * How long a claimed delivery is withheld from other workers. Longer than the worker's request
 * timeout (10 s by default), so only a worker that died mid-send lets it go to another.
 */
export const PG_DELIVERY_LEASE_MS = 60_000;

const OBJECT_ID = /^[0-9a-f]{24}$/;

/** The PostgreSQL delivery queue; the worker's loop drives it as it drives the SQLite one. */
export class PgDeliveryQueue {
  constructor(
    private readonly client: PgClient,
    private readonly leaseMs: number = PG_DELIVERY_LEASE_MS,
  ) {}

  /** Copies new outbox rows into the queue of every active endpoint of their community; returns how many. */
  fanOut(): Promise<number> {
    return this.client.withSession((s) =>
      inTransaction(s, async () => {
        // Writers hold the outbox lock until commit, so every seq ≤ this max is committed.
        const last = Number((await s.query('SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox')).rows[0]!.seq);
        // An endpoint another instance is fanning out is skipped, not waited for.
        const endpoints = await s.query(
          'SELECT id, community_id, cursor_seq FROM webhook_endpoints WHERE disabled_at IS NULL AND cursor_seq < $1 FOR UPDATE SKIP LOCKED',
          [last],
        );
        let queued = 0;
        for (const ep of endpoints.rows) {
          const events = await s.query(
            'SELECT seq, community_id, analysis_id, event, updated_fields, data, occurred_at FROM outbox WHERE seq > $1 AND seq <= $2 AND community_id = $3 ORDER BY seq',
            [ep.cursor_seq, last, ep.community_id],
          );
          for (const raw of events.rows) {
            const row = numericColumns<Parameters<typeof eventBody>[0]>(raw);
            const deliveryId = randomBytes(12).toString('hex');
            queued += (
              await s.query(
                'INSERT INTO webhook_queue (delivery_id, endpoint_id, outbox_seq, analysis_id, body, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 0) ON CONFLICT DO NOTHING',
                [deliveryId, ep.id, row.seq, row.analysis_id, eventBody(row, deliveryId)],
              )
            ).changed;
          }
          await s.query('UPDATE webhook_endpoints SET cursor_seq = $1 WHERE id = $2', [last, ep.id]);
        }
        return queued;
      }),
    );
  }

  /**
   * Claims the deliveries due at `now` — at most the oldest undelivered per (endpoint, analysis)
   * — and leases them to this caller until now + lease.
   */
  due(now: number, limit: number): Promise<DueDelivery[]> {
    return this.client.withSession((s) =>
      inTransaction(s, async () => {
        const r = await s.query(
          `SELECT q.delivery_id AS "deliveryId", q.endpoint_id AS "endpointId", e.url, e.secret,
                  q.outbox_seq AS "outboxSeq", q.analysis_id AS "analysisId", q.body, q.attempts,
                  q.first_attempt_at AS "firstAttemptAt"
             FROM webhook_queue q JOIN webhook_endpoints e ON e.id = q.endpoint_id
            WHERE q.delivered_at IS NULL AND q.given_up_at IS NULL AND e.disabled_at IS NULL
              AND q.next_attempt_at <= $1
              AND NOT EXISTS (SELECT 1 FROM webhook_queue p
                               WHERE p.endpoint_id = q.endpoint_id AND p.analysis_id = q.analysis_id
                                 AND p.delivered_at IS NULL AND p.given_up_at IS NULL
                                 AND p.outbox_seq < q.outbox_seq)
            ORDER BY q.outbox_seq, q.endpoint_id LIMIT $2
            FOR UPDATE OF q SKIP LOCKED`,
          [now, limit],
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
          await s.query('UPDATE webhook_queue SET next_attempt_at = $1 WHERE delivery_id = ANY($2)', [
            now + this.leaseMs,
            due.map((d) => d.deliveryId),
          ]);
        }
        return due;
      }),
    );
  }

  /** Logs one attempt and marks the delivery done, schedules the next try, or gives it up (`next`). */
  record(d: DueDelivery, outcome: DeliveryOutcome, now: number, next: AttemptNext): Promise<void> {
    const attempt = d.attempts + 1;
    return this.client.withSession((s) =>
      inTransaction(s, async () => {
        await s.query(
          'INSERT INTO webhook_deliveries (delivery_id, endpoint_id, outbox_seq, attempt, status_code, error, duration_ms, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
          deliveryLogValues(d, outcome, attempt, now),
        );
        const set = next === null ? 'delivered_at' : next === 'give-up' ? 'given_up_at' : 'next_attempt_at';
        await s.query(
          `UPDATE webhook_queue SET attempts = $1, first_attempt_at = COALESCE(first_attempt_at, $2), ${set} = $3 WHERE delivery_id = $4`,
          [attempt, now, typeof next === 'number' ? next : now, d.deliveryId],
        );
      }),
    );
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

  /** Pending, delivered and given-up deliveries of one endpoint. */
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

/** Adds an endpoint (PostgreSQL twin of addWebhook): it receives only events written after this call. */
export async function addPgWebhook(
  client: PgClient,
  input: { readonly communityId: string; readonly url: string; readonly now?: number },
): Promise<{ id: string; secret: string }> {
  if (!OBJECT_ID.test(input.communityId))
    throw new Error(
      `communityId: must be 24 lower-case hex characters, got ${JSON.stringify(input.communityId)}`,
    );
  checkWebhookUrl(input.url);
  const id = randomBytes(12).toString('hex');
  const secret = newWebhookSecret();
  await client.withSession((s) =>
    s.query(
      'INSERT INTO webhook_endpoints (id, community_id, url, secret, cursor_seq, created_at) SELECT $1, $2, $3, $4, COALESCE(MAX(seq), 0), $5 FROM outbox',
      [id, input.communityId, input.url, secret, input.now ?? Date.now()],
    ),
  );
  return { id, secret };
}

/** Disables an endpoint; false when it was unknown or already off. */
export async function disablePgWebhook(
  client: PgClient,
  id: string,
  now: number = Date.now(),
): Promise<boolean> {
  const r = await client.withSession((s) =>
    s.query('UPDATE webhook_endpoints SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL', [now, id]),
  );
  return r.changed === 1;
}

/** The endpoints of a community, oldest first. */
export async function listPgWebhooks(client: PgClient, communityId: string): Promise<WebhookEndpoint[]> {
  const r = await client.withSession((s) =>
    s.query(
      'SELECT id, community_id, url, created_at, disabled_at FROM webhook_endpoints WHERE community_id = $1 ORDER BY created_at, id',
      [communityId],
    ),
  );
  return r.rows.map((w) => ({
    id: String(w.id),
    communityId: String(w.community_id),
    url: String(w.url),
    createdAt: Number(w.created_at),
    disabledAt: w.disabled_at === null ? null : Number(w.disabled_at),
  }));
}

/** Prunes old webhook rows (PostgreSQL twin of pruneWebhooks) in one transaction. */
export async function prunePgWebhooks(
  client: PgClient,
  olderThanDays: number = DEFAULT_PRUNE_DAYS,
  now: number = Date.now(),
): Promise<PruneResult> {
  const cutoff = pruneCutoff(olderThanDays, now);
  return client.withSession((s) =>
    inTransaction(s, async () => {
      const counts: number[] = [];
      for (const sql of PRUNE_SQL)
        counts.push((await s.query(sql, sql.includes('$1') ? [cutoff] : [])).changed);
      const [deliveries, attempts, outbox] = counts as [number, number, number];
      return { deliveries, attempts, outbox };
    }),
  );
}
