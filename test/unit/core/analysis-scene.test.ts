import { describe, expect, it } from 'vitest';
import type { Levels } from '../../../src/core/analysis';
import { EXPIRY_SCENE_ID, expiryScene, levelScenes } from '../../../src/core/analysis-scene';
import { createViewport } from '../../../src/core/create-viewport';
import type { Scene } from '../../../src/core/scene';
import type { Price, UtcSeconds } from '../../../src/core/units';

const T0 = 1767873600; // 2026-01-08T12:00:00Z
const H = 3600;
const s = (n: number) => n as UtcSeconds;
const vp = createViewport({
  times: [s(T0), s(T0 + H), s(T0 + 2 * H)],
  width: 300,
  height: 200,
  logicalRange: { from: -0.5, to: 2.5 },
  priceRange: { min: 1.3, max: 1.4 },
});
const level = (id: string, p: number) => ({ id, price: p as Price, time: s(T0) });
const DASH = { width: 1, dash: [6, 4], lineStyle: 'DASHED' };

/** Rounds every number so float noise from the price axis does not hide exact expectations. */
function rounded<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_k, v) =>
    typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v,
  );
}

describe('levelScenes', () => {
  const levels: Levels = {
    resistance: level('res_1', 1.38),
    support: level('sup', 1.34),
    pivot: level('piv', 1.345),
  };

  it('paints each level as a dashed line, a left label and a stacked price-axis label', () => {
    const scenes: Scene[] = rounded(levelScenes(levels, vp));
    expect(scenes).toEqual([
      {
        id: 'sup',
        primitives: [
          { type: 'segment', x1: 0, y1: 120, x2: 300, y2: 120, stroke: { color: '#26A69A', ...DASH } },
          {
            type: 'text',
            x: 4,
            y: 116,
            text: 'Support 1.34000',
            color: '#26A69A',
            fontSize: 11,
            align: 'left',
            baseline: 'bottom',
          },
          // Support (y 120) and pivot (y 110) are 10 px apart; 18 px labels move 4 px each way.
          {
            type: 'axis-label',
            axis: 'price',
            at: 124,
            text: '1.34000',
            background: '#26A69A',
            color: '#FFFFFF',
          },
        ],
        bbox: { minX: 0, minY: 105, maxX: 300, maxY: 120 },
      },
      {
        id: 'piv',
        primitives: [
          { type: 'segment', x1: 0, y1: 110, x2: 300, y2: 110, stroke: { color: '#FF9800', ...DASH } },
          {
            type: 'text',
            x: 4,
            y: 106,
            text: 'Pivot 1.34500',
            color: '#FF9800',
            fontSize: 11,
            align: 'left',
            baseline: 'bottom',
          },
          {
            type: 'axis-label',
            axis: 'price',
            at: 106,
            text: '1.34500',
            background: '#FF9800',
            color: '#FFFFFF',
          },
        ],
        bbox: { minX: 0, minY: 95, maxX: 300, maxY: 110 },
      },
      {
        id: 'res_1',
        primitives: [
          { type: 'segment', x1: 0, y1: 40, x2: 300, y2: 40, stroke: { color: '#EF5350', ...DASH } },
          {
            type: 'text',
            x: 4,
            y: 36,
            text: 'Resistance 1.38000',
            color: '#EF5350',
            fontSize: 11,
            align: 'left',
            baseline: 'bottom',
          },
          {
            type: 'axis-label',
            axis: 'price',
            at: 40,
            text: '1.38000',
            background: '#EF5350',
            color: '#FFFFFF',
          },
        ],
        bbox: { minX: 0, minY: 25, maxX: 300, maxY: 40 },
      },
    ]);
  });

  it('takes a price formatter and colours', () => {
    const [scene] = levelScenes({ pivot: level('p', 1.35) }, vp, {
      formatPrice: (p) => p.toFixed(2),
      colors: { pivot: '#123456' },
    });
    expect(rounded(scene!.primitives.slice(1))).toEqual([
      {
        type: 'text',
        x: 4,
        y: 96,
        text: 'Pivot 1.35',
        color: '#123456',
        fontSize: 11,
        align: 'left',
        baseline: 'bottom',
      },
      { type: 'axis-label', axis: 'price', at: 100, text: '1.35', background: '#123456', color: '#FFFFFF' },
    ]);
  });

  it('gives no axis label to a level out of view, and keeps the others in the axis', () => {
    const scenes = levelScenes({ support: level('s', 1.2), resistance: level('r', 1.3995) }, vp);
    expect(scenes.map((sc) => sc.primitives.map((p) => p.type))).toEqual([
      ['segment', 'text'],
      ['segment', 'text', 'axis-label'],
    ]);
    expect(rounded(scenes[1]!.primitives[2])).toMatchObject({ at: 9 });
    expect(scenes[0]!.bbox.minY).toBeCloseTo(385, 9);
  });

  it('paints nothing without levels', () => {
    expect(levelScenes({}, vp)).toEqual([]);
  });
});

describe('expiryScene', () => {
  it('paints a dashed vertical line at the expiry time with an "Expires" tag in the pane, off the time axis', () => {
    expect(expiryScene(s(T0 + 1.5 * H), vp)).toEqual({
      id: EXPIRY_SCENE_ID,
      primitives: [
        { type: 'segment', x1: 200, y1: 0, x2: 200, y2: 200, stroke: { color: '#787B86', ...DASH } },
        {
          type: 'text',
          x: 196,
          y: 196,
          text: 'Expires 2026-01-08 13:30',
          color: '#FFFFFF',
          fontSize: 11,
          align: 'right',
          baseline: 'bottom',
          background: '#787B86',
          alternative: { x: 204, y: 196, align: 'left', baseline: 'bottom' },
        },
      ],
      bbox: { minX: 200, minY: 0, maxX: 200, maxY: 200 },
    });
  });

  it('places an expiry after the last bar by extrapolating one hour per bar', () => {
    const scene = expiryScene(s(T0 + 24 * H), vp, { formatTime: () => 'tomorrow', color: '#000000' });
    expect(scene.primitives[0]).toMatchObject({ x1: 2450, x2: 2450, stroke: { color: '#000000' } });
    expect(scene.primitives[1]).toMatchObject({ x: 2446, text: 'Expires tomorrow' });
  });
});
