// The demo server's side of e2e flows: its config with a browser token, and a new analysis made
// from the demo's sample body, so that tests against the real server do not see each other's edits.
import { readFileSync } from 'node:fs';
import { type APIRequestContext, expect } from '@playwright/test';

/** The demo config plus a token from its /demo/token (the page never gets the API key). */
export interface DemoConfig {
  token: string;
  sender: string;
  communityId: string;
  channelId: string;
  sampleAnalysisId: string;
  tokenUrl: string;
}

/** The demo's sample analysis body (demo/sample-analysis.json). */
export const SAMPLE = JSON.parse(
  readFileSync(new URL('../../demo/sample-analysis.json', import.meta.url), 'utf8'),
);

/** The demo config with a fresh token. */
export async function demoConfig(request: APIRequestContext): Promise<DemoConfig> {
  const config = await (await request.get('/demo/config.json')).json();
  const { token } = (await (await request.post(config.tokenUrl)).json()).data;
  return { ...config, token };
}

/** The Authorization header of the config's token. */
export const authOf = (cfg: DemoConfig) => ({ authorization: `Bearer ${cfg.token}` });

/** Creates a new analysis from the sample's body (metadata fields replaced by `metadata`); returns its detail. */
export async function freshAnalysis(
  request: APIRequestContext,
  cfg: DemoConfig,
  metadata: Record<string, unknown> = {},
) {
  const { idempotencyKey: _k, ...body } = SAMPLE;
  const res = await request.post(`/v1/analysis/${cfg.communityId}/channels/${cfg.channelId}`, {
    headers: authOf(cfg),
    data: { ...body, sender: cfg.sender, metadata: { ...body.metadata, ...metadata } },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).data as { id: string; createdAt: string; expiresAt: string } & Record<
    string,
    unknown
  >;
}
