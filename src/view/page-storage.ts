// The page's localStorage for what a reader or author keeps in this browser (alert marks, used
// drawing ids), or null: there is none outside a browser, and reading it throws in some private
// modes and sandboxed frames.

/** The page's localStorage, or null where there is none or it refuses to be read. */
export function pageStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
