// The delivery loop: fan out, send what is due (in parallel across analyses, never two of one
// analysis to one endpoint at once), log every attempt, back off on failure. Delivery is at
// least once: a crash between a receiver's 2xx and our log write resends the same deliveryId.
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
  fanOut(): number | Promise<number>;
  due(now: number, limit: number): DueDelivery[] | Promise<DueDelivery[]>;
  record(d: DueDelivery, outcome: DeliveryOutcome, now: number, next: AttemptNext): void | Promise<void>;
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
  /** Deliveries in flight at once. Default 4. */
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

  async function pass(): Promise<DrainResult> {
    await queue.fanOut();
    const due = await queue.due(now(), BATCH);
    let delivered = 0;
    let next = 0;
    const lanes = Array.from({ length: Math.min(concurrency, due.length) }, async () => {
      while (next < due.length) {
        const d = due[next++]!;
        if (await deliver(d)) delivered++;
      }
    });
    await Promise.all(lanes);
    return { attempted: due.length, delivered };
  }

  // Every pass goes through this chain, so the timer and drain() never overlap.
  let chain: Promise<unknown> = Promise.resolve();
  const serial = <T>(f: () => Promise<T>): Promise<T> => {
    const run = chain.then(f);
    chain = run.catch(() => {});
    return run;
  };

  async function drainOnce(): Promise<DrainResult> {
    let attempted = 0;
    let delivered = 0;
    for (let i = 0; i < MAX_PASSES; i++) {
      const r = await pass();
      attempted += r.attempted;
      delivered += r.delivered;
      if (r.attempted === 0) break;
    }
    return { attempted, delivered };
  }

  const intervalMs = options.intervalMs ?? 1000;
  let stopped = false;
  const timer =
    intervalMs > 0
      ? setInterval(() => {
          if (!stopped)
            serial(drainOnce).catch((e: Error) => log(`webhook worker pass failed: ${e.message}`));
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
    },
  };
}
