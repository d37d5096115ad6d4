import { describe, expect, it } from 'vitest';
import { analysisFromDetail, detailExpiresAt, drawingFromWire } from '../../../src/svg/wire-detail';
import { EXAMPLE, ONE_OF_EACH } from './detail-builders';

const at = (iso: string) => Date.parse(iso) / 1000;

describe('wire → core conversion', () => {
  it('converts the documented example: ids, times in UTC seconds, levels with persisted ids', () => {
    const a = analysisFromDetail(EXAMPLE);
    expect(a.drawings.map((d) => [d.kind, d.id, d.persistedId])).toEqual([
      ['RECTANGLE', 'support_zone', '6502c9e514a3e564c5c00013'],
      ['LINE', 'entry_line', '6502c9e514a3e564c5c00014'],
      ['HORIZONTAL_LINE', 'target', '6502c9e514a3e564c5c00015'],
    ]);
    expect(a.drawings[0]!.points[0]).toEqual({ time: at('2026-01-08T00:00:00Z'), price: 1.338 });
    expect(a.levels.pivot).toEqual({
      id: 'pivot_main',
      persistedId: '6502c9e514a3e564c5c00011',
      price: 1.345,
      time: at('2026-01-08T12:00:00Z'),
    });
    expect(a.metadata.expiry).toEqual({ type: 'HOURS', hours: 24 });
    expect([a.createdAt, detailExpiresAt(EXAMPLE)]).toEqual([
      at('2026-01-08T15:00:00Z'),
      at('2026-01-09T15:00:00Z'),
    ]);
  });

  it('fills the spec defaults of absent options', () => {
    const line = drawingFromWire({ ...ONE_OF_EACH.LINE!, endHead: undefined });
    expect(line).toMatchObject({ startHead: 'NONE', endHead: 'NONE', extendLeft: false, extendRight: false });
    expect(drawingFromWire(ONE_OF_EACH.PARALLEL!)).toMatchObject({ showMidline: true, extendLeft: false });
    expect(drawingFromWire(ONE_OF_EACH.FIBONACCI_RETRACEMENT!)).toMatchObject({
      levels: [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1],
      extendRight: false,
      style: {},
    });
  });

  it('converts a DATE expiry to UTC seconds, and expires then whatever the stored expiresAt says', () => {
    const d = {
      ...EXAMPLE,
      metadata: { ...EXAMPLE.metadata, expiry: { type: 'DATE' as const, date: '2026-02-01T00:00:00Z' } },
      expiresAt: null,
    };
    expect(analysisFromDetail(d).metadata.expiry).toEqual({ type: 'DATE', date: at('2026-02-01T00:00:00Z') });
    expect(detailExpiresAt(d)).toBe(at('2026-02-01T00:00:00Z'));
  });

  // Issue 17 item 5: the editor showed "2026-01-16 23:00" (its own clock's createdAt) while the
  // post showed "2026-12-05 03:13"; both now count HOURS from the stored createdAt.
  it('counts a HOURS expiry from the stored createdAt (core expiresAt), not from a stale expiresAt', () => {
    const d = {
      ...EXAMPLE,
      createdAt: '2026-12-04T03:13:27Z',
      expiresAt: '2026-01-16T23:00:00Z',
    };
    expect(detailExpiresAt(d)).toBe(at('2026-12-05T03:13:27Z'));
    expect(detailExpiresAt({ ...d, metadata: { ...d.metadata, expiry: undefined } })).toBeNull();
  });

  it('falls back to the stored expiresAt only when createdAt or the date cannot be read', () => {
    const d = { ...EXAMPLE, createdAt: 'yesterday', expiresAt: '2026-12-05T03:13:27Z' };
    expect(detailExpiresAt(d)).toBe(at('2026-12-05T03:13:27Z'));
    expect(detailExpiresAt({ ...d, expiresAt: 'later' })).toBeNull();
  });

  it('returns null for a drawing it cannot draw: wrong point count, bad time, unknown type', () => {
    expect(
      drawingFromWire({ ...ONE_OF_EACH.LINE!, points: ONE_OF_EACH.LINE!.points.slice(0, 1) }),
    ).toBeNull();
    expect(
      drawingFromWire({ ...ONE_OF_EACH.HORIZONTAL_LINE!, points: [{ time: 'x', price: 1 }] }),
    ).toBeNull();
    expect(drawingFromWire({ ...ONE_OF_EACH.LINE!, type: 'CIRCLE' })).toBeNull();
  });
});
