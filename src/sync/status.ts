// What the UI shows about saving, and its one-line text.

/** A field a new analysis must have before the server can create it. */
export type MissingField = 'title' | 'symbol';

/** Sync status for the UI. */
export type SyncStatus =
  | { readonly kind: 'saved'; readonly version: number }
  /** A new analysis with edits, held back until it has what the server requires. */
  | { readonly kind: 'incomplete'; readonly missing: readonly MissingField[] }
  | { readonly kind: 'saving' }
  | { readonly kind: 'offline'; readonly pending: number }
  | { readonly kind: 'error'; readonly message: string };

/**
 * "Saved · v3", "Saving…", "Offline · 2 pending", "Error: …" ("New · not saved yet" before a first
 * save, "New · add a title and a symbol to save" while a new analysis lacks them).
 */
export function statusText(status: SyncStatus): string {
  switch (status.kind) {
    case 'saved':
      // Version 0 means the server has never seen this draft; calling it saved would mislead.
      return status.version === 0 ? 'New · not saved yet' : `Saved · v${status.version}`;
    case 'incomplete':
      return `New · add ${status.missing.map((f) => `a ${f}`).join(' and ')} to save`;
    case 'saving':
      return 'Saving…';
    case 'offline':
      return `Offline · ${status.pending} pending`;
    case 'error':
      return `Error: ${status.message}`;
  }
}

/** The status from the engine's state: an error wins, then offline, then unsent work. */
export function syncStatus(s: {
  readonly error: string | null;
  readonly offline: boolean;
  readonly pending: number;
  readonly sending: boolean;
  readonly version: number;
  /** Required fields a new analysis lacks (it is not sent until it has them). */
  readonly missing?: readonly MissingField[];
}): SyncStatus {
  if (s.error !== null) return { kind: 'error', message: s.error };
  if (s.offline) return { kind: 'offline', pending: s.pending };
  if (s.missing?.length) return { kind: 'incomplete', missing: s.missing };
  if (s.pending > 0 || s.sending) return { kind: 'saving' };
  return { kind: 'saved', version: s.version };
}
