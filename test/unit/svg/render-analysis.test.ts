import { describe, expect, it, vi } from 'vitest';
import { demoCandles } from '../../../demo/candles';
import { resolveStyle } from '../../../src/core/style';
import type { Primitive } from '../../../src/core/scene';
import { drawingScene } from '../../../src/core/kinds/registry';
import type { UtcSeconds } from '../../../src/core/units';
import {
  analysisFromDetail,
  type Candle,
  describeAnalysis,
  detailExpiresAt,
  fitAnalysisViewport,
  PRICE_AXIS_WIDTH,
  renderAnalysisSvg,
  TIME_AXIS_HEIGHT,
  TITLE_HEIGHT,
} from '../../../src/svg/index';
import { EXAMPLE, ONE_OF_EACH, withDrawings } from './detail-builders';
import { allElements, findAll, parseXml, textOf, type XmlElement } from './xml';

const candles = demoCandles() as unknown as Candle[];
const W = 800;
const H = 450;
const PANE_W = W - PRICE_AXIS_WIDTH;
const PANE_H = H - TITLE_HEIGHT - TIME_AXIS_HEIGHT;
const NOW = Date.parse('2026-01-09T10:00:00Z') / 1000;

const render = (detail = EXAMPLE, bars: readonly Candle[] = candles) =>
  renderAnalysisSvg(detail, bars, { width: W, height: H, theme: 'light', now: NOW });
const pts = (attr: string) => attr.split(' ').flatMap((p) => p.split(',').map(Number));
const kindGroup = (root: XmlElement, kind: string) => {
  const groups = findAll(root, 'g', { class: 'cm-drawing', 'data-kind': kind });
  expect(groups).toHaveLength(1);
  return groups[0]!;
};

/** SVG element names a scene's pane primitives must become, in order (a text with a background is rect + text). */
function expectedElements(primitives: readonly Primitive[]): string[] {
  return primitives.flatMap((p): string[] => {
    switch (p.type) {
      case 'segment':
        return ['line'];
      case 'polyline':
        return ['polyline'];
      case 'polygon':
        return ['polygon'];
      case 'text':
        return p.background === undefined ? ['text'] : ['rect', 'text'];
      case 'handle':
        return ['circle'];
      default:
        return [];
    }
  });
}

describe('renderAnalysisSvg on the documented example and the demo candles', () => {
  const svg = render();
  const root = parseXml(svg);
  const model = analysisFromDetail(EXAMPLE);
  const vp = fitAnalysisViewport(model, candles, detailExpiresAt(EXAMPLE), PANE_W, PANE_H);

  it('is one well-formed svg element of the requested size with the title and spoken summary', () => {
    expect(root.name).toBe('svg');
    expect(root.attrs).toMatchObject({ width: '800', height: '450', viewBox: '0 0 800 450', role: 'img' });
    expect(root.attrs['aria-label']).toBe(describeAnalysis(EXAMPLE, { now: NOW }));
    expect(textOf(findAll(root, 'title')[0]!)).toBe('GBPUSD Bullish Bounce from Support');
    expect(textOf(findAll(root, 'text', { class: 'cm-title' })[0]!)).toBe(
      'GBPUSD Bullish Bounce from Support',
    );
    expect(textOf(findAll(root, 'text', { class: 'cm-status' })[0]!)).toBe('ACTIVE');
  });

  it('paints every demo candle as one wick and one body', () => {
    const group = findAll(root, 'g', { class: 'cm-candles' })[0]!;
    expect(findAll(group, 'line')).toHaveLength(264);
    expect(findAll(group, 'rect')).toHaveLength(264);
    const first = candles[0]!;
    const wick = findAll(group, 'line')[0]!;
    expect(Number(wick.attrs.x1)).toBeCloseTo(vp.timeToX(first.time), 1);
    expect(Number(wick.attrs.y1)).toBeCloseTo(vp.priceToY(first.high as never), 1);
    expect(Number(wick.attrs.y2)).toBeCloseTo(vp.priceToY(first.low as never), 1);
  });

  it('paints the three drawings in order with their own colours', () => {
    const kinds = findAll(root, 'g', { class: 'cm-drawing' }).map((g) => g.attrs['data-kind']);
    expect(kinds).toEqual(['RECTANGLE', 'LINE', 'HORIZONTAL_LINE']);
    const rect = findAll(kindGroup(root, 'RECTANGLE'), 'polygon');
    expect(rect.map((p) => p.attrs.fill)).toContain('#00FF3340');
    const line = findAll(kindGroup(root, 'LINE'), 'line')[0]!;
    expect(line.attrs.stroke).toBe('#0000FF');
    expect(line.attrs['stroke-dasharray']).toBe('10 6');
    const t0 = Date.parse('2026-01-08T00:00:00Z') / 1000;
    expect(Number(line.attrs.x1)).toBeCloseTo(vp.timeToX(t0 as UtcSeconds), 1);
    expect(Number(line.attrs.y1)).toBeCloseTo(vp.priceToY(1.3485 as never), 1);
  });

  it('paints the levels as dashed lines with labels and price-axis labels', () => {
    const levels = findAll(root, 'g', { class: 'cm-level' });
    expect(levels.map((g) => g.attrs['data-level'])).toEqual(['support', 'pivot', 'resistance']);
    const support = levels[0]!;
    const line = findAll(support, 'line')[0]!;
    expect(Number(line.attrs.y1)).toBeCloseTo(vp.priceToY(1.341 as never), 1);
    expect(Number(line.attrs.x2)).toBe(PANE_W);
    expect(textOf(findAll(support, 'text')[0]!)).toBe('Support 1.34100');
    const axis = findAll(root, 'g', { class: 'cm-axis' })[0]!;
    const axisTexts = findAll(axis, 'text').map(textOf);
    expect(axisTexts).toEqual(expect.arrayContaining(['1.34100', '1.34500', '1.35000', '1.35500']));
    // The expiry tag sits in the pane at the foot of its line, off the time axis (issue 17 item 4).
    expect(axisTexts).not.toContain('Expires 2026-01-09 15:00');
    const expiry = findAll(root, 'g', { class: 'cm-expiry' })[0]!;
    expect(findAll(expiry, 'text').map(textOf)).toEqual(['Expires 2026-01-09 15:00']);
  });

  it('places the expiry marker at expiresAt', () => {
    const marker = findAll(findAll(root, 'g', { class: 'cm-expiry' })[0]!, 'line')[0]!;
    const t = Date.parse('2026-01-09T15:00:00Z') / 1000;
    expect(Number(marker.attrs.x1)).toBeCloseTo(vp.timeToX(t as UtcSeconds), 1);
    expect([Number(marker.attrs.y1), Number(marker.attrs.y2)]).toEqual([0, PANE_H]);
  });

  it('matches the stored snapshot', async () => {
    await expect(svg).toMatchFileSnapshot('./__snapshots__/example.svg');
  });
});

describe('each drawing kind', () => {
  for (const [kind, drawing] of Object.entries(ONE_OF_EACH)) {
    it(`${kind}: the SVG group holds exactly the core scene's primitives at its coordinates`, () => {
      const detail = withDrawings([drawing]);
      const root = parseXml(render(detail));
      const model = analysisFromDetail(detail);
      const vp = fitAnalysisViewport(model, candles, detailExpiresAt(detail), PANE_W, PANE_H);
      const d = model.drawings[0]!;
      // No options: the SVG must show core's default labels, exactly as the editor does.
      const scene = drawingScene(d, vp, resolveStyle(d.kind, d.style));
      const group = kindGroup(root, kind);
      const children = group.children.filter((c): c is XmlElement => typeof c !== 'string');
      expect(children.map((c) => c.name)).toEqual(expectedElements(scene.primitives));
      const shapes = scene.primitives.filter((p) => p.type !== 'axis-label');
      const els = children;
      let e = 0;
      for (const p of shapes) {
        if (p.type === 'text' && p.background !== undefined) e++;
        const el = els[e++]!;
        if (p.type === 'segment') {
          expect([el.attrs.x1, el.attrs.y1, el.attrs.x2, el.attrs.y2].map(Number)).toEqual(
            [p.x1, p.y1, p.x2, p.y2].map((v) => Math.round(v * 100) / 100),
          );
        } else if (p.type === 'polygon' || p.type === 'polyline') {
          const got = pts(el.attrs.points!);
          expect(got).toHaveLength(p.points.length);
          for (let i = 0; i < got.length; i++) expect(got[i]).toBeCloseTo(p.points[i]!, 2);
        } else if (p.type === 'text') {
          expect(textOf(el)).toBe(p.text);
          expect(Number(el.attrs.x)).toBeCloseTo(p.x, 2);
        }
      }
    });
  }

  it('LINE: an arrow head at the end and a dashed stroke', () => {
    const root = parseXml(render(withDrawings([ONE_OF_EACH.LINE!])));
    const g = kindGroup(root, 'LINE');
    expect(findAll(g, 'polygon')).toHaveLength(1);
    expect(findAll(g, 'line')[0]!.attrs['stroke-dasharray']).toBe('10 6');
  });

  it('FIBONACCI_RETRACEMENT: one line and one "ratio (price)" label per default level', () => {
    const root = parseXml(render(withDrawings([ONE_OF_EACH.FIBONACCI_RETRACEMENT!])));
    const labels = findAll(kindGroup(root, 'FIBONACCI_RETRACEMENT'), 'text').map(textOf);
    expect(labels).toHaveLength(7);
    expect(labels.some((l) => l.startsWith('0.618') && l.includes('1.34611'))).toBe(true);
  });

  it('PARALLEL: base, parallel and midline segments and a fill between them', () => {
    const g = kindGroup(parseXml(render(withDrawings([ONE_OF_EACH.PARALLEL!]))), 'PARALLEL');
    expect(findAll(g, 'line')).toHaveLength(3);
    expect(findAll(g, 'polygon')).toHaveLength(1);
  });
});

describe('robustness', () => {
  it('scales to the drawings and levels when there are no candles: everything inside the pane', () => {
    const detail = withDrawings(Object.values(ONE_OF_EACH), EXAMPLE.levels);
    const root = parseXml(renderAnalysisSvg(detail, [], { width: W, height: H, theme: 'dark' }));
    expect(findAll(findAll(root, 'g', { class: 'cm-candles' })[0]!, 'line')).toHaveLength(0);
    const pane = findAll(root, 'g', { class: 'cm-pane' })[0]!;
    const coords = allElements(pane).flatMap((el) => {
      if (el.name === 'polygon' || el.name === 'polyline')
        return pts(el.attrs.points!).map((v, i) => [i % 2, v]);
      return [];
    });
    expect(coords.length).toBeGreaterThan(10);
    for (const [axis, v] of coords)
      expect(v).toSatisfy((x: number) => x >= -1 && x <= (axis ? PANE_H : PANE_W) + 1);
  });

  it('is deterministic and does not read the clock when no `now` is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2020-01-01T00:00:00Z'));
    const a = renderAnalysisSvg(EXAMPLE, candles, { width: W, height: H, theme: 'light' });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const b = renderAnalysisSvg(EXAMPLE, candles, { width: W, height: H, theme: 'light' });
    vi.useRealTimers();
    expect(a).toBe(b);
    expect(parseXml(a).attrs['aria-label']).toMatch(/expires 2026-01-09 15:00 UTC$/);
  });

  it('says EXPIRED once now ≥ expiresAt', () => {
    const svg = renderAnalysisSvg(EXAMPLE, candles, {
      width: W,
      height: H,
      theme: 'light',
      now: NOW + 5 * 3600,
    });
    expect(textOf(findAll(parseXml(svg), 'text', { class: 'cm-status' })[0]!)).toBe('EXPIRED');
  });

  it('replaces colours that are not #hex with the theme default', () => {
    const bad = { ...ONE_OF_EACH.LINE!, style: { color: 'red" onload="alert(1)', lineWidth: 2 } };
    const line = findAll(kindGroup(parseXml(render(withDrawings([bad]))), 'LINE'), 'line')[0]!;
    expect(line.attrs.stroke).toBe('#2962FF');
  });

  it('skips a drawing it cannot place and still renders the rest', () => {
    const broken = {
      ...ONE_OF_EACH.LINE!,
      points: [{ time: 'not a time', price: 1 }, ONE_OF_EACH.LINE!.points[1]!],
    };
    const root = parseXml(render(withDrawings([broken, ONE_OF_EACH.RECTANGLE!])));
    expect(findAll(root, 'g', { class: 'cm-drawing' }).map((g) => g.attrs['data-kind'])).toEqual([
      'RECTANGLE',
    ]);
  });

  it('clamps absurd sizes and rejects non-finite ones with the field name', () => {
    const root = parseXml(renderAnalysisSvg(EXAMPLE, [], { width: 1e9, height: 1, theme: 'light' }));
    expect([root.attrs.width, root.attrs.height]).toEqual(['4096', '16']);
    expect(() => renderAnalysisSvg(EXAMPLE, [], { width: Number.NaN, height: 10, theme: 'light' })).toThrow(
      'width: must be a finite number, got NaN',
    );
  });
});
