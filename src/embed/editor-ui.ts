// The editor's page structure: the toolbar row (with the save status at its end), then the chart
// beside the panel (style, analysis, levels), which moves below the chart on narrow screens.
import type { UtcSeconds } from '../core/index';
import type { Editor } from '../editor/index';
import type { AlertStore } from '../view/index';
import { mountAlertPart } from './alert-part';
import { mountLevelsForm, mountMetadataForm } from './analysis-form';
import { el, type Scope } from './dom';
import type { EmbedStrings } from './strings';
import { mountStylePanel } from './style-panel';
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
  if (on('stylePanel')) forms.push(mountStylePanel(doc, editor, strings, scope));
  const metadata = on('analysisForm')
    ? mountMetadataForm(doc, editor, strings, scope, input.expiresAt)
    : null;
  if (metadata) {
    forms.push(
      metadata.form,
      mountLevelsForm(doc, editor, strings, scope, input.levelStep, input.defaultTime),
    );
  }
  const alerts = on('alerts')
    ? mountAlertPart(doc, editor, strings, scope, input.alertKey, input.alertStore)
    : null;
  if (alerts) forms.push(alerts.element);
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
    notify: (text) => alerts?.notices.notify(text),
    refreshAlerts: () => alerts?.refresh(),
    refreshExpiry: () => metadata?.refresh(),
  };
}
