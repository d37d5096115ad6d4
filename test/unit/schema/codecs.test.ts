import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Drawing as DomainDrawing } from '../../../src/core/drawing';
import type { UtcSeconds } from '../../../src/core/units';
import {
  AnalysisDetail,
  analysisFromWire,
  analysisToDetail,
  CreateAnalysisRequest,
  createRequestFromDomain,
  createRequestToDomain,
  Drawing,
  drawingFromWire,
  drawingToWire,
  StoredDrawing,
  TimeCodec,
} from '../../../src/schema';
import { VALID_CREATE } from '../../fixtures/bad-inputs';
import { analysis, drawing } from './arbitraries';

describe('drawingFromWire', () => {
  it('fills every default of a bare LINE', () => {
    const wire = Drawing.parse({
      type: 'LINE',
      clientObjectId: 'l1',
      points: [
        { time: '2026-01-08T00:00:00Z', price: 1.3 },
        { time: '2026-01-09T00:00:00.5Z', price: -2 },
      ],
    });
    expect(drawingFromWire(wire)).toEqual({
      kind: 'LINE',
      id: 'l1',
      style: {},
      points: [
        { time: 1767830400, price: 1.3 },
        { time: 1767916800.5, price: -2 },
      ],
      startHead: 'NONE',
      endHead: 'NONE',
      extendLeft: false,
      extendRight: false,
    });
  });

  it('fills PARALLEL and FIBONACCI_RETRACEMENT defaults and maps id to persistedId', () => {
    const points = (n: number) =>
      Array.from({ length: n }, () => ({ time: '2026-01-08T00:00:00Z', price: 1 }));
    const parallel = StoredDrawing.parse({
      id: '507f1f77bcf86cd799439022',
      type: 'PARALLEL',
      clientObjectId: 'p',
      points: points(3),
    });
    const fib = Drawing.parse({ type: 'FIBONACCI_RETRACEMENT', clientObjectId: 'f', points: points(2) });
    expect(drawingFromWire(parallel)).toMatchObject({
      persistedId: '507f1f77bcf86cd799439022',
      extendLeft: false,
      extendRight: false,
      showMidline: true,
    });
    expect(drawingFromWire(fib)).toMatchObject({
      levels: [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1],
      extendRight: false,
    });
  });

  it('writes a non-canonical time back in the response form', () => {
    const wire = Drawing.parse({
      type: 'HORIZONTAL_LINE',
      clientObjectId: 'h',
      points: [{ time: '2026-01-08T00:00:00.5Z', price: 1 }],
    });
    expect(drawingToWire(drawingFromWire(wire)).points).toEqual([
      { time: '2026-01-08T00:00:00.500Z', price: 1 },
    ]);
  });

  it('keeps the colour spelling of the sender', () => {
    const wire = Drawing.parse({
      type: 'RECTANGLE',
      clientObjectId: 'r',
      points: [
        { time: '2026-01-08T00:00:00Z', price: 1 },
        { time: '2026-01-08T01:00:00Z', price: 2 },
      ],
      style: { fillColor: '#00ff33Aa', borderColor: '#ABCDEF' },
    });
    expect(drawingToWire(drawingFromWire(wire)).style).toEqual({
      fillColor: '#00ff33Aa',
      borderColor: '#ABCDEF',
    });
  });
});

/** The wire form with every default written out, as drawingToWire must produce it. */
// Every option written out; an empty style left out (spec §3.8: every style key is optional, so
// `{}` says nothing — the one wire form every writer uses).
function withDefaults(w: Drawing): Drawing {
  const { style: given, ...rest } = w;
  const style = given !== undefined && Object.keys(given).length > 0 ? { style: given } : {};
  switch (rest.type) {
    case 'LINE':
      return { startHead: 'NONE', endHead: 'NONE', extendLeft: false, extendRight: false, ...rest, ...style };
    case 'PARALLEL':
      return { extendLeft: false, extendRight: false, showMidline: true, ...rest, ...style };
    case 'FIBONACCI_RETRACEMENT':
      return { levels: [0, 0.236, 0.382, 0.5, 0.618, 0.786, 1], extendRight: false, ...rest, ...style };
    default:
      return { ...rest, ...style } as Drawing;
  }
}

describe('codec round trips (fast-check)', () => {
  it('domain drawing → wire → domain is the identity, and the wire form validates', () => {
    fc.assert(
      fc.property(fc.boolean().chain(drawing), (d: DomainDrawing) => {
        const wire = drawingToWire(d);
        const schema = d.persistedId === undefined ? Drawing : StoredDrawing;
        expect(schema.parse(wire)).toEqual(wire);
        expect(drawingFromWire(wire)).toEqual(d);
      }),
      { numRuns: 500 },
    );
  });

  it('wire drawing → domain → wire equals the input with defaults explicit', () => {
    // Wire drawings with optional fields dropped at random.
    const wireDrawing = drawing(false)
      .map(drawingToWire)
      .chain((w) =>
        fc
          .subarray(Object.keys(w).filter((k) => !['type', 'clientObjectId', 'points'].includes(k)))
          .map((drop) => {
            const copy: Record<string, unknown> = { ...w };
            for (const k of drop) delete copy[k];
            return Drawing.parse(copy);
          }),
      );
    fc.assert(
      fc.property(wireDrawing, (w) => {
        expect(drawingToWire(drawingFromWire(w))).toEqual(withDefaults(w));
      }),
      { numRuns: 500 },
    );
  });

  it('unsaved analysis → CreateAnalysisRequest → analysis is the identity; the body validates', () => {
    fc.assert(
      fc.property(analysis(false), (a) => {
        const body = createRequestFromDomain(a, 'key-1');
        const parsed = CreateAnalysisRequest.safeParse(body);
        expect(parsed.error?.issues).toBeUndefined();
        expect(createRequestToDomain(parsed.data!)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('saved analysis → AnalysisDetail → analysis is the identity; the detail validates', () => {
    fc.assert(
      fc.property(analysis(true), (a) => {
        const detail = analysisToDetail(a, {
          analysisType: 'bullish_bounce',
          status: 'ACTIVE',
          links: [],
          expiresAt: null,
        });
        const parsed = AnalysisDetail.safeParse(detail);
        expect(parsed.error?.issues).toBeUndefined();
        expect(analysisFromWire(parsed.data!)).toEqual(a);
      }),
      { numRuns: 300 },
    );
  });

  it('the corpus base body → domain → body adds only explicit defaults', () => {
    const body = CreateAnalysisRequest.parse(VALID_CREATE);
    const back = createRequestFromDomain(createRequestToDomain(body), body.idempotencyKey);
    expect(back).toEqual({ ...body, drawings: body.drawings!.map(withDefaults) });
  });
});

describe('analysisToDetail', () => {
  it('names the missing server-owned field', () => {
    const a = createRequestToDomain(CreateAnalysisRequest.parse(VALID_CREATE));
    const derived = { analysisType: 'bullish_bounce', status: 'ACTIVE', links: [], expiresAt: null } as const;
    expect(() => analysisToDetail(a, derived)).toThrow(
      'analysisToDetail: analysis.drawings[0].persistedId is required',
    );
  });
});

describe('TimeCodec on the seconds side', () => {
  it('refuses non-finite and non-number seconds with its rule, as a result or a throw', () => {
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, '1767873600']) {
      const r = TimeCodec.safeEncode(bad as UtcSeconds);
      expect(r.success, String(bad)).toBe(false);
      expect(r.error?.issues.map((i) => i.message)).toEqual(['expected finite UTC seconds']);
      expect(() => TimeCodec.encode(bad as UtcSeconds)).toThrow('expected finite UTC seconds');
    }
    expect(TimeCodec.safeEncode(1767873600 as UtcSeconds)).toEqual({
      success: true,
      data: '2026-01-08T12:00:00Z',
    });
  });
});
