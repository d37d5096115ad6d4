// The shape of what the outbox stores: one record per analysis or draft, with its pending edits
// and the frozen request. Kept apart from the stores so that the version decoder can name it.
import type { Drawing } from '../schema/drawings/drawing';
import type { AppendDrawingsRequest, CreateAnalysisRequest, UpdateAnalysisRequest } from '../schema/requests';
import type { Touched } from './rebase';
import type { SyncDoc } from './sync-doc';

/** The schema version of outbox records this build writes. */
export const OUTBOX_SCHEMA_VERSION = 2;

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
  /** Shape version; read back through `decodeOutboxRecord`, which migrates older records. */
  readonly schemaVersion: typeof OUTBOX_SCHEMA_VERSION;
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
  /**
   * Ids of drawings this client has seen on the server beyond its base (merged while a request was
   * in flight, so the base could not move yet): they are the server's, never a clash with a new
   * local drawing. Added in schema version 2.
   */
  readonly known: readonly string[];
  /** Next entry sequence number; also numbers idempotency keys. */
  readonly nextSeq: number;
}

/** Persistence of outbox records by key. `write` takes its copy before it returns (crash safety). */
export interface OutboxStore {
  /** The record stored under `key`, or undefined. */
  read(key: string): Promise<OutboxRecord | undefined>;
  /** Stores `record` under `key`, replacing any earlier one. */
  write(key: string, record: OutboxRecord): Promise<void>;
  /** Deletes the record under `key`. */
  remove(key: string): Promise<void>;
  /** Keys present, for diagnostics and tests. */
  keys(): Promise<string[]>;
  /**
   * Lets go of what the store holds open (a database connection) once the writes already made have
   * landed; a later call opens it again. Stores with nothing to release leave it out.
   */
  close?(): Promise<void>;
}
