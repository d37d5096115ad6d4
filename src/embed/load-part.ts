// Parts of the embed kept in chunks of their own (the panel's forms, the sync engine): a page
// loads them after the chart is up, so the first paint and the first drawing wait on none of them.
import { afterPaintIdle, loadPart } from '../konva/lazy';
import type { Scope } from './dom';

export { loadPart };

/**
 * Runs `fn` once the page is idle after its next paint (at most ~200 ms later), unless `scope`
 * closes first: parts start loading while the user looks at the chart, before a first click.
 */
export function whenIdle(doc: Document, scope: Scope, fn: () => void): void {
  scope.add(
    afterPaintIdle(doc.defaultView, () => {
      if (!scope.isClosed) fn();
    }),
  );
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
