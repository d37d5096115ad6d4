import { describe, expect, it } from 'vitest';
import type { z } from 'zod/mini';
import {
  AppendDrawingsRequest,
  CreateAnalysisRequest,
  findForbiddenCharacter,
  MAX_APPEND,
  MAX_DRAWINGS,
  UpdateAnalysisRequest,
  wireIssues,
} from '../../../src/schema';
import { VALID_CREATE } from '../../fixtures/bad-inputs';

type Body = Record<string, unknown> & {
  metadata: Record<string, unknown>;
  drawings: Record<string, unknown>[];
};
const create = (edit: (b: Body) => void) => {
  const body = structuredClone(VALID_CREATE) as Body;
  edit(body);
  return body;
};
const issuesOf = (result: { error?: z.core.$ZodError }) =>
  result.error ? wireIssues(result.error).map(({ path, code }) => ({ path, code })) : [];
const hline = (i: number) => ({
  type: 'HORIZONTAL_LINE',
  clientObjectId: `h_${i}`,
  points: [{ time: '2026-01-08T10:00:00Z', price: i }],
});

describe('CreateAnalysisRequest accepts the edges of every rule', () => {
  it.each([
    [
      'zero and negative prices',
      (b: Body) =>
        Object.assign(b.drawings![2]!, { points: [{ time: '2026-01-08T10:00:00Z', price: -0.5 }] }),
    ],
    [
      'lower-case and 8-digit colours',
      (b: Body) =>
        Object.assign(b.drawings![0]!, { style: { fillColor: '#00ff3380', borderColor: '#abcdef' } }),
    ],
    [
      'a time with a 9-digit fraction',
      (b: Body) =>
        Object.assign(b.drawings![2]!, { points: [{ time: '2026-01-08T10:00:00.123456789Z', price: 0 }] }),
    ],
    [
      'the first and last instants of the range',
      (b: Body) =>
        Object.assign(b.drawings![1]!, {
          points: [
            { time: '1970-01-01T00:00:00Z', price: 1 },
            { time: '2100-12-31T23:59:59.999Z', price: 2 },
          ],
        }),
    ],
    [
      '29 February of a leap year',
      (b: Body) => Object.assign(b.metadata, { expiry: { type: 'DATE', date: '2028-02-29T00:00:00Z' } }),
    ],
    [
      'hours 1 and lineWidth 10',
      (b: Body) => {
        b.metadata.expiry = { type: 'HOURS', hours: 1 };
        b.drawings![0]!.style = { lineWidth: 10 };
      },
    ],
    [
      'hours 8760 and lineWidth 1',
      (b: Body) => {
        b.metadata.expiry = { type: 'HOURS', hours: 8760 };
        b.drawings![0]!.style = { lineWidth: 1 };
      },
    ],
    [
      'tab and newline in texts',
      (b: Body) => {
        b.metadata.comments = 'a\tb\nc';
      },
    ],
    [
      'emoji and other scripts in texts',
      (b: Body) => {
        b.metadata.title = 'Ставка 📈 多头';
      },
    ],
    [
      'a title of 200 and a symbol of 32 characters',
      (b: Body) => {
        b.metadata.title = 't'.repeat(200);
        b.metadata.symbol = 'A/b.c_d:e-'.padEnd(32, '9');
      },
    ],
    [
      'a reference to a level',
      (b: Body) => {
        b.metadata.comments = 'Pivot at [[pivot_main:the pivot]]';
      },
    ],
    [
      'a malformed reference, which stays text',
      (b: Body) => {
        b.metadata.comments = 'not a ref: [[bad key:x]] and [[:y]]';
      },
    ],
    [
      'no levels and no drawings',
      (b: Body) => {
        delete b.levels;
        delete (b as Record<string, unknown>).drawings;
        b.metadata.preferenceText = 'plain';
      },
    ],
    [
      'only a pivot',
      (b: Body) => {
        b.levels = { pivot: { price: 1, clientObjectId: 'p', time: '2026-01-08T00:00:00Z' } };
      },
    ],
    [
      'fib ratios at -5 and 5, 24 of them',
      (b: Body) => {
        b.drawings![4]!.levels = Array.from({ length: 24 }, (_, i) => -5 + (10 * i) / 23);
      },
    ],
    [
      'a clientObjectId of 64 characters',
      (b: Body) => {
        b.drawings![3]!.clientObjectId = 'c'.repeat(64);
      },
    ],
    [
      'an idempotency key of 255 printable characters',
      (b: Body) => {
        b.idempotencyKey = '~ '.repeat(127) + '!';
      },
    ],
  ])('%s', (_name, edit) => {
    expect(issuesOf(CreateAnalysisRequest.safeParse(create(edit)))).toEqual([]);
  });

  it(`accepts exactly ${MAX_DRAWINGS} drawings`, () => {
    const body = create((b) => {
      b.drawings = Array.from({ length: MAX_DRAWINGS }, (_, i) => hline(i));
      b.metadata.preferenceText = 'See [[h_999:last]]';
    });
    expect(CreateAnalysisRequest.safeParse(body).success).toBe(true);
  });

  it('keeps the sender spelling of colours in the parsed body', () => {
    const body = create((b) => {
      b.drawings![0]!.style = { fillColor: '#aBcDeF12' };
    });
    expect(CreateAnalysisRequest.parse(body).drawings![0]!.style).toEqual({ fillColor: '#aBcDeF12' });
  });

  it('reports several independent problems together', () => {
    const body = create((b) => {
      b.sender = 'nobody';
      b.metadata.timeframe = 'H7';
      (b.drawings![1]!.points as unknown[]).pop();
    });
    expect(issuesOf(CreateAnalysisRequest.safeParse(body))).toEqual([
      { path: ['sender'], code: 'invalid_format' },
      { path: ['metadata', 'timeframe'], code: 'invalid_value' },
      { path: ['drawings', 1, 'points'], code: 'too_small' },
    ]);
  });
});

describe('UpdateAnalysisRequest', () => {
  it.each([
    [
      'null clears optional texts and the expiry',
      { metadata: { preferenceText: null, comments: null, expiry: null } },
    ],
    ['null removes a level', { levels: { support: null } }],
    ['an empty drawings list replaces all drawings', { drawings: [] }],
    ['levels only', { levels: { pivot: { price: 2, clientObjectId: 'p', time: '2026-01-08T00:00:00Z' } } }],
    ['a reference the stored analysis may resolve', { metadata: { comments: '[[elsewhere:x]]' } }],
  ])('accepts %s', (_name, patch) => {
    expect(UpdateAnalysisRequest.safeParse({ sender: 'a@example.com', ...patch }).success).toBe(true);
  });

  it('reports every immutable field at its own path', () => {
    const result = UpdateAnalysisRequest.safeParse({
      sender: 'a@example.com',
      metadata: { direction: 'BEARISH', entryPlacement: 'ABOVE_CURRENT', symbol: 'X', timeframe: 'D1' },
    });
    expect(issuesOf(result)).toEqual(
      ['direction', 'entryPlacement', 'symbol', 'timeframe'].map((f) => ({
        path: ['metadata', f],
        code: 'immutable_field',
      })),
    );
  });
});

describe('AppendDrawingsRequest', () => {
  it(`accepts 1 and ${MAX_APPEND} drawings`, () => {
    for (const n of [1, MAX_APPEND]) {
      const body = { sender: 'a@example.com', drawings: Array.from({ length: n }, (_, i) => hline(i)) };
      expect(AppendDrawingsRequest.safeParse(body).success).toBe(true);
    }
  });
});

describe('findForbiddenCharacter', () => {
  it.each([
    ['a\u0000b', 'contains forbidden character U+0000 at index 1'],
    ['\u001F', 'contains forbidden character U+001F at index 0'],
    ['ab\u202A', 'contains forbidden character U+202A at index 2'],
    ['\u2069', 'contains forbidden character U+2069 at index 0'],
    ['x\uDC00', 'contains lone surrogate U+DC00 at index 1'],
    ['😀\uD83D', 'contains lone surrogate U+D83D at index 2'],
  ])('%j → %s', (text, message) => {
    expect(findForbiddenCharacter(text)).toBe(message);
  });

  it.each(['', 'tab\tnewline\n', 'DEL \u007F is not C0', 'LRM \u200E is not an override', '😀'])(
    'accepts %j',
    (text) => {
      expect(findForbiddenCharacter(text)).toBeNull();
    },
  );
});
