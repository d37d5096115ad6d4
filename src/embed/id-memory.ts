// The highest drawing id per prefix an analysis ever used in this browser (`line_4`), so a
// deleted drawing's id is not handed out again after a reload. Ids the loaded drawings and the
// texts' references hold are taken by the editor itself; this adds the ones deleted since.
import { pageStorage } from '../view/page-storage';

/** localStorage key prefix of the high-water marks. */
export const ID_STORAGE_PREFIX = 'chartmark:ids:';

/** Reads and writes the marks of one analysis key. */
export interface IdMemory {
  load(analysisKey: string): string[];
  save(analysisKey: string, ids: readonly string[]): void;
}

/** Marks in `storage` (default localStorage); nothing is kept when there is none or it refuses. */
export function localIdMemory(
  storage: Pick<Storage, 'getItem' | 'setItem'> | null = pageStorage(),
): IdMemory {
  const written = new Map<string, string>();
  return {
    load(analysisKey) {
      try {
        const ids: unknown = JSON.parse(storage?.getItem(ID_STORAGE_PREFIX + analysisKey) ?? '[]');
        return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
      } catch {
        return [];
      }
    },
    save(analysisKey, ids) {
      const text = JSON.stringify([...ids].sort());
      if (written.get(analysisKey) === text) return;
      written.set(analysisKey, text);
      try {
        storage?.setItem(ID_STORAGE_PREFIX + analysisKey, text);
      } catch {
        // Storage full or refused: ids stay unique for this page, and references still hold.
      }
    },
  };
}
