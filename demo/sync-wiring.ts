// Sync for the editor page: with the reference server (`npm start`) the page opens `?analysis=<id>`
// (default: the seeded sample) and saves every edit; under plain `vite` there is no server, so
// edits stay in this browser's outbox and the status says so.
import type { Editor } from 'chartmark/editor';
import {
  claimTabOutbox,
  createApiClient,
  createSyncEngine,
  indexedDbOutbox,
  type SyncEngine,
  type SyncStatus,
  statusText,
} from 'chartmark/sync';

interface DemoConfig {
  readonly apiKey: string;
  readonly communityId: string;
  readonly channelId: string;
  readonly sampleAnalysisId: string;
}

/** What the page exposes as `window.chartmark.sync` (tests read it). */
export interface SyncHandle {
  readonly analysisId: string | null;
  readonly communityId: string | null;
  readonly status: SyncStatus;
  readonly engine: SyncEngine;
}

const SENDER = 'demo@chartmark.dev';

async function loadConfig(): Promise<DemoConfig | null> {
  // The dev server has no API and no config; asking would only log a 404.
  if (import.meta.env.DEV) return null;
  try {
    const res = await fetch('/demo/config.json', { cache: 'no-store' });
    return res.ok ? ((await res.json()) as DemoConfig) : null;
  } catch {
    return null;
  }
}

function statusElement(): HTMLOutputElement {
  const el = document.createElement('output');
  el.id = 'sync-status';
  el.className = 'sync-status';
  el.setAttribute('role', 'status');
  el.setAttribute('aria-live', 'polite');
  (document.querySelector('header.top') ?? document.body).append(el);
  return el;
}

/** Binds a sync engine to the page's editor, shows its status, and publishes `window.chartmark.sync`. */
export async function wireSync(editor: Editor): Promise<void> {
  const el = statusElement();
  const config = await loadConfig();
  // One outbox per tab, kept over reloads; a new tab adopts the outbox a closed tab left with
  // unsent edits (claimTabOutbox), so they are sent when that analysis is opened again.
  const outboxName = await claimTabOutbox('chartmark-sync-');
  const offlineFetch = () => Promise.reject(new TypeError('no API server (plain vite)'));
  const client = createApiClient({
    baseUrl: '',
    apiKey: config?.apiKey ?? '',
    ...(config ? {} : { fetch: offlineFetch }),
  });
  const engine = createSyncEngine({
    editor,
    client,
    communityId: config?.communityId ?? 'no-server',
    channelId: config?.channelId ?? 'no-server',
    outbox: indexedDbOutbox(outboxName),
    sender: SENDER,
    pollMs: config ? 2000 : 0,
    backoff: { baseMs: 500, capMs: 5000 },
  });
  let openError: string | null = null;
  const show = () => {
    const status: SyncStatus = openError
      ? { kind: 'error', message: openError }
      : config
        ? engine.status
        : { kind: 'offline', pending: engine.pending };
    el.textContent = statusText(status);
    el.dataset.kind = status.kind;
  };
  engine.subscribe(show);
  editor.subscribe(show);
  show();

  const handle: SyncHandle = {
    get analysisId() {
      return engine.analysisId;
    },
    communityId: config?.communityId ?? null,
    get status() {
      return engine.status;
    },
    engine,
  };
  const w = window as unknown as { chartmark?: Record<string, unknown> };
  w.chartmark = Object.assign(w.chartmark ?? {}, { sync: handle });
  if (!config) return;

  window.addEventListener('online', () => engine.flush());
  window.addEventListener('focus', () => engine.refresh());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') engine.refresh();
  });
  const id = new URLSearchParams(location.search).get('analysis') ?? config.sampleAnalysisId;
  try {
    await engine.open(id);
  } catch (err) {
    openError = `cannot open analysis ${id}: ${err instanceof Error ? err.message : String(err)}`;
  }
  show();
}
