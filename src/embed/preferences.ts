// Stored editor preferences read as hostile: anything the wire schema would refuse is dropped,
// the rest is kept. (The store's shape, writing and binding: preference-store.ts.)
import { DRAWING_KINDS, type DrawingKind, POINT_COUNT } from '../core/index';
import type { DrawingDefaults, MagnetMode } from '../editor/index';
import { Drawing } from '../schema/index';
import { pageStorage } from '../view/page-storage';
import {
  type EditorPreferences,
  PREFERENCES_STORAGE_PREFIX,
  type PreferenceStorage,
  type PreferenceStore,
  preferenceWriter,
} from './preference-store';

export { bindPreferences, PREFERENCES_STORAGE_PREFIX } from './preference-store';
export type { EditorPreferences, PreferenceStore } from './preference-store';

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
export function localPreferences(user: string, storage: PreferenceStorage = pageStorage()): PreferenceStore {
  const key = PREFERENCES_STORAGE_PREFIX + user;
  return {
    load() {
      try {
        return parsePreferences(JSON.parse(storage?.getItem(key) ?? 'null'));
      } catch {
        return {};
      }
    },
    save: preferenceWriter(user, storage),
  };
}
