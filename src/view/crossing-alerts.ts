// Crossing alerts for a post's reader: which drawings a reader asked to be alerted about (kept in
// the browser per analysis and drawing id, never sent anywhere), the live feed that turns bar
// updates into `cross` events, and the small DOM parts: "alert me" toggles and the notices.
import type { AlertStore } from './alert-store';
import type { Candle } from '../core/candles';
import { createCrossingTracker } from '../core/crossing-tracker';
import type { Crossing } from '../core/crossings';
import type { Drawing } from '../core/drawing';
import { DRAWING_WORDS } from '../core/drawing-words';
import { formatPrice } from '../core/format';
import { createTimeIndex, type TimeIndex } from '../core/time-index';
import type { UtcSeconds } from '../core/units';

/** A crossing as the view and the editor report it: `alert` is true when the reader marked the drawing. */
export interface CrossEvent {
  readonly crossing: Crossing;
  readonly alert: boolean;
}

export { ALERT_STORAGE_PREFIX, type AlertStore, localAlertStore } from './alert-store';

/** Turns live bars into cross events over a chart's history. */
export interface LiveCrossings {
  /** A new or updated last bar; the crossings it adds, each once. */
  update(bar: Candle): CrossEvent[];
}

/** Live crossings of `drawings` after `history` (bars in time order), marked per `store` (the analysis id may be read late: an editor's id arrives with its first save). */
export function createLiveCrossings(
  analysisId: string | (() => string),
  drawings: () => readonly Drawing[],
  history: readonly Candle[],
  store: AlertStore,
): LiveCrossings {
  const times = history.map((c) => c.time as UtcSeconds);
  let index: TimeIndex | null = times.length > 0 ? createTimeIndex(times) : null;
  const tracker = createCrossingTracker({
    // Bar space, as painted; rebuilt only when a bar opens, not on every update of one.
    timeToLogical: (t) => (index ? index.timeToLogical(t as UtcSeconds) : t),
  });
  tracker.reset(history, drawings());
  return {
    update(bar) {
      if (times.length === 0 || bar.time > times.at(-1)!) {
        times.push(bar.time as UtcSeconds);
        index = createTimeIndex(times);
      }
      const marked = store.marked(typeof analysisId === 'string' ? analysisId : analysisId());
      return tracker
        .update(bar, drawings())
        .map((crossing) => ({ crossing, alert: marked.has(crossing.drawingId) }));
    },
  };
}

/** "Horizontal line res_1", the name a reader sees for a drawing. */
export function drawingLabel(d: Drawing): string {
  return `${DRAWING_WORDS.kind[d.kind]} ${d.id}`;
}

/** "Horizontal line res_1 crossed upward at 1.33000". */
export function crossingText(d: Drawing | undefined, c: Crossing): string {
  const name = d ? drawingLabel(d) : c.drawingId;
  return `${name} crossed ${c.direction === 'UP' ? 'upward' : 'downward'} at ${formatPrice(c.price)}`;
}

/** An "Alert me" toggle (aria-pressed) for one drawing; `show` points it at another drawing or none. */
export interface AlertToggle {
  readonly element: HTMLButtonElement;
  /** Points the toggle at `drawing` (null: disabled, nothing to mark) and reads its mark. */
  show(drawing: Drawing | null): void;
}

/** Builds a toggle that marks the drawing it shows in `analysisId()` through `store`. */
export function createAlertToggle(
  doc: Document,
  analysisId: () => string,
  store: AlertStore,
  onChange: (drawingId: string, on: boolean) => void = () => {},
): AlertToggle {
  const button = doc.createElement('button');
  button.type = 'button';
  button.className = 'cm-alert-toggle';
  let current: Drawing | null = null;
  const show = (drawing: Drawing | null): void => {
    current = drawing;
    button.disabled = drawing === null;
    button.textContent = drawing ? `Alert me: ${drawingLabel(drawing)}` : 'Alert me';
    if (drawing) button.dataset.drawingId = drawing.id;
    else delete button.dataset.drawingId;
    button.setAttribute(
      'aria-pressed',
      String(drawing !== null && store.marked(analysisId()).has(drawing.id)),
    );
  };
  button.addEventListener('click', () => {
    if (!current) return;
    const on = button.getAttribute('aria-pressed') !== 'true';
    store.set(analysisId(), current.id, on);
    button.setAttribute('aria-pressed', String(on));
    onChange(current.id, on);
  });
  return { element: button, show };
}

/** A polite live log of crossing notices (text only, never HTML from the analysis). */
export interface NoticeLog {
  readonly element: HTMLElement;
  /** Shows a notice (the newest MAX_NOTICES are kept). */
  notify(text: string): void;
}

/** Most notices kept on screen. */
export const MAX_NOTICES = 3;

/** Builds an empty notice log. */
export function createNoticeLog(doc: Document): NoticeLog {
  const notices = doc.createElement('div');
  notices.className = 'cm-alert-notices';
  notices.setAttribute('role', 'log');
  notices.setAttribute('aria-live', 'polite');
  return {
    element: notices,
    notify(text) {
      const p = doc.createElement('p');
      p.className = 'cm-alert';
      p.textContent = text;
      notices.append(p);
      while (notices.childElementCount > MAX_NOTICES) notices.firstElementChild!.remove();
    },
  };
}

/** The alert parts beside a view: "alert me" toggles per drawing and a live region for notices. */
export interface AlertPanel {
  readonly element: HTMLElement;
  /** Shows a notice (the newest few are kept). */
  notify(text: string): void;
  /** Takes the panel out of the page. */
  remove(): void;
}

/** Builds the panel (text only, never HTML from the analysis). */
export function createAlertPanel(
  analysisId: string,
  drawings: readonly Drawing[],
  store: AlertStore,
  onChange: (drawingId: string, on: boolean) => void = () => {},
): AlertPanel {
  const element = document.createElement('div');
  element.className = 'cm-alert-panel';
  const toggles = document.createElement('div');
  toggles.className = 'cm-alert-toggles';
  toggles.setAttribute('role', 'group');
  toggles.setAttribute('aria-label', 'Alert me when price crosses');
  for (const d of drawings) {
    const toggle = createAlertToggle(document, () => analysisId, store, onChange);
    toggle.show(d);
    toggles.append(toggle.element);
  }
  const notices = createNoticeLog(document);
  element.append(toggles, notices.element);
  return { element, notify: notices.notify, remove: () => element.remove() };
}
