// The reader's "alert me" marks, kept in the browser per analysis and drawing id, never sent
// anywhere. A module of its own: the editor holds the store from mount, and loads the crossing
// maths (crossing-alerts.ts) only after the chart is up.
import { pageStorage } from './page-storage';

/** The reader's "alert me" marks: client-side only. */
export interface AlertStore {
  /** Drawing ids marked in this analysis. */
  marked(analysisId: string): ReadonlySet<string>;
  /** Marks (`on`) or unmarks a drawing of an analysis. */
  set(analysisId: string, drawingId: string, on: boolean): void;
}

/** localStorage key prefix of the marks. */
export const ALERT_STORAGE_PREFIX = 'chartmark:alerts:';

/** Marks kept in `storage` (default window.localStorage) under `chartmark:alerts:<analysisId>`; in memory when there is none or it refuses. */
export function localAlertStore(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = pageStorage(),
): AlertStore {
  const memory = new Map<string, Set<string>>();
  const read = (analysisId: string): Set<string> => {
    const cached = memory.get(analysisId);
    if (cached) return cached;
    let ids: unknown = [];
    try {
      ids = JSON.parse(storage?.getItem(ALERT_STORAGE_PREFIX + analysisId) ?? '[]');
    } catch {
      ids = [];
    }
    const set = new Set(Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : []);
    memory.set(analysisId, set);
    return set;
  };
  return {
    marked: read,
    set(analysisId, drawingId, on) {
      const set = read(analysisId);
      if (on) set.add(drawingId);
      else set.delete(drawingId);
      try {
        storage?.setItem(ALERT_STORAGE_PREFIX + analysisId, JSON.stringify([...set]));
      } catch {
        // Storage full or refused (private mode): the mark lasts for this page.
      }
    },
  };
}
