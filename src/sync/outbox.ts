// The outbox: what the sync engine has not yet had confirmed, persisted before anything is sent,
// so that a reload or a crash resends the same requests (same idempotency keys) in the same order.
import type { Drawing } from '../schema/drawings/drawing';
import type { AppendDrawingsRequest, CreateAnalysisRequest, UpdateAnalysisRequest } from '../schema/requests';
import type { Touched } from './rebase';
import type { SyncDoc } from './sync-doc';

/** One local edit waiting for the server; `seq` orders them. */
export interface OutboxEntry {
  readonly seq: number;
  readonly touched: Touched;
}

/** The request being sent, frozen: a resend after a reload repeats it byte for byte. */
export type InFlight =
  | {
      readonly op: 'create';
      readonly body: CreateAnalysisRequest;
      readonly upTo: number;
      readonly doc: SyncDoc;
    }
  | {
      readonly op: 'append';
      readonly body: AppendDrawingsRequest;
      readonly upTo: number;
      readonly doc: SyncDoc;
    }
  | {
      readonly op: 'patch';
      readonly body: UpdateAnalysisRequest;
      readonly ifMatch: number;
      readonly upTo: number;
      readonly doc: SyncDoc;
    };

/** Everything the engine persists for one analysis (or one draft). */
export interface OutboxRecord {
  readonly communityId: string;
  readonly channelId: string;
  /** Null until the Create has been confirmed. */
  readonly analysisId: string | null;
  /** Prefix of this record's idempotency keys, random, made with the draft. */
  readonly keyPrefix: string;
  /** Last confirmed server state. */
  readonly base: { readonly version: number; readonly doc: SyncDoc } | null;
  /** Local edits not yet confirmed, oldest first. */
  readonly entries: readonly OutboxEntry[];
  /** The editor's document after the newest entry (null when nothing is pending). */
  readonly desired: SyncDoc | null;
  readonly inFlight: InFlight | null;
  /** Drawings new to the server that unconfirmed requests carried: tells our own lost writes from another client's. */
  readonly sent: readonly Drawing[];
  /** Next entry sequence number; also numbers idempotency keys. */
  readonly nextSeq: number;
}

/** Persistence of outbox records by key. `write` takes its copy before it returns (crash safety). */
export interface OutboxStore {
  read(key: string): Promise<OutboxRecord | undefined>;
  write(key: string, record: OutboxRecord): Promise<void>;
  remove(key: string): Promise<void>;
  /** Keys present, for diagnostics and tests. */
  keys(): Promise<string[]>;
}

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
      return text === undefined ? undefined : (JSON.parse(text) as OutboxRecord);
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
      return text === null ? undefined : (JSON.parse(text) as OutboxRecord);
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
      for (let i = 0; i < storage.length; i++) {
        const k = storage.key(i);
        if (k?.startsWith(prefix)) out.push(k.slice(prefix.length));
      }
      return out;
    },
  };
}
