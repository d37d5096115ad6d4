// Public surface of chartmark/sync: the API client, the sync engine, outboxes and the status text.
export {
  API_BASE_URLS,
  type ApiClient,
  type ApiClientOptions,
  type ApiResult,
  createApiClient,
  type ListQuery,
  type WriteOptions,
} from './api-client';
export { ApiError, parseRetryAfter, RETRYABLE_STATUS } from './api-error';
export { type BackoffOptions, DEFAULT_BACKOFF, retryDelay } from './backoff';
export { indexedDbOutbox } from './indexeddb-outbox';
export {
  analysisKey,
  draftKey,
  type InFlight,
  memoryOutbox,
  type OutboxEntry,
  type OutboxRecord,
  type OutboxStore,
  storageOutbox,
} from './outbox';
export { decodeOutboxRecord, OUTBOX_SCHEMA_VERSION } from './outbox-version';
export { NOTHING_TOUCHED, rebase, type Touched } from './rebase';
export { type MissingField, type SyncStatus, statusText } from './status';
export { claimTabOutbox, type TabOutboxEnv } from './tab-outbox';
export {
  canonical,
  type DomainDoc,
  docFromDetail,
  docFromDomain,
  planChange,
  type Plan,
  type SyncDoc,
} from './sync-doc';
export type { SyncEngine, SyncEngineOptions, Timers } from './engine-api';
export { createSyncEngine } from './sync-engine';
