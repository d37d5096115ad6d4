// Webhook endpoints per community. The secret is stored in clear because the server must sign
// with it; it is shown once when the endpoint is added.
import { randomBytes } from 'node:crypto';
import { OBJECT_ID_PATTERN } from '../../schema/limits';
import type { QueueDatabase } from './queue';
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

const clientOf = (db: QueueDatabase) => ('sql' in db ? db.sql : db);

/**
 * Adds an endpoint for a community and returns its id and signing secret. It receives only
 * events written after this call (its outbox cursor starts at the current end).
 */
export async function addWebhook(
  db: QueueDatabase,
  input: AddWebhookInput,
): Promise<{ id: string; secret: string }> {
  if (!OBJECT_ID_PATTERN.test(input.communityId))
    throw new Error(
      `communityId: must be 24 lower-case hex characters, got ${JSON.stringify(input.communityId)}`,
    );
  checkWebhookUrl(input.url);
  const id = randomBytes(12).toString('hex');
  const secret = newWebhookSecret();
  await clientOf(db).withSession((s) =>
    s.query(
      'INSERT INTO webhook_endpoints (id, community_id, url, secret, cursor_seq, created_at) SELECT $1, $2, $3, $4, COALESCE(MAX(seq), 0), $5 FROM outbox',
      [id, input.communityId, input.url, secret, input.now ?? Date.now()],
    ),
  );
  return { id, secret };
}

/** Disables an endpoint: pending deliveries to it stop. Returns false when it was unknown or already off. */
export async function disableWebhook(
  db: QueueDatabase,
  id: string,
  now: number = Date.now(),
): Promise<boolean> {
  const r = await clientOf(db).withSession((s) =>
    s.query('UPDATE webhook_endpoints SET disabled_at = $1 WHERE id = $2 AND disabled_at IS NULL', [now, id]),
  );
  return r.changed === 1;
}

/** The endpoints of a community, oldest first. */
export async function listWebhooks(db: QueueDatabase, communityId: string): Promise<WebhookEndpoint[]> {
  const r = await clientOf(db).withSession((s) =>
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
