// The post's text with `[[key:text]]` references as focusable buttons that highlight their
// target on the chart. Built with createElement/textContent only: author text never becomes
// markup (spec §3.11: "never as HTML").
import { parseReferences, resolveReferences } from '../core/references';
import { type AnalysisDetailWire, analysisFromDetail, cleanText } from '../svg/index';

/** Options of `renderAnalysisText`. */
export interface AnalysisTextOptions {
  /** Called with a reference's key on hover and focus, and with null when it ends. */
  readonly onHighlight: (key: string | null) => void;
}

/** The text fields shown, in order, with their headings. */
export const TEXT_FIELDS = [
  { field: 'preferenceText', heading: 'Preferred scenario' },
  { field: 'alternativeText', heading: 'Alternative scenario' },
  { field: 'comments', heading: 'Comments' },
] as const;

function referenceButton(key: string, label: string, onHighlight: AnalysisTextOptions['onHighlight']) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'cm-ref';
  button.dataset.key = key;
  button.textContent = cleanText(label);
  const on = () => onHighlight(key);
  const off = () => onHighlight(null);
  button.addEventListener('mouseenter', on);
  button.addEventListener('focus', on);
  button.addEventListener('mouseleave', off);
  button.addEventListener('blur', off);
  return button;
}

/**
 * The analysis' preferenceText, alternativeText and comments as a `<div class="cm-analysis-text">`
 * of sections; each reference whose key names a drawing or level is a `<button type="button">`.
 * A reference to nothing stays plain text (its label).
 */
export function renderAnalysisText(analysis: AnalysisDetailWire, options: AnalysisTextOptions): HTMLElement {
  const model = analysisFromDetail(analysis);
  const scope = { drawings: model.drawings.map((d) => ({ id: d.id, kind: d.kind })), levels: model.levels };
  const root = document.createElement('div');
  root.className = 'cm-analysis-text';
  for (const { field, heading } of TEXT_FIELDS) {
    const text = analysis.metadata[field];
    if (typeof text !== 'string' || text.length === 0) continue;
    const section = document.createElement('section');
    section.className = `cm-text-${field}`;
    const h = document.createElement('h4');
    h.textContent = heading;
    const p = document.createElement('p');
    p.style.whiteSpace = 'pre-line';
    const tokens = parseReferences(text);
    const resolved = resolveReferences(tokens, scope);
    let r = 0;
    for (const t of tokens) {
      if (t.type === 'text') {
        p.append(document.createTextNode(cleanText(t.text)));
        continue;
      }
      const target = resolved[r++]?.target ?? null;
      p.append(
        target === null
          ? document.createTextNode(cleanText(t.label))
          : referenceButton(t.key, t.label, options.onHighlight),
      );
    }
    section.append(h, p);
    root.append(section);
  }
  return root;
}
