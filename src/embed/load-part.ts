// Parts of the embed kept in chunks of their own (the panel's forms, the sync engine): a page
// loads them after the chart is up, so the first paint and the first drawing wait on none of them.
import type { Scope } from './dom';

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
 * Runs `fn` once the page is idle after its next paint (at most ~200 ms later), unless `scope`
 * closes first: parts start loading while the user looks at the chart, before a first click.
 */
export function whenIdle(doc: Document, scope: Scope, fn: () => void): void {
  const win = doc.defaultView as (Window & IdleWindow) | null;
  let cancel = (): void => {};
  const run = (): void => {
    if (!scope.isClosed) fn();
  };
  const afterPaint = (): void => {
    if (win?.requestIdleCallback) {
      const id = win.requestIdleCallback(run, { timeout: 200 });
      cancel = () => win.cancelIdleCallback?.(id);
    } else {
      const id = setTimeout(run, 0);
      cancel = () => clearTimeout(id);
    }
  };
  if (win) {
    const id = win.requestAnimationFrame(afterPaint);
    cancel = () => win.cancelAnimationFrame(id);
  } else afterPaint();
  scope.add(() => cancel());
}

/**
 * Loads a part once the page is idle after its next paint and hands it to `use`, or the error to
 * `failed` (neither after `scope` closes); resolves, never rejects, once that is done.
 */
export function loadWhenIdle<T>(
  doc: Document,
  scope: Scope,
  part: string,
  load: () => Promise<T>,
  use: (module: T) => void,
  failed: (err: Error) => void,
): Promise<void> {
  return new Promise<void>((resolve) => {
    scope.add(resolve);
    whenIdle(doc, scope, () => {
      loadPart(part, load)
        .then(
          (module) => {
            if (!scope.isClosed) use(module);
          },
          (err: Error) => {
            if (!scope.isClosed) failed(err);
          },
        )
        .finally(resolve);
    });
  });
}
