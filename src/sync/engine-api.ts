// The sync engine's public shape: its options and the handle it returns.
import type { UtcSeconds } from '../core/units';
import type { Editor } from '../editor/editor-api';
import type { ApiClient } from './api-client';
import type { BackoffOptions } from './backoff';
import type { OutboxStore } from './outbox';
import type { SyncStatus } from './status';

/** Timer functions (the global ones by default; a virtual clock in tests). */
export interface Timers {
  /** Calls `fn` after `ms` milliseconds; returns a handle for clearTimeout. */
  setTimeout(fn: () => void, ms: number): unknown;
  /** Cancels a timer set by setTimeout. */
  clearTimeout(handle: unknown): void;
}

/** Options of `createSyncEngine`. */
export interface SyncEngineOptions {
  readonly editor: Editor;
  readonly client: ApiClient;
  readonly communityId: string;
  readonly channelId: string;
  readonly outbox: OutboxStore;
  /** E-mail of the acting user, sent as `sender` (spec §3.1). */
  readonly sender: string;
  /** Clock in unix ms (default Date.now). */
  readonly now?: () => number;
  /** Uniform [0, 1) source for jitter and key prefixes (default Math.random). */
  readonly random?: () => number;
  readonly timers?: Timers;
  /** Quiet time after the last edit before sending (default 400 ms). */
  readonly debounceMs?: number;
  /** Fetch the server's version this often when idle, to see other clients' edits (0 = never, the default). */
  readonly pollMs?: number;
  readonly backoff?: BackoffOptions;
}

/** A running sync engine bound to one editor. */
export interface SyncEngine {
  /** The analysis being synced; null for a draft not yet created. */
  readonly analysisId: string | null;
  readonly status: SyncStatus;
  /** When the server created the analysis (UTC seconds), from the last detail it sent; null until one arrives. */
  readonly createdAt: UtcSeconds | null;
  /** Local edits not yet confirmed by the server (an unfinished gesture counts as one). */
  readonly pending: number;
  /** Calls `listener` whenever the status text changes; returns the unsubscribe function. */
  subscribe(listener: (status: SyncStatus) => void): () => void;
  /** Loads an analysis from the server into the editor (with any pending local work on top) and syncs it. */
  open(analysisId: string): Promise<void>;
  /** Loads a draft left in the outbox of this channel into the editor; false when there is none. */
  resumeDraft(): Promise<boolean>;
  /** Sends now, skipping the debounce and any backoff wait. */
  flush(): void;
  /** Fetches the server's version and rebases local work on it, when nothing is in flight. */
  refresh(): void;
  /** Resolves when the current step (request, write) is done; then check `isIdle`. */
  settled(): Promise<void>;
  /** True when nothing is pending, running or waiting on a timer (polling aside). */
  isIdle(): boolean;
  /** Stops timers and ignores answers still on their way; the outbox stays for the next engine. */
  dispose(): void;
}
