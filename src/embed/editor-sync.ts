// The embed's connection to the Chart Analysis API: a token-signing client, one outbox per tab
// (released when the embed is destroyed), a sync engine that opens `analysisId` or resumes the
// channel's draft, and the page events (online, focus, visible) that make it send or refresh.
import type { Editor } from '../editor/index';
import {
  claimTabOutbox,
  createApiClient,
  createSyncEngine,
  indexedDbOutbox,
  memoryOutbox,
  type SyncEngine,
} from '../sync/index';
import { authorizedFetch, type TokenSource } from './api-auth';
import type { Scope } from './dom';

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

/** Where the API is and how the page authenticates (never a community's API key: spec §5.1). */
export interface ApiOptions {
  /** Base URL without `/v1`; '' for the page's own origin. */
  readonly baseUrl: string;
  /** A short-lived token, or an async function that fetches a fresh one from the community's server. */
  readonly token: TokenSource;
  /** Transport (default: the global fetch). */
  readonly fetch?: Fetch;
}

/** Sync tuning. */
export interface SyncOptions {
  /** Quiet time after the last edit before sending (default 400 ms). */
  readonly debounceMs?: number;
  /** Check the server for other people's edits this often while idle (default 5000 ms; 0 = never). */
  readonly pollMs?: number;
  /** Keep unsent edits in IndexedDB over reloads (default true); false keeps them in memory. */
  readonly persist?: boolean;
  /** Prefix of the outbox database names (default `chartmark-sync-`). */
  readonly outboxPrefix?: string;
}

/** What the connection needs. */
export interface ConnectInput {
  readonly editor: Editor;
  readonly api: ApiOptions;
  readonly sender: string;
  readonly analysisId?: string;
  readonly channel?: { readonly communityId: string; readonly channelId: string };
  readonly sync?: SyncOptions;
  readonly scope: Scope;
  readonly signal: AbortSignal;
}

/** Starts syncing; resolves with the engine once the analysis (or draft) is loaded, null if destroyed first. */
export async function connect(input: ConnectInput): Promise<SyncEngine | null> {
  const { editor, api, scope, signal } = input;
  if (!input.analysisId && !input.channel)
    throw new TypeError(
      'analysisId or channel: one is required with api (which analysis to open, or where to create one)',
    );
  const o = input.sync ?? {};
  const persist = o.persist ?? true;
  const prefix = o.outboxPrefix ?? 'chartmark-sync-';
  const name = persist ? await claimTabOutbox(prefix, undefined, signal) : null;
  if (signal.aborted) return null;
  const base: Fetch = api.fetch ?? ((i, init) => globalThis.fetch(i, init));
  const client = createApiClient({
    baseUrl: api.baseUrl,
    apiKey: '',
    fetch: authorizedFetch(api.token, base),
  });
  const outbox = name ? indexedDbOutbox(name) : memoryOutbox();
  // Added before the engine's dispose, so it runs after it (newest first): the last writes land.
  scope.add(() => void outbox.close?.());
  const engine = createSyncEngine({
    editor,
    client,
    communityId: input.channel?.communityId ?? '',
    channelId: input.channel?.channelId ?? '',
    outbox,
    sender: input.sender,
    pollMs: o.pollMs ?? 5000,
    ...(o.debounceMs === undefined ? {} : { debounceMs: o.debounceMs }),
    backoff: { baseMs: 500, capMs: 5000 },
  });
  scope.add(() => engine.dispose());
  const win = typeof window !== 'undefined' ? window : null;
  if (win) {
    scope.listen(win, 'online', () => engine.flush());
    scope.listen(win, 'focus', () => engine.refresh());
    scope.listen(win.document, 'visibilitychange', () => {
      if (win.document.visibilityState === 'visible') engine.refresh();
    });
  }
  if (input.analysisId) await engine.open(input.analysisId);
  else await engine.resumeDraft();
  return engine;
}
