// Magnet modes with exact snapped prices, and the Shift angle constraint.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constrainAngle, snapPoint } from '../../../src/editor/magnet';
import { bars, pt, t, vp, yOf } from './fixtures';

// Bar 10: open 160, high 164, low 156, close 161.
describe('snapPoint', () => {
  it('off returns the point under the pointer', () => {
    expect(snapPoint('off', 104, yOf(163.5), vp, bars)).toEqual({ point: pt(10.4, 163.5), snapped: false });
  });

  it('weak snaps to the nearest O/H/L/C of the nearest bar within the radius, and to its time', () => {
    expect(snapPoint('weak', 104, yOf(163.5), vp, bars)).toEqual({ point: pt(10, 164), snapped: true });
    expect(snapPoint('weak', 96, yOf(160.4), vp, bars)).toEqual({ point: pt(10, 160), snapped: true });
    expect(snapPoint('weak', 100, yOf(161.3), vp, bars)).toEqual({ point: pt(10, 161), snapped: true });
    expect(snapPoint('weak', 100, yOf(154), vp, bars)).toEqual({ point: pt(10, 156), snapped: true });
  });

  it('weak leaves the point alone beyond the radius (10 px = 2 price units here)', () => {
    expect(snapPoint('weak', 100, yOf(166.2), vp, bars)).toEqual({ point: pt(10, 166.2), snapped: false });
    expect(snapPoint('weak', 100, yOf(166.2), vp, bars, 12)).toEqual({ point: pt(10, 164), snapped: true });
  });

  it('strong always snaps to the nearest O/H/L/C', () => {
    expect(snapPoint('strong', 100, yOf(199), vp, bars)).toEqual({ point: pt(10, 164), snapped: true });
    expect(snapPoint('strong', 253, yOf(101), vp, bars)).toEqual({ point: pt(25, 171), snapped: true });
  });

  it('does not snap without bars or outside the data', () => {
    expect(snapPoint('strong', 100, 200, vp)).toEqual({ point: pt(10, 160), snapped: false });
    expect(snapPoint('strong', 995, 200, vp, bars).snapped).toBe(false);
    expect(snapPoint('strong', 995, 200, vp, bars).point.time).toBe(t(99.5));
  });
});

describe('constrainAngle', () => {
  it('snaps to horizontal, vertical and exact 45° diagonals', () => {
    expect(constrainAngle(100, 100, 200, 110)).toEqual({ x: 200, y: 100 });
    expect(constrainAngle(100, 100, 95, 20)).toEqual({ x: 100, y: 20 });
    expect(constrainAngle(100, 100, 200, 10)).toEqual({ x: 195, y: 5 });
    expect(constrainAngle(100, 100, 20, 170)).toEqual({ x: 25, y: 175 });
    expect(constrainAngle(100, 100, 40, 40)).toEqual({ x: 40, y: 40 });
    expect(constrainAngle(100, 100, 100, 100)).toEqual({ x: 100, y: 100 });
  });

  it('always lands on one of the eight directions', () => {
    const coord = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, (ax, ay, x, y) => {
        const c = constrainAngle(ax, ay, x, y);
        const dx = c.x - ax;
        const dy = c.y - ay;
        expect(dy === 0 || dx === 0 || Math.abs(dx) === Math.abs(dy)).toBe(true);
      }),
    );
  });
});
