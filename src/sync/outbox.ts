// The outbox: what the sync engine has not yet had confirmed, persisted before anything is sent,
// so that a reload or a crash resends the same requests (same idempotency keys) in the same order.
import type { OutboxStore } from './outbox-types';
import { decodeOutboxRecord } from './outbox-version';

export type { InFlight, OutboxEntry, OutboxRecord, OutboxStore } from './outbox-types';

/** Outbox key of a draft in a channel. */
export const draftKey = (communityId: string, channelId: string): string =>
  `draft:${communityId}/${channelId}`;
/** Outbox key of a saved analysis. */
export const analysisKey = (analysisId: string): string => `analysis:${analysisId}`;

/** An outbox in memory: survives an engine and editor being thrown away, not a page reload. */
export function memoryOutbox(): OutboxStore {
  const records = new Map<string, string>();
  return {
    read: async (key) => {
      const text = records.get(key);
      return text === undefined ? undefined : decodeOutboxRecord(JSON.parse(text), `outbox ${key}`);
    },
    write(key, record) {
      records.set(key, JSON.stringify(record));
      return Promise.resolve();
    },
    remove(key) {
      records.delete(key);
      return Promise.resolve();
    },
    keys: async () => [...records.keys()],
  };
}

/** An outbox in a Storage (localStorage): the fallback where IndexedDB is missing. */
export function storageOutbox(storage: Storage, prefix = 'chartmark-outbox:'): OutboxStore {
  return {
    read: async (key) => {
      const text = storage.getItem(prefix + key);
      return text === null ? undefined : decodeOutboxRecord(JSON.parse(text), `outbox ${key}`);
    },
    write(key, record) {
      try {
        storage.setItem(prefix + key, JSON.stringify(record));
        return Promise.resolve();
      } catch (err) {
        return Promise.reject(err);
      }
    },
    remove(key) {
      storage.removeItem(prefix + key);
      return Promise.resolve();
    },
    keys: async () => {
      const out: string[] = [];
      // Stryker disable next-line EqualityOperator: key(length) is null, which the ?. below skips
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        // Stryker disable next-line OptionalChaining: key(i) below length is never null; the type says string | null
        if (k?.startsWith(prefix)) out.push(k.slice(prefix.length));
      }
      return out;
    },
  };
}
