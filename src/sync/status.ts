// What the UI shows about saving, and its one-line text.

/** Sync status for the UI. */
export type SyncStatus =
  | { readonly kind: 'saved'; readonly version: number }
  | { readonly kind: 'saving' }
  | { readonly kind: 'offline'; readonly pending: number }
  | { readonly kind: 'error'; readonly message: string };

/** "Saved · v3", "Saving…", "Offline · 2 pending", "Error: …". */
export function statusText(status: SyncStatus): string {
  switch (status.kind) {
    case 'saved':
      return `Saved · v${status.version}`;
    case 'saving':
      return 'Saving…';
    case 'offline':
      return `Offline · ${status.pending} pending`;
    case 'error':
      return `Error: ${status.message}`;
  }
}
