// The editor's "alert me" part: a toggle for the one selected drawing and the notices of marked
// drawings that live bars cross. Built from the view's toggle and log, so both read the same.
import type { Editor } from '../editor/index';
import { type AlertStore, createAlertToggle, createNoticeLog, type NoticeLog } from '../view/index';
import { el, type Scope } from './dom';
import type { EmbedStrings } from './strings';

/** The part's element and its notice log. */
export interface AlertPart {
  readonly element: HTMLElement;
  readonly notices: NoticeLog;
  /** Reads the selected drawing's mark again (after setAlert from the API). */
  refresh(): void;
}

/** Builds the part and keeps its toggle on the selection until `scope` closes. */
export function mountAlertPart(
  doc: Document,
  editor: Editor,
  strings: EmbedStrings,
  scope: Scope,
  analysisId: () => string,
  store: AlertStore,
): AlertPart {
  const element = el(doc, 'div', 'cm-form cm-alerts');
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', strings.alertsGroup);
  const fields = el(doc, 'fieldset');
  const toggle = createAlertToggle(doc, analysisId, store);
  const notices = createNoticeLog(doc);
  fields.append(el(doc, 'legend', undefined, strings.alerts), toggle.element, notices.element);
  element.append(fields);
  let shown: unknown;
  const sync = (force = false): void => {
    const s = editor.getState();
    // Only one drawing can be marked at a time from here; a multiple selection shows none.
    const drawing = s.selection.length === 1 ? (s.byId[s.selection[0]!] ?? null) : null;
    if (drawing === shown && !force) return;
    shown = drawing;
    toggle.show(drawing);
  };
  scope.add(editor.subscribe(() => sync()));
  sync();
  return { element, notices, refresh: () => sync(true) };
}
