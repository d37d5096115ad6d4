import { describe, expect, it } from 'vitest';
import { startWebhookWorker } from '../../../../src/server/webhooks/worker';
import { webhookEnvOptions } from '../../../../src/server/webhooks/worker-env';
import { openTestStorage } from './outbox-db';

describe('webhookEnvOptions', () => {
  it('reads the maximum age in hours and the private-address switch; unset means absent', () => {
    expect(webhookEnvOptions({})).toEqual({});
    expect(
      webhookEnvOptions({ CHARTMARK_WEBHOOK_MAX_AGE_HOURS: '', CHARTMARK_WEBHOOK_ALLOW_PRIVATE: '' }),
    ).toEqual({});
    expect(
      webhookEnvOptions({ CHARTMARK_WEBHOOK_MAX_AGE_HOURS: '48', CHARTMARK_WEBHOOK_ALLOW_PRIVATE: '1' }),
    ).toEqual({ maxAgeMs: 172_800_000, allowPrivateAddresses: true });
    expect(
      webhookEnvOptions({ CHARTMARK_WEBHOOK_MAX_AGE_HOURS: '0.5', CHARTMARK_WEBHOOK_ALLOW_PRIVATE: '0' }),
    ).toEqual({ maxAgeMs: 1_800_000, allowPrivateAddresses: false });
  });

  it('names the variable and the rule for a bad value', () => {
    for (const bad of ['0', '-1', 'abc', '1e3', '24h'])
      expect(() => webhookEnvOptions({ CHARTMARK_WEBHOOK_MAX_AGE_HOURS: bad })).toThrow(
        `CHARTMARK_WEBHOOK_MAX_AGE_HOURS: must be a number of hours > 0, got ${JSON.stringify(bad)}`,
      );
    expect(() => webhookEnvOptions({ CHARTMARK_WEBHOOK_ALLOW_PRIVATE: 'yes' })).toThrow(
      'CHARTMARK_WEBHOOK_ALLOW_PRIVATE: must be 1 or 0, got "yes"',
    );
  });

  it('the worker refuses a negative or non-finite maxAgeMs', async () => {
    const storage = openTestStorage();
    try {
      expect(() => startWebhookWorker({ storage, intervalMs: 0, maxAgeMs: -1 })).toThrow(
        'maxAgeMs: must be a finite number of ms ≥ 0, got -1',
      );
      expect(() => startWebhookWorker({ storage, intervalMs: 0, maxAgeMs: Number.NaN })).toThrow(
        'maxAgeMs: must be a finite number of ms ≥ 0, got NaN',
      );
    } finally {
      await storage.close();
    }
  });
});
