// The user's editor preferences, kept in this browser per user: the magnet mode and what the next
// drawing of each kind starts with (the style panel with nothing selected). Stored data is read
// as hostile: anything the wire schema would refuse is dropped, the rest is kept.
import { DRAWING_KINDS, type DrawingKind, POINT_COUNT } from '../core/index';
import type { DrawingDefaults, DrawingDefaultsByKind, Editor, MagnetMode } from '../editor/index';
import { Drawing } from '../schema/index';
import type { Scope } from './dom';
import { pageStorage } from '../view/page-storage';

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

const MAGNETS: readonly MagnetMode[] = ['off', 'weak', 'strong'];
const OPTION_KEYS = ['startHead', 'endHead', 'extendLeft', 'extendRight', 'showMidline', 'levels'] as const;
const SOME_TIME = '2026-01-01T00:00:00Z';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** The defaults of `kind` when the wire schema accepts them as that kind's style and options, else undefined. */
export function checkDrawingDefaults(kind: DrawingKind, value: unknown): DrawingDefaults | undefined {
  if (!isObject(value)) return undefined;
  const style = isObject(value.style) ? value.style : {};
  const options = isObject(value.options) ? value.options : {};
  // A drawing of the kind with these style keys and options, checked by the one wire schema.
  const probe = {
    type: kind,
    clientObjectId: 'defaults',
    points: Array.from({ length: POINT_COUNT[kind] }, () => ({ time: SOME_TIME, price: 1 })),
    style,
    ...Object.fromEntries(OPTION_KEYS.filter((k) => k in options).map((k) => [k, options[k]])),
  };
  if (!Drawing.safeParse(probe).success) return undefined;
  const kept = Object.fromEntries(OPTION_KEYS.filter((k) => k in options).map((k) => [k, options[k]]));
  return { style, options: kept } as DrawingDefaults;
}

/** Keeps what is valid of a stored value: a known magnet mode and each kind's valid defaults. */
export function parsePreferences(value: unknown): EditorPreferences {
  if (!isObject(value)) return {};
  const magnet = MAGNETS.find((m) => m === value.magnet);
  const defaults: { [K in DrawingKind]?: DrawingDefaults } = {};
  const stored = isObject(value.drawingDefaults) ? value.drawingDefaults : {};
  for (const kind of DRAWING_KINDS) {
    const d = checkDrawingDefaults(kind, stored[kind]);
    if (d) defaults[kind] = d;
  }
  return { ...(magnet ? { magnet } : {}), drawingDefaults: defaults };
}

/** One user's preferences in `storage` (default localStorage); in memory only when there is none or it refuses. */
export function localPreferences(
  user: string,
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = pageStorage(),
): PreferenceStore {
  const key = PREFERENCES_STORAGE_PREFIX + user;
  let written: string | null = null;
  return {
    load() {
      try {
        return parsePreferences(JSON.parse(storage?.getItem(key) ?? 'null'));
      } catch {
        return {};
      }
    },
    save(preferences) {
      const text = JSON.stringify(preferences);
      if (text === written) return;
      written = text;
      try {
        storage?.setItem(key, text);
      } catch {
        // Storage full or refused: the preferences hold for this page.
      }
    },
  };
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
