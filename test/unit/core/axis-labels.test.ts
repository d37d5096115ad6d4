import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stackAxisLabels } from '../../../src/core/axis-labels';

const slot = (id: string, at: number, height = 18) => ({ id, at, height });

describe('stackAxisLabels', () => {
  it('leaves labels that do not overlap where they are, in input order', () => {
    expect(stackAxisLabels([slot('b', 80), slot('a', 20)], 0, 100)).toEqual([
      { id: 'b', at: 80 },
      { id: 'a', at: 20 },
    ]);
    expect(stackAxisLabels([], 0, 100)).toEqual([]);
  });

  it('pushes two overlapping labels apart symmetrically, just enough', () => {
    expect(stackAxisLabels([slot('a', 50), slot('b', 60)], 0, 200)).toEqual([
      { id: 'a', at: 46 },
      { id: 'b', at: 64 },
    ]);
  });

  it('uses both heights for the gap between labels of different heights', () => {
    expect(stackAxisLabels([slot('a', 50, 10), slot('b', 50, 30)], 0, 200)).toEqual([
      { id: 'a', at: 40 },
      { id: 'b', at: 60 },
    ]);
  });

  it('spreads a cluster of three around its mean and breaks ties by input order', () => {
    expect(stackAxisLabels([slot('x', 100), slot('y', 100), slot('z', 100)], 0, 300)).toEqual([
      { id: 'x', at: 82 },
      { id: 'y', at: 100 },
      { id: 'z', at: 118 },
    ]);
  });

  it('moves only the cluster that overlaps, not a distant label', () => {
    expect(stackAxisLabels([slot('far', 10), slot('a', 100), slot('b', 104)], 0, 300)).toEqual([
      { id: 'far', at: 10 },
      { id: 'a', at: 93 },
      { id: 'b', at: 111 },
    ]);
  });

  it('keeps labels inside [min, max], pushing the rest along', () => {
    expect(stackAxisLabels([slot('a', 2), slot('b', 5)], 0, 100)).toEqual([
      { id: 'a', at: 9 },
      { id: 'b', at: 27 },
    ]);
    expect(stackAxisLabels([slot('a', 99)], 0, 100)).toEqual([{ id: 'a', at: 91 }]);
  });

  it('packs from min when the labels cannot all fit', () => {
    expect(stackAxisLabels([slot('a', 5), slot('b', 5), slot('c', 5)], 0, 40)).toEqual([
      { id: 'a', at: 9 },
      { id: 'b', at: 27 },
      { id: 'c', at: 45 },
    ]);
  });

  it('property: order kept, no overlap, inside the bounds', () => {
    const arb = fc.array(
      fc.record({
        at: fc.double({ min: -50, max: 550, noNaN: true }),
        height: fc.integer({ min: 1, max: 30 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (raw) => {
        const labels = raw.map((r, i) => ({ id: `l${i}`, ...r }));
        const out = stackAxisLabels(labels, 0, 500);
        expect(out.map((o) => o.id)).toEqual(labels.map((l) => l.id));
        const order = labels.map((_, i) => i).sort((a, b) => labels[a]!.at - labels[b]!.at || a - b);
        let fits = true;
        const need = labels.reduce((s, l) => s + l.height, 0);
        if (need > 500) fits = false;
        for (let k = 1; k < order.length; k++) {
          const [p, q] = [order[k - 1]!, order[k]!];
          expect(out[q]!.at - out[p]!.at).toBeGreaterThanOrEqual(
            (labels[p]!.height + labels[q]!.height) / 2 - 1e-9,
          );
        }
        if (fits) {
          for (let i = 0; i < labels.length; i++) {
            expect(out[i]!.at - labels[i]!.height / 2).toBeGreaterThanOrEqual(-1e-9);
            expect(out[i]!.at + labels[i]!.height / 2).toBeLessThanOrEqual(500 + 1e-9);
          }
        }
      }),
    );
  });

  it('property: labels that already fit without overlap stay where they are', () => {
    // Built to fit: heights ≤ 30 and gaps ≤ 10 for at most 12 labels stay within 500 px, then
    // given in a shuffled order, so every case is one the rule applies to.
    const arb = fc
      .array(
        fc.record({
          height: fc.integer({ min: 1, max: 30 }),
          gap: fc.double({ min: 0, max: 10, noNaN: true }),
          key: fc.double({ noNaN: true }),
        }),
        { maxLength: 12 },
      )
      .map((parts) => {
        let top = 0;
        const placed = parts.map((p) => {
          top += p.gap;
          const at = top + p.height / 2;
          top += p.height;
          return { at, height: p.height, key: p.key };
        });
        return placed
          .sort((a, b) => a.key - b.key)
          .map((l, i) => ({ id: `l${i}`, at: l.at, height: l.height }));
      });
    fc.assert(
      fc.property(arb, (labels) => {
        // Within 1e-9 px: the stacking may re-derive a position through a sum (one ulp of noise).
        const out = stackAxisLabels(labels, 0, 500);
        expect(out.map((o) => o.id)).toEqual(labels.map((l) => l.id));
        for (let i = 0; i < labels.length; i++)
          expect(Math.abs(out[i]!.at - labels[i]!.at)).toBeLessThanOrEqual(1e-9);
      }),
    );
  });
});
