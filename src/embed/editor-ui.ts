// The editor's page structure: the toolbar row (with the save status at its end), then the chart
// beside the panel (style, analysis, levels), which moves below the chart on narrow screens.
import type { UtcSeconds } from '../core/index';
import type { Editor } from '../editor/index';
import type { AlertStore } from '../view/index';
import type { AlertPart } from './alert-part';
import { el, type Scope } from './dom';
import { loadWhenIdle } from './load-part';
import type { EmbedStrings } from './strings';
import { mountToolbar } from './toolbar';

/** The UI parts; each can be turned off. */
export interface EditorParts {
  readonly toolbar: boolean;
  readonly stylePanel: boolean;
  readonly analysisForm: boolean;
  readonly status: boolean;
  /** The "alert me" toggle of the selected drawing and the crossing notices. */
  readonly alerts: boolean;
}

/** The embed's elements (null for a part that is off). */
export interface EditorUi {
  readonly root: HTMLElement;
  /** The chart's container (null when the embedder brought its own chart). */
  readonly chart: HTMLElement | null;
  readonly toolbar: HTMLElement | null;
  readonly panel: HTMLElement | null;
  readonly status: HTMLOutputElement | null;
  /** Shows a status line (no-op without the status part). */
  showStatus(text: string, kind: string): void;
  /** Shows a crossing notice (no-op without the alerts part). */
  notify(text: string): void;
  /** Shows the selected drawing's "alert me" mark as stored now. */
  refreshAlerts(): void;
  /** Shows the expiry instant again (its createdAt arrived from the server). */
  refreshExpiry(): void;
  /**
   * Resolves when the panel's parts, loaded in chunks of their own after the chart is up, are in
   * place, or show in their place that they could not be loaded; never rejects.
   */
  readonly loaded: Promise<void>;
}

/** What mountEditorUi needs. */
export interface EditorUiInput {
  readonly doc: Document;
  readonly root: HTMLElement;
  readonly editor: Editor;
  readonly strings: EmbedStrings;
  readonly scope: Scope;
  readonly parts: Partial<EditorParts> | undefined;
  /** True when the embed creates the chart (then it gets a box here). */
  readonly ownChart: boolean;
  readonly focusChart: () => void;
  readonly levelStep: () => number;
  readonly defaultTime: () => UtcSeconds;
  /** The viewer's "alert me" marks and the analysis they belong to now. */
  readonly alertStore: AlertStore;
  readonly alertKey: () => string;
  /** When the analysis expires (core's expiresAt over the stored createdAt), null for never. */
  readonly expiresAt: () => UtcSeconds | null;
}

/**
 * A slot in the panel for a part kept in its own chunk: empty and busy until the idle preload
 * brings the part's code, then the part's elements; if the code cannot be fetched, a message in
 * its place (the chart, the drawings and the other parts go on working).
 */
function lazySlot<M>(
  input: EditorUiInput,
  name: string,
  load: () => Promise<M>,
  build: (module: M) => HTMLElement[],
): { slot: HTMLElement; loaded: Promise<void> } {
  const { doc, scope, strings } = input;
  const slot = el(doc, 'div', 'cm-part');
  slot.setAttribute('aria-busy', 'true');
  const loaded = loadWhenIdle(
    doc,
    scope,
    name,
    load,
    (module) => slot.replaceWith(...build(module)),
    (err) => {
      slot.removeAttribute('aria-busy');
      slot.classList.add('cm-part-failed');
      slot.setAttribute('role', 'alert');
      slot.textContent = strings.partFailed(name);
      slot.title = err.message;
    },
  );
  return { slot, loaded };
}

/** Builds the parts into `root`. */
export function mountEditorUi(input: EditorUiInput): EditorUi {
  const { doc, root, editor, strings, scope } = input;
  const on = (part: keyof EditorParts) => input.parts?.[part] ?? true;
  const toolbar = on('toolbar') ? mountToolbar(doc, editor, strings, scope, input.focusChart) : null;
  let status: HTMLOutputElement | null = null;
  if (on('status')) {
    status = el(doc, 'output', 'cm-status');
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
  }
  if (toolbar) {
    if (status) toolbar.append(status);
    root.append(toolbar);
  } else if (status) root.append(status);
  const body = el(doc, 'div', 'cm-body');
  const chart = input.ownChart ? el(doc, 'div', 'cm-chart') : null;
  if (chart) body.append(chart);
  const forms: HTMLElement[] = [];
  const loading: Promise<void>[] = [];
  const lazy = <M>(name: string, load: () => Promise<M>, build: (module: M) => HTMLElement[]): void => {
    const part = lazySlot(input, name, load, build);
    forms.push(part.slot);
    loading.push(part.loaded);
  };
  if (on('stylePanel'))
    lazy(
      strings.styleForm,
      () => import('./style-panel'),
      (m) => [m.mountStylePanel(doc, editor, strings, scope)],
    );
  let refreshExpiry = (): void => {};
  if (on('analysisForm'))
    lazy(
      strings.metadataForm,
      () => import('./analysis-form'),
      (m) => {
        const metadata = m.mountMetadataForm(doc, editor, strings, scope, input.expiresAt);
        refreshExpiry = () => metadata.refresh();
        return [
          metadata.form,
          m.mountLevelsForm(doc, editor, strings, scope, input.levelStep, input.defaultTime),
        ];
      },
    );
  let alerts: AlertPart | null = null;
  // Crossing notices that come before the part's code: shown once it is in place.
  const early: string[] = [];
  if (on('alerts'))
    lazy(
      strings.alertsGroup,
      () => import('./alert-part'),
      (m) => {
        const part = m.mountAlertPart(doc, editor, strings, scope, input.alertKey, input.alertStore);
        alerts = part;
        for (const text of early.splice(0)) part.notices.notify(text);
        return [part.element];
      },
    );
  let panel: HTMLElement | null = null;
  if (forms.length > 0) {
    panel = el(doc, 'aside', 'cm-panel');
    panel.setAttribute('aria-label', strings.panel);
    panel.append(...forms);
    body.append(panel);
  } else body.classList.add('cm-no-panel');
  if (chart || panel) root.append(body);
  return {
    root,
    chart,
    toolbar,
    panel,
    status,
    showStatus(text, kind) {
      if (!status) return;
      status.textContent = text;
      status.dataset.kind = kind;
    },
    notify(text) {
      if (alerts) alerts.notices.notify(text);
      else if (on('alerts')) early.push(text);
    },
    refreshAlerts: () => (alerts as AlertPart | null)?.refresh(),
    refreshExpiry: () => refreshExpiry(),
    loaded: Promise.all(loading).then(() => {}),
  };
}
