// Demo mode's first-start seeding: a demo community and channel, an analysis:read+write key and
// the documented example analysis. Keys are stored only as hashes, so the demo key itself is
// kept in a file next to the database (.data/, gitignored) for later starts and the demo page.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { OBJECT_ID_PATTERN } from '../schema/limits';
import { createApiKey, hashApiKey } from './auth/keys';
import type { Storage } from './storage/storage';

/** The demo key and ids, as kept in the key file; only the server side ever reads `apiKey`. */
export interface DemoConfig {
  readonly apiKey: string;
  readonly communityId: string;
  readonly channelId: string;
  readonly sampleAnalysisId: string;
}

/** The user the demo page acts as. */
export const DEMO_SENDER = 'demo@chartmark.dev';
/** Where the demo page gets its browser token (spec §5.1), from the server that holds the key. */
export const DEMO_TOKEN_PATH = '/demo/token';

/** What `GET /demo/config.json` serves in demo mode. */
export interface PublicDemoConfig {
  readonly communityId: string;
  readonly channelId: string;
  readonly sampleAnalysisId: string;
  readonly sender: string;
  readonly tokenUrl: string;
}

/** The page's view of the demo configuration: ids and where to get a token, never the key (spec §5.1). */
export function publicDemoConfig(config: DemoConfig): PublicDemoConfig {
  const { communityId, channelId, sampleAnalysisId } = config;
  return { communityId, channelId, sampleAnalysisId, sender: DEMO_SENDER, tokenUrl: DEMO_TOKEN_PATH };
}

/**
 * `POST /demo/token`: the demo server plays the community's own server, trading its key for a
 * read+write token of the demo sender on the demo channel through the real token route.
 */
export function demoToken(app: RequestTarget, config: DemoConfig): Promise<Response> {
  return Promise.resolve(
    app.request('/v1/auth/tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${config.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        sender: DEMO_SENDER,
        permissions: ['analysis:read', 'analysis:write'],
        channelIds: [config.channelId],
      }),
    }),
  );
}

/** Where the sample analysis lives in the repository (a copy of the spec's create example). */
export const SAMPLE_ANALYSIS_FILE = new URL('../../demo/sample-analysis.json', import.meta.url);

/** Something that answers requests like Hono's `app.request`. */
export interface RequestTarget {
  /** Answers one request as the server would (Hono's `app.request`). */
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** Inputs of {@link ensureDemo}. */
export interface EnsureDemoOptions {
  readonly storage: Storage;
  /** The API app: the sample goes through the real create route (validation, outbox, webhooks). */
  readonly app: RequestTarget;
  /** JSON file keeping the demo key and ids, e.g. `.data/demo-key.json`. */
  readonly keyFile: string;
  /** A CreateAnalysisRequest body. */
  readonly sample: unknown;
  /** Makes the demo community and channel ids. */
  readonly newId: () => string;
  /** Clock in unix ms. */
  readonly now?: () => number;
}

async function readConfig(file: string): Promise<DemoConfig | null> {
  try {
    const c = JSON.parse(await readFile(file, 'utf8')) as Partial<DemoConfig>;
    const ids = [c.communityId, c.channelId, c.sampleAnalysisId];
    if (
      typeof c.apiKey === 'string' &&
      ids.every((id) => typeof id === 'string' && OBJECT_ID_PATTERN.test(id))
    )
      return c as DemoConfig;
  } catch {}
  return null;
}

async function writeConfig(file: string, config: DemoConfig): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  // Write then rename, so an interrupted start never leaves half a file behind.
  await writeFile(`${file}.tmp`, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await rename(`${file}.tmp`, file);
}

async function keyIsLive(storage: Storage, key: string, now: number): Promise<boolean> {
  const row = await storage.findApiKeyByHash(hashApiKey(key));
  return row !== null && row.revokedAt === null && (row.expiresAt === null || row.expiresAt > now);
}

async function analysisExists(app: RequestTarget, config: DemoConfig): Promise<boolean> {
  const res = await app.request(`/v1/analysis/${config.sampleAnalysisId}`, {
    headers: { authorization: `Bearer ${config.apiKey}` },
  });
  return res.status === 200;
}

async function postSample(
  app: RequestTarget,
  apiKey: string,
  c: string,
  ch: string,
  body: unknown,
): Promise<string> {
  const res = await app.request(`/v1/analysis/${c}/channels/${ch}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { status: string; message?: string; data?: { id?: string } };
  if (res.status !== 201 || typeof json.data?.id !== 'string')
    throw new Error(`demo seed: creating the sample analysis answered ${res.status} ${JSON.stringify(json)}`);
  return json.data.id;
}

/**
 * Returns the demo configuration, creating what is missing: a new community, channel and key
 * when the stored key no longer works (new database), and the sample analysis when it is gone.
 */
export async function ensureDemo(o: EnsureDemoOptions): Promise<{ config: DemoConfig; created: boolean }> {
  const now = o.now ?? Date.now;
  const stored = await readConfig(o.keyFile);
  if (stored && (await keyIsLive(o.storage, stored.apiKey, now()))) {
    if (await analysisExists(o.app, stored)) return { config: stored, created: false };
    // The sample was deleted: post it again without its idempotency key, which would replay
    // the deleted analysis' stored response for 24 hours.
    const { idempotencyKey: _dropped, ...body } = o.sample as Record<string, unknown>;
    const sampleAnalysisId = await postSample(
      o.app,
      stored.apiKey,
      stored.communityId,
      stored.channelId,
      body,
    );
    const config = { ...stored, sampleAnalysisId };
    await writeConfig(o.keyFile, config);
    return { config, created: true };
  }
  const communityId = o.newId();
  const channelId = o.newId();
  const { key } = await createApiKey(o.storage, {
    communityId,
    permissions: ['analysis:read', 'analysis:write'],
    now: now(),
  });
  const sampleAnalysisId = await postSample(o.app, key, communityId, channelId, o.sample);
  const config: DemoConfig = { apiKey: key, communityId, channelId, sampleAnalysisId };
  await writeConfig(o.keyFile, config);
  return { config, created: true };
}
