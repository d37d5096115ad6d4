// The user's editor preferences, kept in this browser per user: the magnet mode and what the next
// drawing of each kind starts with (the style panel with nothing selected). This half needs no
// schema: the store's shape, writing, and binding a store to an editor; reading stored data (as
// hostile, against the wire schema) is preferences.ts, a chunk of its own for the embed.
import type { DrawingKind } from '../core/index';
import type { DrawingDefaults, DrawingDefaultsByKind, Editor, MagnetMode } from '../editor/index';
import { pageStorage } from '../view/page-storage';
import type { Scope } from './dom';

/** localStorage key prefix of the preferences; the user (the sender e-mail, or '' locally) follows it. */
export const PREFERENCES_STORAGE_PREFIX = 'chartmark:prefs:';

/** What is kept per user. */
export interface EditorPreferences {
  readonly magnet?: MagnetMode;
  readonly drawingDefaults?: DrawingDefaultsByKind;
}

/** Reads and writes one user's preferences. */
export interface PreferenceStore {
  load(): EditorPreferences;
  save(preferences: EditorPreferences): void;
}

/** The page storage preferences live in (localStorage), or null where there is none. */
export type PreferenceStorage = Pick<Storage, 'getItem' | 'setItem'> | null;

/** Writes `user`'s preferences to `storage` (each distinct value once); in memory only when it refuses. */
export function preferenceWriter(user: string, storage: PreferenceStorage): PreferenceStore['save'] {
  const key = PREFERENCES_STORAGE_PREFIX + user;
  let written: string | null = null;
  return (preferences) => {
    const text = JSON.stringify(preferences);
    if (text === written) return;
    written = text;
    try {
      storage?.setItem(key, text);
    } catch {
      // Storage full or refused: the preferences hold for this page.
    }
  };
}

/**
 * `user`'s local store when nothing is stored yet (nothing to validate, so no schema is
 * loaded), or null when something is: then localPreferences (preferences.ts) reads it.
 */
export function freshLocalPreferences(
  user: string,
  storage: PreferenceStorage = pageStorage(),
): PreferenceStore | null {
  let text: string | null;
  try {
    text = storage?.getItem(PREFERENCES_STORAGE_PREFIX + user) ?? null;
  } catch {
    text = null;
  }
  return text === null ? { load: () => ({}), save: preferenceWriter(user, storage) } : null;
}

/** Applies the stored preferences to `editor` and saves them whenever the magnet or the defaults change, until `scope` closes. */
export function bindPreferences(editor: Editor, store: PreferenceStore, scope: Scope): void {
  const stored = store.load();
  if (stored.magnet) editor.setMagnet(stored.magnet);
  for (const [kind, defaults] of Object.entries(stored.drawingDefaults ?? {}) as [
    DrawingKind,
    DrawingDefaults,
  ][])
    editor.setDrawingDefaults(kind, defaults);
  let last = editor.getState();
  scope.add(
    editor.subscribe((state) => {
      if (state.magnet === last.magnet && state.drawingDefaults === last.drawingDefaults) return;
      last = state;
      store.save({ magnet: state.magnet, drawingDefaults: state.drawingDefaults });
    }),
  );
}
