import { describe, expect, it } from 'vitest';
import { OUTCOME_SCENE_ID, outcomeBadgeText, outcomeScene } from '../../../src/core/outcome-scene';
import type { Outcome } from '../../../src/core/outcomes';
import { T0, testViewport } from './test-viewport';

// testViewport: x = (t − T0) / 60, y = (110 − price) / 0.25, 800 × 400.
const won: Outcome = {
  state: 'TARGET_HIT',
  triggered: true,
  ambiguous: false,
  entry: { time: T0 + 6000, price: 100 }, // x 100, y 40
  exit: { time: T0 + 12000, price: 105 }, // x 200, y 20
  resultPercent: 0.6234,
  r: 1.77,
  mfe: 5,
  mae: 1,
};

describe('outcomeBadgeText', () => {
  it('spells state, signed percent to 2 decimals and R to 1', () => {
    expect(outcomeBadgeText(won)).toBe('Target hit · +0.62 % · 1.8R');
    expect(outcomeBadgeText({ ...won, state: 'STOPPED', resultPercent: -5, r: -1, ambiguous: true })).toBe(
      'Stopped · −5.00 % · −1.0R (ambiguous)',
    );
    expect(outcomeBadgeText({ state: 'PENDING', triggered: false, ambiguous: false, mfe: 0, mae: 0 })).toBe(
      'Pending',
    );
    expect(outcomeBadgeText({ ...won, state: 'EXPIRED', resultPercent: 0.001, r: undefined })).toBe(
      'Expired · 0.00 %',
    );
  });
});

describe('outcomeScene', () => {
  it('paints a dotted entry–exit line, an entry triangle, an exit diamond and the badge top right', () => {
    const scene = outcomeScene(won, 'BULLISH', testViewport());
    expect(scene.id).toBe(OUTCOME_SCENE_ID);
    expect(scene.primitives).toEqual([
      {
        type: 'segment',
        x1: 100,
        y1: 40,
        x2: 200,
        y2: 20,
        stroke: { color: '#26A69A', width: 1, dash: expect.any(Array), lineStyle: 'DOTTED' },
      },
      // BULLISH: tip 6 px above the entry, base 6 px below
      { type: 'polygon', points: [100, 34, 106, 46, 94, 46], fill: '#26A69A' },
      { type: 'polygon', points: [200, 14, 206, 20, 200, 26, 194, 20], fill: '#26A69A' },
      {
        type: 'text',
        x: 792,
        y: 8,
        text: 'Target hit · +0.62 % · 1.8R',
        color: '#FFFFFF',
        fontSize: 12,
        align: 'right',
        baseline: 'top',
        background: '#26A69A',
      },
    ]);
    expect(scene.bbox).toEqual({ minX: 94, minY: 8, maxX: 800, maxY: 46 });
  });
  it('points the entry triangle down for a BEARISH idea and has no exit before one', () => {
    const open: Outcome = {
      state: 'TRIGGERED',
      triggered: true,
      ambiguous: false,
      entry: won.entry,
      mfe: 0,
      mae: 0,
    };
    const scene = outcomeScene(open, 'BEARISH', testViewport());
    expect(scene.primitives.map((p) => p.type)).toEqual(['polygon', 'text']);
    expect(scene.primitives[0]).toEqual({
      type: 'polygon',
      points: [100, 46, 106, 34, 94, 34],
      fill: '#FF9800',
    });
  });
});
