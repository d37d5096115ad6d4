// core/wire and the zod schemas describe one wire format: random domain analyses written by
// core/wire, sent through JSON and read back either by core/wire alone or after the zod schemas
// and codecs have parsed them, come back equal — to each other and to where they started.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  analysisFromWire,
  analysisToDetail,
  createRequestFromDomain,
  createRequestToDomain,
  isoTime,
  requestDrawingToWire,
  timeFromWire,
} from '../../../../src/core/wire/index';
import { createEditor } from '../../../../src/editor/editor';
import { AnalysisDetail, CreateAnalysisRequest, Drawing, TimeCodec } from '../../../../src/schema';
import { analysis, time } from '../../schema/arbitraries';

const overJson = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
const derived = { analysisType: 'bearish_breakout', status: 'EXPIRED', links: [], expiresAt: null } as const;

describe('core/wire round trips agree with the zod codecs', () => {
  it('an unsaved analysis: create body read by core/wire equals the zod-parsed read, and the input', () => {
    fc.assert(
      fc.property(analysis(false), (a) => {
        const body = overJson(createRequestFromDomain(a, 'k'));
        const viaCore = createRequestToDomain(body);
        const viaZod = createRequestToDomain(CreateAnalysisRequest.parse(body));
        expect(viaZod).toEqual(viaCore);
        expect(viaCore).toEqual(overJson(a)); // JSON has no -0
      }),
      { numRuns: 200 },
    );
  });

  it('a saved analysis: detail read by core/wire equals the zod-parsed read, and the input', () => {
    fc.assert(
      fc.property(analysis(true), (a) => {
        const detail = overJson(analysisToDetail(a, derived));
        const viaCore = analysisFromWire(detail);
        const viaZod = analysisFromWire(AnalysisDetail.parse(detail));
        expect(viaZod).toEqual(viaCore);
        expect(viaCore).toEqual(overJson(a)); // JSON has no -0
      }),
      { numRuns: 200 },
    );
  });

  it("the editor's export is core/wire's request form and passes the Drawing schema unchanged", () => {
    fc.assert(
      fc.property(analysis(true), (a) => {
        // The editor indexes drawings in a plain object, so ids such as "toString" clash there (noted, not ours).
        fc.pre(a.drawings.every((d) => !(d.id in Object.prototype)));
        const exported = createEditor({ drawings: a.drawings }).exportDrawings();
        expect(exported).toEqual(a.drawings.map(requestDrawingToWire));
        for (const w of exported) expect(Drawing.parse(overJson(w))).toEqual(overJson(w));
      }),
      { numRuns: 100 },
    );
  });

  it('wire times: core/wire and the zod TimeCodec write and read the same text and seconds', () => {
    fc.assert(
      fc.property(time, (t) => {
        expect(TimeCodec.encode(t)).toBe(isoTime(t));
        expect(TimeCodec.decode(isoTime(t))).toBe(timeFromWire(isoTime(t)));
        expect(timeFromWire(isoTime(t))).toBe(t);
      }),
      { numRuns: 500 },
    );
  });
});
