// The editor's polite live region: each change in words (announce.ts), for screen readers. Its
// text is set with textContent only; drawing ids and prices never become markup.
import type { WordFormats } from '../core/index';
import type { Editor } from '../editor/index';
import { createAnnouncer } from './announce';
import { el, type Scope } from './dom';
import type { EmbedStrings } from './strings';

/** Mounts a visually hidden live region into `root` that reads out the editor's changes. */
export function mountLiveRegion(
  doc: Document,
  root: HTMLElement,
  editor: Pick<Editor, 'getState' | 'subscribe'>,
  strings: EmbedStrings,
  scope: Scope,
  format: () => WordFormats,
): HTMLElement {
  const region = el(doc, 'div', 'cm-live cm-visually-hidden');
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.setAttribute('aria-atomic', 'true');
  root.append(region);
  scope.add(() => region.remove());
  const announce = createAnnouncer(editor.getState(), () => ({ strings, format: format() }));
  scope.add(
    editor.subscribe((state, change) => {
      const text = announce(state, change);
      if (text) region.textContent = text;
    }),
  );
  return region;
}
