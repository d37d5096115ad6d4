// Code kept in chunks of its own (the overlay's Konva layer, the embed's panel parts and sync):
// loaded "soon, but after the first paint", while the user looks at the chart and before a first
// click, and failing with a message that names the part and what to do.

/** Loads a part's module; a failed fetch rejects naming the part, the cause and what to do. */
export async function loadPart<T>(part: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const cause = err instanceof Error ? err.message : String(err);
    throw new Error(`${part}: its code could not be loaded (${cause}); reload the page to try again`);
  }
}

type IdleWindow = {
  requestIdleCallback?: (fn: () => void, opts: { timeout: number }) => number;
  cancelIdleCallback?: (id: number) => void;
};

/**
 * Runs `fn` once the page is idle after its next paint (at most ~200 ms later); returns a
 * function that cancels it if it has not run yet.
 */
export function afterPaintIdle(win: (Window & IdleWindow) | null, fn: () => void): () => void {
  let cancel = (): void => {};
  const afterPaint = (): void => {
    if (win?.requestIdleCallback) {
      const id = win.requestIdleCallback(fn, { timeout: 200 });
      cancel = () => win.cancelIdleCallback?.(id);
    } else {
      const id = setTimeout(fn, 0);
      cancel = () => clearTimeout(id);
    }
  };
  if (win) {
    const id = win.requestAnimationFrame(afterPaint);
    cancel = () => win.cancelAnimationFrame(id);
  } else afterPaint();
  return () => cancel();
}
