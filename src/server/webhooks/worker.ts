// The delivery loop: fan out, then give every endpoint with due work its own lane (spec §5.5), so
// a slow or dead endpoint only ever waits on itself. A lane sends its endpoint's due deliveries
// (in parallel across analyses, never two of one analysis at once), logs every attempt and backs
// off on failure. Delivery is at least once: a crash between a receiver's 2xx and our log write
// resends the same deliveryId.
import { type HostLookup, resolveWebhookTarget, systemLookup } from './address-guard';
import { type BackoffOptions, backoffDelay } from './backoff';
import {
  type AttemptNext,
  type DeliveryOutcome,
  type DueDelivery,
  DeliveryQueue,
  type QueueDatabase,
} from './queue';
import { type PinnedAddress, postPinned } from './pinned-post';
import { signWebhook } from './signature';

/** What the loop needs from a delivery queue (DeliveryQueue, or a test's own); it awaits each answer. */
export interface WebhookQueue {
  /** Turns new outbox events into one delivery per active endpoint; returns how many it created. */
  fanOut(): number | Promise<number>;
  /** Endpoints that have a delivery due at `now`. */
  dueEndpoints(now: number): string[] | Promise<string[]>;
  /** Claims due deliveries, of one endpoint when `endpointId` is given. */
  due(now: number, limit: number, endpointId?: string): DueDelivery[] | Promise<DueDelivery[]>;
  /** Records one attempt's outcome and when (or whether) to try again. */
  record(d: DueDelivery, outcome: DeliveryOutcome, now: number, next: AttemptNext): void | Promise<void>;
  /** Undelivered deliveries, including those waiting for a retry. */
  pending(): number | Promise<number>;
}

/** Options of {@link startWebhookWorker}. */
export interface WebhookWorkerOptions<Q extends WebhookQueue = DeliveryQueue> {
  /** The queue to drive; when given, storage is not used. */
  readonly queue?: Q;
  /** The storage (either backend) whose webhook tables the default DeliveryQueue uses. */
  readonly storage?: QueueDatabase;
  /**
   * HTTP client. By default the worker's own, connecting to the address that was checked; an
   * injected fetch resolves the host again itself, so its connection is not pinned.
   */
  readonly fetch?: typeof fetch;
  /** Clock in unix ms; defaults to Date.now. */
  readonly now?: () => number;
  /** Poll period in ms; 0 starts no timer (drive it with drain()). Default 1000. */
  readonly intervalMs?: number;
  /** Per-request timeout in ms. Default 10 000. */
  readonly timeoutMs?: number;
  /** Deliveries in flight at once per endpoint (each endpoint has its own lane). Default 4. */
  readonly concurrency?: number;
  /** Retry spacing. */
  readonly backoff?: BackoffOptions;
  /** Random source for jitter, for tests. */
  readonly random?: () => number;
  /** Receives one line per failure. */
  readonly logger?: (line: string) => void;
  /**
   * A delivery that fails when its first attempt is more than this old (ms) is given up: never
   * sent again, kept in the log. Default DEFAULT_WEBHOOK_MAX_AGE_MS (24 h).
   */
  readonly maxAgeMs?: number;
  /** Send to loopback, private, link-local, … addresses too (receivers on this host or LAN). Default false. */
  readonly allowPrivateAddresses?: boolean;
  /** Resolver of URL hosts for the address check; defaults to node:dns lookup. */
  readonly lookup?: HostLookup;
}

/** Result of one drain. */
export interface DrainResult {
  /** Attempts made. */
  readonly attempted: number;
  /** Attempts answered with 2xx. */
  readonly delivered: number;
}

/** A running worker. */
export interface WebhookWorker<Q extends WebhookQueue = DeliveryQueue> {
  /** Sends everything that is due now, repeating until nothing is due; serialised with the timer. */
  drain(): Promise<DrainResult>;
  /** Undelivered deliveries, including those waiting for a retry, but not those given up. */
  pending(): Promise<number>;
  /** The queue, for the delivery log. */
  readonly queue: Q;
  /** Stops the timer and waits for the pass in progress. */
  stop(): Promise<void>;
}

/** The User-Agent of every delivery. */
export const WEBHOOK_USER_AGENT = 'chartmark-webhooks/0.1';

/** How long a delivery is retried, from its first attempt: 24 h. */
export const DEFAULT_WEBHOOK_MAX_AGE_MS = 24 * 3_600_000;

const BATCH = 100;
// drain() stops after this many passes so a clock that never moves cannot spin forever.
const MAX_PASSES = 10_000;

/** Starts the delivery worker over a given queue. */
export function startWebhookWorker<Q extends WebhookQueue>(
  options: WebhookWorkerOptions<Q> & { readonly queue: Q },
): WebhookWorker<Q>;
/** Starts the delivery worker over a storage's webhook tables. */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker;
export function startWebhookWorker<Q extends WebhookQueue>(
  options: WebhookWorkerOptions<Q>,
): WebhookWorker<Q> {
  if (!options.queue && !options.storage) throw new Error('startWebhookWorker: needs storage or queue');
  // Queue steps are short transactions that never span a network call.
  const queue = (options.queue ?? new DeliveryQueue(options.storage!)) as Q;
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const random = options.random ?? Math.random;
  const log = options.logger ?? (() => {});
  const maxAgeMs = options.maxAgeMs ?? DEFAULT_WEBHOOK_MAX_AGE_MS;
  if (!(maxAgeMs >= 0) || !Number.isFinite(maxAgeMs))
    throw new RangeError(`maxAgeMs: must be a finite number of ms ≥ 0, got ${maxAgeMs}`);
  const lookup = options.lookup ?? systemLookup;

  async function post(d: DueDelivery, t: number, pin: PinnedAddress): Promise<number> {
    const headers = {
      'content-type': 'application/json',
      'x-signature': signWebhook(d.secret, d.body, t),
      'x-delivery-id': d.deliveryId,
      'user-agent': WEBHOOK_USER_AGENT,
    };
    if (!options.fetch) return postPinned(d.url, headers, d.body, pin, timeoutMs);
    const res = await options.fetch(d.url, {
      method: 'POST',
      headers,
      body: d.body,
      // A redirect could point the signed body elsewhere; treat it as a failure instead.
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.body?.cancel().catch(() => {});
    return res.status;
  }

  async function deliver(d: DueDelivery): Promise<boolean> {
    const t = Math.floor(now() / 1000);
    const started = performance.now();
    let statusCode: number | null = null;
    // Resolved and checked before every send, not only when the endpoint was added: DNS can change.
    const target = await resolveWebhookTarget(d.url, lookup, options.allowPrivateAddresses === true);
    let error = 'error' in target ? target.error : null;
    if (!('error' in target)) {
      try {
        statusCode = await post(d, t, target);
      } catch (e) {
        const err = e as Error;
        error = err.name === 'TimeoutError' ? `timeout after ${timeoutMs} ms` : `${err.name}: ${err.message}`;
      }
    }
    const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
    const at = now();
    const attempt = d.attempts + 1;
    const next: AttemptNext = ok
      ? null
      : at - (d.firstAttemptAt ?? at) > maxAgeMs
        ? 'give-up'
        : at + backoffDelay(attempt, options.backoff, random);
    if (!ok)
      log(
        `webhook ${d.deliveryId} to ${d.url} attempt ${attempt} failed: ${error ?? `HTTP ${statusCode}`}${
          next === 'give-up' ? `; given up (first attempt ${new Date(d.firstAttemptAt!).toISOString()})` : ''
        }`,
      );
    await queue.record(d, { statusCode, error, durationMs: performance.now() - started }, at, next);
    return ok;
  }

  // Lanes by endpoint id; an endpoint with a running lane is not scheduled again until it ends.
  const lanes = new Map<string, Promise<void>>();
  let attempted = 0;
  let delivered = 0;

  /** Sends one endpoint's due deliveries until none is left due; `concurrency` at a time. */
  async function lane(endpointId: string): Promise<void> {
    for (let i = 0; i < MAX_PASSES; i++) {
      const due = await queue.due(now(), BATCH, endpointId);
      if (due.length === 0) return;
      let next = 0;
      const workers = Array.from({ length: Math.min(concurrency, due.length) }, async () => {
        while (next < due.length) {
          const d = due[next++]!;
          attempted++;
          if (await deliver(d)) delivered++;
        }
      });
      await Promise.all(workers);
    }
  }

  /** Fans out and starts a lane for every endpoint with due work and no lane yet; returns how many. */
  async function schedule(): Promise<number> {
    await queue.fanOut();
    let started = 0;
    for (const endpointId of await queue.dueEndpoints(now())) {
      if (lanes.has(endpointId) || stopped) continue;
      const run = lane(endpointId)
        .catch((e: Error) => log(`webhook lane of endpoint ${endpointId} failed: ${e.message}`))
        .finally(() => lanes.delete(endpointId));
      lanes.set(endpointId, run);
      started++;
    }
    return started;
  }

  // One schedule at a time: the timer skips a tick while the previous one is still scheduling.
  let scheduling: Promise<number> | null = null;
  const scheduleOnce = (): Promise<number> => {
    scheduling ??= schedule().finally(() => {
      scheduling = null;
    });
    return scheduling;
  };

  async function drainOnce(): Promise<DrainResult> {
    const before = { attempted, delivered };
    for (let i = 0; i < MAX_PASSES; i++) {
      const started = await scheduleOnce();
      if (started === 0 && lanes.size === 0) break;
      await Promise.all(lanes.values());
    }
    return { attempted: attempted - before.attempted, delivered: delivered - before.delivered };
  }

  // drain() calls never overlap each other.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const run = chain.then(f);
    chain = run.catch(() => {});
    return run;
  };

  const intervalMs = options.intervalMs ?? 1000;
  let stopped = false;
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          if (!stopped && !scheduling)
            scheduleOnce().catch((e: Error) => log(`webhook worker pass failed: ${e.message}`));
        }, intervalMs)
      : null;
  timer?.unref();

  return {
    drain: () => serial(drainOnce),
    pending: async () => queue.pending(),
    queue,
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await chain;
      await scheduling?.catch(() => 0);
      await Promise.all(lanes.values());
    },
  };
}
