// A post's long description (issue 17 item 9): every level and every drawing in words, the
// Fibonacci levels each with its price, not just "3 drawings". Expected text written from the
// documented example's numbers (demo/channel-sample.json), prices as the post's labels print them.
import { describe, expect, it } from 'vitest';
import sample from '../../../demo/channel-sample.json';
import { describeContents } from '../../../src/svg/describe';
import { renderAnalysisSvg } from '../../../src/svg/index';
import type { AnalysisDetailWire } from '../../../src/svg/wire-detail';

const detail = sample as AnalysisDetailWire;

describe('describeContents', () => {
  it('lists every level and drawing of the documented example', () => {
    expect(describeContents(detail)).toEqual([
      'Support at 1.34100',
      'Pivot at 1.34500',
      'Resistance at 1.35000',
      'Rectangle from 1.33800 on 8 Jan 00:00 to 1.34700 on 9 Jan 00:00',
      'Line from 1.34850 on 8 Jan 00:00 to 1.35050 on 9 Jan 00:00',
      'Horizontal line at 1.35500',
    ]);
  });

  it('lists each Fibonacci level with its price', () => {
    const fib = {
      type: 'FIBONACCI_RETRACEMENT',
      clientObjectId: 'fib_1',
      points: [
        { time: '2026-01-08T10:00:00Z', price: 1.352 },
        { time: '2026-01-09T14:00:00Z', price: 1.341 },
      ],
      levels: [0, 0.618, 1],
    };
    const d = { ...detail, levels: {}, drawings: [fib] } as unknown as AnalysisDetailWire;
    expect(describeContents(d)).toEqual([
      'Fibonacci retracement from 1.35200 on 8 Jan 10:00 to 1.34100 on 9 Jan 14:00; levels 0 at 1.34100, 0.618 at 1.34780, 1 at 1.35200',
    ]);
  });

  it('goes into the SVG as its <desc>, escaped, when passed as the description', () => {
    const d = { ...detail, levels: {} } as AnalysisDetailWire;
    const plain = renderAnalysisSvg(d, [], { width: 600, height: 400, theme: 'light' });
    expect(plain).not.toContain('<desc>');
    const svg = renderAnalysisSvg(d, [], {
      width: 600,
      height: 400,
      theme: 'light',
      description: `${describeContents(d).join('. ')} <b>&`,
    });
    expect(svg).toContain(
      '<desc>Rectangle from 1.33800 on 8 Jan 00:00 to 1.34700 on 9 Jan 00:00. Line from 1.34850 on 8 Jan 00:00 to 1.35050 on 9 Jan 00:00. Horizontal line at 1.35500 &lt;b&gt;&amp;</desc>',
    );
  });
});
