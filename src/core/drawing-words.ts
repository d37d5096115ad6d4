// Drawings in words, for screen readers: the editor's live announcements and a post's
// description say the same thing about the same drawing. The words are a replaceable table
// (English here; the embed's strings carry a translation), the numbers come from the caller's
// formatters, so prices read with the series' precision and times as the chart shows them.
import type { ChartPoint, Drawing, DrawingKind } from './drawing';
import { fibLevelPrice } from './fibonacci';
import { formatDayTime, formatPrice } from './format';
import type { UtcSeconds } from './units';

/** The words drawings are described with; every function gets its values already formatted. */
export interface DrawingWords {
  /** "Line", "Horizontal line", …: what a drawing is. */
  readonly kind: { readonly [K in DrawingKind]: string };
  /** "Line", "Fibonacci", …: the word before a drawing's number in its name ("Fibonacci 1"). */
  readonly nameStem: { readonly [K in DrawingKind]: string };
  /** "1.34100 on 8 Jan 10:00": one point. */
  readonly point: (price: string, time: string) => string;
  /** "at 1.34310": where a one-point drawing sits. */
  readonly at: (price: string) => string;
  /** "from A to B", "from A to B, parallel through C": where a drawing of several points sits. */
  readonly span: (points: readonly string[]) => string;
  /** "A to B", "A to B, parallel through C": the points alone (after "moved to"). */
  readonly points: (points: readonly string[]) => string;
  /** "levels 0 at 1.35200, 0.5 at 1.34650, 1 at 1.34100": a Fibonacci retracement's levels. */
  readonly levels: (levels: readonly (readonly [ratio: string, price: string])[]) => string;
}

/** English words. */
export const DRAWING_WORDS: DrawingWords = {
  kind: {
    HORIZONTAL_LINE: 'Horizontal line',
    LINE: 'Line',
    RECTANGLE: 'Rectangle',
    PARALLEL: 'Parallel channel',
    FIBONACCI_RETRACEMENT: 'Fibonacci retracement',
  },
  nameStem: {
    HORIZONTAL_LINE: 'Horizontal line',
    LINE: 'Line',
    RECTANGLE: 'Rectangle',
    PARALLEL: 'Channel',
    FIBONACCI_RETRACEMENT: 'Fibonacci',
  },
  point: (price, time) => `${price} on ${time}`,
  at: (price) => `at ${price}`,
  span: (p) => `from ${englishPoints(p)}`,
  points: (p) => englishPoints(p),
  levels: (levels) => `levels ${levels.map(([r, p]) => `${r} at ${p}`).join(', ')}`,
};

function englishPoints(p: readonly string[]): string {
  const base = `${p[0]} to ${p[1]}`;
  return p.length > 2 ? `${base}, parallel through ${p[2]}` : base;
}

/** How numbers are written: prices with the series' precision, times as the chart shows them. */
export interface WordFormats {
  readonly price: (price: number) => string;
  readonly time: (time: UtcSeconds) => string;
}

/** Default formats: `formatPrice`'s decimals and `formatDayTime` (UTC). */
export const DEFAULT_WORD_FORMATS: WordFormats = { price: (p) => formatPrice(p), time: formatDayTime };

/** Everything `describe…` needs: the words and the number formats. */
export interface WordContext {
  readonly words: DrawingWords;
  readonly format: WordFormats;
}

const DEFAULT_CONTEXT: WordContext = { words: DRAWING_WORDS, format: DEFAULT_WORD_FORMATS };

const pointText = (p: ChartPoint, c: WordContext): string =>
  c.words.point(c.format.price(p.price), c.format.time(p.time));

/**
 * The name people see for a drawing: "Fibonacci 1" for `fib_1` (the number of an editor id),
 * else the stem and the id as it is ("Line support").
 */
export function drawingName(d: Pick<Drawing, 'kind' | 'id'>, words: DrawingWords = DRAWING_WORDS): string {
  const m = /_(\d+)$/.exec(d.id);
  return `${words.nameStem[d.kind]} ${m ? Number(m[1]) : d.id}`;
}

/** Where a drawing sits: "at 1.34310" or "from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00". */
export function drawingPlace(d: Drawing, c: WordContext = DEFAULT_CONTEXT): string {
  if (d.kind === 'HORIZONTAL_LINE') return c.words.at(c.format.price(d.points[0].price));
  return c.words.span(d.points.map((p) => pointText(p, c)));
}

/** A drawing's points alone: "1.34410", or "1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00". */
export function drawingPoints(d: Drawing, c: WordContext = DEFAULT_CONTEXT): string {
  if (d.kind === 'HORIZONTAL_LINE') return c.format.price(d.points[0].price);
  return c.words.points(d.points.map((p) => pointText(p, c)));
}

/** A Fibonacci retracement's levels in words, "" for other kinds. */
export function drawingLevels(d: Drawing, c: WordContext = DEFAULT_CONTEXT): string {
  if (d.kind !== 'FIBONACCI_RETRACEMENT' || d.levels.length === 0) return '';
  const [p0, p1] = d.points;
  return c.words.levels(d.levels.map((r) => [String(r), c.format.price(fibLevelPrice(p0, p1, r))] as const));
}

/**
 * A whole drawing in words: "Line from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00", a
 * Fibonacci retracement with its levels after a semicolon.
 */
export function describeDrawing(d: Drawing, c: WordContext = DEFAULT_CONTEXT): string {
  const levels = drawingLevels(d, c);
  const text = `${c.words.kind[d.kind]} ${drawingPlace(d, c)}`;
  return levels ? `${text}; ${levels}` : text;
}
