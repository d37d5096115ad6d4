// fast-check arbitraries of valid domain drawings and analyses (engine units, ms-precise times).
import fc from 'fast-check';
import { LEVEL_NAMES, type Analysis, type Level, type Levels } from '../../../src/core/analysis';
import type { ChartPoint, Drawing, DrawingStyle } from '../../../src/core/drawing';
import { price, utcSeconds } from '../../../src/core/units';
import { findForbiddenCharacter } from '../../../src/schema';

const FIRST_MS = Date.UTC(1970, 0, 1);
const LAST_MS = Date.UTC(2100, 11, 31, 23, 59, 59, 999);

/** A time in range, whole milliseconds (what the wire carries). */
export const time = fc.integer({ min: FIRST_MS, max: LAST_MS }).map((ms) => utcSeconds(ms / 1000));
/** Any finite price. */
export const priceArb = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map(price);
export const point: fc.Arbitrary<ChartPoint> = fc.record({ time, price: priceArb });
export const clientId = fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/);
export const objectId = fc.stringMatching(/^[0-9a-f]{24}$/);
const colour = fc.oneof(fc.stringMatching(/^#[0-9A-Fa-f]{6}$/), fc.stringMatching(/^#[0-9A-Fa-f]{8}$/));

export const style: fc.Arbitrary<DrawingStyle> = fc.record(
  {
    color: colour,
    lineWidth: fc.double({ min: 1, max: 10, noNaN: true }),
    lineStyle: fc.constantFrom('SOLID', 'DASHED', 'DOTTED'),
    fillColor: colour,
    borderColor: colour,
  },
  { requiredKeys: [] },
);

const head = fc.constantFrom('NONE', 'ARROW');
const fibLevels = fc.uniqueArray(
  fc.double({ min: -5, max: 5, noNaN: true }).map((r) => (r === 0 ? 0 : r)),
  {
    minLength: 1,
    maxLength: 24,
  },
);

/** Any valid drawing; `persisted` decides whether it carries a persistedId. */
export function drawing(persisted: boolean): fc.Arbitrary<Drawing> {
  const base = {
    id: clientId,
    style,
    ...(persisted ? { persistedId: objectId } : {}),
  };
  return fc.oneof(
    fc.record({ ...base, kind: fc.constant('HORIZONTAL_LINE' as const), points: fc.tuple(point) }),
    fc.record({
      ...base,
      kind: fc.constant('LINE' as const),
      points: fc.tuple(point, point),
      startHead: head,
      endHead: head,
      extendLeft: fc.boolean(),
      extendRight: fc.boolean(),
    }),
    fc.record({ ...base, kind: fc.constant('RECTANGLE' as const), points: fc.tuple(point, point) }),
    fc.record({
      ...base,
      kind: fc.constant('PARALLEL' as const),
      points: fc.tuple(point, point, point),
      extendLeft: fc.boolean(),
      extendRight: fc.boolean(),
      showMidline: fc.boolean(),
    }),
    fc.record({
      ...base,
      kind: fc.constant('FIBONACCI_RETRACEMENT' as const),
      points: fc.tuple(point, point),
      levels: fibLevels,
      extendRight: fc.boolean(),
    }),
  );
}

const plainText = (max: number, min = 0) =>
  fc
    .string({ minLength: min, maxLength: max })
    .filter((s) => !s.includes('[[') && findForbiddenCharacter(s) === null);

/** A valid analysis; saved ones carry every server-owned field and persisted id. */
export function analysis(saved: boolean): fc.Arbitrary<Analysis> {
  const levels: fc.Arbitrary<Levels> = fc
    .tuple(
      fc.uniqueArray(priceArb, { minLength: 3, maxLength: 3 }).map((ps) => [...ps].sort((a, b) => a - b)),
      fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
      fc.tuple(time, time, time),
      fc.tuple(objectId, objectId, objectId),
    )
    .map(([prices, present, times, pids]) => {
      const out: { [N in (typeof LEVEL_NAMES)[number]]?: Level } = {};
      LEVEL_NAMES.forEach((name, i) => {
        if (!present[i]) return;
        const level: Level = { id: `level_${name}`, price: price(prices[i]!), time: times[i]! };
        out[name] = saved ? { ...level, persistedId: pids[i]! } : level;
      });
      return out;
    });
  const metadata = fc.record(
    {
      direction: fc.constantFrom('BULLISH', 'BEARISH'),
      entryPlacement: fc.constantFrom('ABOVE_CURRENT', 'BELOW_CURRENT'),
      expiry: fc.oneof(
        fc.record({ type: fc.constant('HOURS' as const), hours: fc.integer({ min: 1, max: 8760 }) }),
        fc.record({ type: fc.constant('DATE' as const), date: time }),
      ),
      title: plainText(200, 1),
      preferenceText: plainText(50),
      alternativeText: plainText(50),
      comments: plainText(50),
      timeframe: fc.constantFrom('M1', 'M5', 'M15', 'M30', 'H1', 'H4', 'D1', 'W1', 'MN1'),
      symbol: fc.stringMatching(/^[A-Za-z0-9/._:-]{1,32}$/),
    },
    { requiredKeys: ['direction', 'entryPlacement', 'title', 'timeframe', 'symbol'] },
  );
  // Drawing ids must differ from each other and from the level ids (level_*).
  const drawings = fc
    .uniqueArray(drawing(saved), { maxLength: 8, selector: (d) => d.id })
    .map((ds) => ds.filter((d) => !d.id.startsWith('level_')));
  const common = { sender: fc.constant('trader@example.com'), metadata, levels, drawings };
  if (!saved) return fc.record(common);
  return fc.record({
    ...common,
    id: objectId,
    communityId: objectId,
    channelId: objectId,
    createdAt: time,
    updatedAt: time,
    version: fc.integer({ min: 1, max: 1_000_000 }),
  });
}
