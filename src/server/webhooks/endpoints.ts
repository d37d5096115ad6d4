// Webhook endpoints per community. The secret is stored in clear because the server must sign
// with it; it is shown once when the endpoint is added.
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { OBJECT_ID_PATTERN } from '../../schema/limits';
import { newWebhookSecret } from './signature';

/** A configured webhook endpoint (the secret is not part of listings). */
export interface WebhookEndpoint {
  readonly id: string;
  readonly communityId: string;
  readonly url: string;
  readonly createdAt: number;
  readonly disabledAt: number | null;
}

/** Input of {@link addWebhook}. */
export interface AddWebhookInput {
  readonly communityId: string;
  readonly url: string;
  /** Clock in unix ms; defaults to Date.now. */
  readonly now?: number;
}

/** Throws unless `url` is an absolute http(s) URL without credentials. */
export function checkWebhookUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`url: must be an absolute http(s) URL, got ${JSON.stringify(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    throw new Error(`url: must use http or https, got ${parsed.protocol}`);
  if (parsed.username || parsed.password) throw new Error('url: must not contain credentials');
}

/**
 * Adds an endpoint for a community and returns its id and signing secret. It receives only
 * events written after this call (its outbox cursor starts at the current end).
 */
export function addWebhook(db: Database, input: AddWebhookInput): { id: string; secret: string } {
  if (!OBJECT_ID_PATTERN.test(input.communityId))
    throw new Error(
      `communityId: must be 24 lower-case hex characters, got ${JSON.stringify(input.communityId)}`,
    );
  checkWebhookUrl(input.url);
  const id = randomBytes(12).toString('hex');
  const secret = newWebhookSecret();
  const now = input.now ?? Date.now();
  const end = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM outbox').get() as { seq: number };
  db.prepare(
    'INSERT INTO webhook_endpoints (id, community_id, url, secret, cursor_seq, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(id, input.communityId, input.url, secret, end.seq, now);
  return { id, secret };
}

/** Disables an endpoint: pending deliveries to it stop. Returns false when it was unknown or already off. */
export function disableWebhook(db: Database, id: string, now: number = Date.now()): boolean {
  return (
    db
      .prepare('UPDATE webhook_endpoints SET disabled_at = ? WHERE id = ? AND disabled_at IS NULL')
      .run(now, id).changes === 1
  );
}

/** The endpoints of a community, oldest first. */
export function listWebhooks(db: Database, communityId: string): WebhookEndpoint[] {
  const rows = db
    .prepare(
      'SELECT id, community_id, url, created_at, disabled_at FROM webhook_endpoints WHERE community_id = ? ORDER BY created_at, id',
    )
    .all(communityId) as {
    id: string;
    community_id: string;
    url: string;
    created_at: number;
    disabled_at: number | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    communityId: r.community_id,
    url: r.url,
    createdAt: r.created_at,
    disabledAt: r.disabled_at,
  }));
}
