// The crossing-alerts part of the read-only view: "alert me" toggles per drawing (marks kept in
// the browser), live bars turned into `cross` events, and a notice for each marked crossing.
// Opt-in (`mountAnalysisView(…, { crossings: viewCrossings })`): a post without alerts ships none
// of the crossing maths.
import type { Candle } from '../svg/index';
import {
  type AlertStore,
  type CrossEvent,
  createAlertPanel,
  createLiveCrossings,
  crossingText,
  localAlertStore,
} from './crossing-alerts';
import type { ViewPartContext } from './view-part';

/** The crossing-alerts part as mounted on one view. */
export interface MountedCrossings {
  /** A new or updated last bar: each new crossing once, as a notice when marked, then to `emit`. */
  update(bar: Candle, emit: (event: CrossEvent) => void): void;
  /** Marks or unmarks a drawing and shows it on its toggle. */
  setAlert(drawingId: string, on: boolean): void;
  /** Takes the toggles and notices out of the page. */
  destroy(): void;
}

/** An opt-in part of `mountAnalysisView`: see `viewCrossings`. */
export interface ViewCrossings {
  /** Mounts the part on a view; `alerts` is the view's option (a store, false, or undefined for localStorage). */
  mount(view: ViewPartContext, alerts: AlertStore | false | undefined): MountedCrossings;
}

/** Crossing alerts on a post's chart: "alert me" toggles, notices, and `cross` events for live bars. */
export const viewCrossings: ViewCrossings = {
  mount(view, alerts) {
    const drawings = view.model.drawings;
    // false hides the toggles and notices; crossings are still reported, against no marks.
    const store = alerts === false ? localAlertStore(null) : (alerts ?? localAlertStore());
    const analysisId = view.analysis.id ?? '';
    const live = createLiveCrossings(analysisId, () => drawings, view.candles, store);
    const panel =
      alerts === false || drawings.length === 0 ? null : createAlertPanel(analysisId, drawings, store);
    if (panel) view.container.after(panel.element);
    const byId = new Map(drawings.map((d) => [d.id, d]));
    return {
      update(bar, emit) {
        for (const event of live.update(bar)) {
          if (event.alert) panel?.notify(crossingText(byId.get(event.crossing.drawingId), event.crossing));
          emit(event);
        }
      },
      setAlert(drawingId, on) {
        store.set(analysisId, drawingId, on);
        panel?.element
          .querySelector(`[data-drawing-id="${CSS.escape(drawingId)}"]`)
          ?.setAttribute('aria-pressed', String(on));
      },
      destroy: () => panel?.remove(),
    };
  },
};
