// Embedding the editor with sync in an app (the example of the README; type-checked with the
// project). The chart and overlay part is the same as in demo/main.ts; this shows the sync part.
import { createEditor, type Editor } from 'chartmark/editor';
import {
  ApiError,
  API_BASE_URLS,
  createApiClient,
  createSyncEngine,
  indexedDbOutbox,
  type SyncEngine,
  statusText,
} from 'chartmark/sync';

/** What the host app knows: its key (from its backend), where the analysis lives, who edits. */
export interface EmbedOptions {
  readonly apiKey: string;
  readonly communityId: string;
  readonly channelId: string;
  readonly sender: string;
  /** An existing analysis to open; without it the first edit creates a new one. */
  readonly analysisId?: string;
  /** Where to show "Saved · v3", "Saving…", "Offline · 2 pending" or "Error: …". */
  readonly statusElement: HTMLElement;
}

/** Creates an editor bound to the Chart Analysis API and returns both. */
export async function embedAnalysisEditor(o: EmbedOptions): Promise<{ editor: Editor; sync: SyncEngine }> {
  const editor = createEditor();
  const client = createApiClient({ baseUrl: API_BASE_URLS.current, apiKey: o.apiKey });
  const sync = createSyncEngine({
    editor,
    client,
    communityId: o.communityId,
    channelId: o.channelId,
    sender: o.sender,
    outbox: indexedDbOutbox('my-app-analysis-outbox'),
    pollMs: 5000, // pick up other people's edits while idle
  });

  o.statusElement.setAttribute('role', 'status');
  const show = () => {
    o.statusElement.textContent = statusText(sync.status);
  };
  sync.subscribe(show);
  show();
  window.addEventListener('online', () => sync.flush());

  if (o.analysisId) {
    try {
      await sync.open(o.analysisId);
    } catch (err) {
      // The client's errors are data: status, stable code, issues, Retry-After.
      if (err instanceof ApiError && err.status === 404) o.statusElement.textContent = 'Analysis not found';
      else throw err;
    }
  } else {
    // A draft left by a crash or a closed tab comes back; otherwise start from metadata of our own.
    const resumed = await sync.resumeDraft();
    if (!resumed) editor.setMetadata({ title: 'New idea', symbol: 'GBP/USD', timeframe: 'H1' });
  }
  return { editor, sync };
}
