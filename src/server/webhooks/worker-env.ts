// The webhook worker's settings from the server's environment, checked once at start so a typo
// fails the start instead of silently keeping a default.
import { ALLOW_PRIVATE_ENV } from './address-guard';

/** Env variable with the give-up age of deliveries, in hours. */
export const MAX_AGE_ENV = 'CHARTMARK_WEBHOOK_MAX_AGE_HOURS';

/** The worker options an environment sets; absent when its variable is unset. */
export interface WebhookEnvOptions {
  readonly maxAgeMs?: number;
  readonly allowPrivateAddresses?: boolean;
}

/** Reads CHARTMARK_WEBHOOK_MAX_AGE_HOURS (hours > 0) and CHARTMARK_WEBHOOK_ALLOW_PRIVATE (1 or 0). */
export function webhookEnvOptions(env: Readonly<Record<string, string | undefined>>): WebhookEnvOptions {
  const hours = env[MAX_AGE_ENV];
  const allow = env[ALLOW_PRIVATE_ENV];
  if (hours !== undefined && hours !== '' && !(/^\d+(\.\d+)?$/.test(hours) && Number(hours) > 0))
    throw new Error(`${MAX_AGE_ENV}: must be a number of hours > 0, got ${JSON.stringify(hours)}`);
  if (allow !== undefined && allow !== '' && allow !== '0' && allow !== '1')
    throw new Error(`${ALLOW_PRIVATE_ENV}: must be 1 or 0, got ${JSON.stringify(allow)}`);
  return {
    ...(hours ? { maxAgeMs: Math.round(Number(hours) * 3_600_000) } : {}),
    ...(allow ? { allowPrivateAddresses: allow === '1' } : {}),
  };
}
