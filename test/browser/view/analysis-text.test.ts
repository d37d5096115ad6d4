import { afterEach, describe, expect, it } from 'vitest';
import { renderAnalysisText } from '../../../src/view/index';
import { EXAMPLE } from '../../unit/svg/detail-builders';

afterEach(() => document.body.replaceChildren());

describe('renderAnalysisText', () => {
  it('highlights on hover and focus, clears on leave and blur', () => {
    const calls: (string | null)[] = [];
    const el = renderAnalysisText(EXAMPLE, { onHighlight: (k) => calls.push(k) });
    document.body.append(el);
    const [zone, entry] = Array.from(el.querySelectorAll('button'));
    zone!.dispatchEvent(new MouseEvent('mouseenter'));
    zone!.dispatchEvent(new MouseEvent('mouseleave'));
    entry!.focus();
    expect(document.activeElement).toBe(entry);
    entry!.blur();
    expect(calls).toEqual(['support_zone', null, 'entry_line', null]);
  });

  it('links to levels as well as drawings, and leaves a reference to nothing as text', () => {
    const detail = {
      ...EXAMPLE,
      metadata: { ...EXAMPLE.metadata, comments: 'Hold [[pivot_main:the pivot]] not [[ghost:a ghost]]' },
    };
    const el = renderAnalysisText(detail, { onHighlight: () => {} });
    const p = el.querySelector('.cm-text-comments p')!;
    expect(Array.from(p.querySelectorAll('button')).map((b) => b.dataset.key)).toEqual(['pivot_main']);
    expect(p.textContent).toBe('Hold the pivot not a ghost');
  });

  it('omits empty fields', () => {
    const detail = {
      ...EXAMPLE,
      metadata: { ...EXAMPLE.metadata, alternativeText: '', comments: undefined },
    };
    const el = renderAnalysisText(detail, { onHighlight: () => {} });
    expect(el.querySelectorAll('section')).toHaveLength(1);
  });
});
