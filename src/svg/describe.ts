// A plain-language summary of an analysis for screen readers, alt text and notifications.
import { LEVEL_NAMES, type LevelName } from '../core/analysis';
import { describeDrawing, DRAWING_WORDS } from '../core/drawing-words';
import { formatDayTime, formatPrice, formatTime } from '../core/format';
import type { UtcSeconds } from '../core/units';
import type { Fill, Outcome } from '../core/outcomes';
import { cleanText } from './escape';
import type { AnalysisDetailWire } from './wire-detail';
import { analysisFromDetail, detailExpiresAt } from './wire-detail';

const TYPE_LABEL: Readonly<Record<string, string>> = {
  bullish_breakout: 'Bullish breakout',
  bullish_bounce: 'Bullish bounce',
  bearish_bounce: 'Bearish bounce',
  bearish_breakout: 'Bearish breakout',
};

/** Spelled-out price: at least 4 decimals below 10 (2 above), more when the price carries them. */
export function spokenPrice(price: number): string {
  if (!Number.isFinite(price)) return String(price);
  const min = Math.abs(price) < 10 ? 4 : 2;
  for (let d = min; d < 10; d++) {
    const s = price.toFixed(d);
    if (Number(s) === price) return s;
  }
  return price.toFixed(10);
}

const UNITS = [
  { limit: 3600, size: 60, name: 'minute' },
  { limit: 48 * 3600, size: 3600, name: 'hour' },
  { limit: Number.POSITIVE_INFINITY, size: 86400, name: 'day' },
] as const;

/** A duration in seconds as "5 hours", "1 minute", "3 days" (rounded to the nearest unit). */
export function spokenDuration(seconds: number): string {
  const s = Math.abs(seconds);
  const unit = UNITS.find((u) => s < u.limit) ?? UNITS[2];
  const n = Math.max(1, Math.round(s / unit.size));
  return `${n} ${unit.name}${n === 1 ? '' : 's'}`;
}

/** A UTC instant as "2026-01-09 12:00 UTC". */
export function spokenInstant(t: number): string {
  return `${formatTime(t as UtcSeconds)} UTC`;
}

/**
 * "expires in 5 hours", "expired 2 hours ago" or "no expiry", evaluated at `now` (UTC seconds);
 * without a clock, the absolute "expires 2026-01-09 12:00 UTC", so output stays deterministic.
 */
export function spokenExpiry(expiresAt: number | null, now: number | undefined): string {
  if (expiresAt === null) return 'no expiry';
  if (now === undefined) return `expires ${spokenInstant(expiresAt)}`;
  if (Math.abs(expiresAt - now) < 60)
    return now >= expiresAt ? 'expired just now' : 'expires in under a minute';
  return now >= expiresAt
    ? `expired ${spokenDuration(now - expiresAt)} ago`
    : `expires in ${spokenDuration(expiresAt - now)}`;
}

/** Options of `describeAnalysis`. */
export interface DescribeOptions {
  /** The clock, in UTC seconds; without it the expiry is stated as an absolute time. */
  readonly now?: number;
  /** The idea's outcome (evaluateAnalysis), added in words at the end. */
  readonly outcome?: Outcome;
}

const LEVEL_WORD: { readonly [N in LevelName]: string } = {
  support: 'Support',
  pivot: 'Pivot',
  resistance: 'Resistance',
};

/**
 * Every level and drawing in words, one sentence each, for a post's long description: "Support
 * at 1.34100", "Line from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00", a Fibonacci
 * retracement with each level and its price. Prices as the post's labels print them
 * (`formatPrice`), times in UTC.
 */
export function describeContents(
  analysis: AnalysisDetailWire,
  format: (price: number) => string = (p) => formatPrice(p),
): string[] {
  const model = analysisFromDetail(analysis);
  const levels = LEVEL_NAMES.flatMap((name) => {
    const l = model.levels[name];
    return l ? [`${LEVEL_WORD[name]} at ${format(l.price)}`] : [];
  });
  const context = { words: DRAWING_WORDS, format: { price: format, time: formatDayTime } };
  return [...levels, ...model.drawings.map((d) => describeDrawing(d, context))];
}

/**
 * A plain-language summary, e.g. "Bullish bounce on GBP/USD H1: support 1.3410, pivot 1.3450,
 * resistance 1.3500; 3 drawings; expires in 5 hours".
 */
export function describeAnalysis(analysis: AnalysisDetailWire, options: DescribeOptions): string {
  const outcome = options.outcome ? `; ${describeOutcome(options.outcome)}` : '';
  return describeSummary(analysis, options.now) + outcome;
}

/**
 * `describeAnalysis` without the outcome: what a post without the outcome part says (and it
 * leaves the outcome's words out of that post's bundle).
 */
export function describeSummary(analysis: AnalysisDetailWire, now?: number): string {
  const meta = analysis.metadata;
  const type = TYPE_LABEL[analysis.analysisType] ?? 'Analysis';
  const levels = LEVEL_NAMES.flatMap((name) => {
    const l = analysis.levels?.[name];
    return l ? [`${name} ${spokenPrice(l.price)}`] : [];
  });
  const n = analysis.drawings?.length ?? 0;
  const drawings = n === 0 ? 'no drawings' : `${n} drawing${n === 1 ? '' : 's'}`;
  const head = `${type} on ${cleanText(meta.symbol)} ${cleanText(meta.timeframe)}`;
  const expiry = spokenExpiry(detailExpiresAt(analysis), now);
  return `${head}: ${levels.length ? levels.join(', ') : 'no levels'}; ${drawings}; ${expiry}`;
}

// The outcome in words (the badge's "+1.52 %" and "2.0R" spelled for a screen reader).
const fill = (verb: string, f: Fill): string =>
  `${verb} at ${spokenPrice(f.price)} on ${spokenInstant(f.time)}`;

function result(o: Outcome): string {
  if (o.resultPercent === undefined) return '';
  const pct = Math.abs(o.resultPercent).toFixed(2);
  const word =
    Number(pct) === 0
      ? 'flat, 0.00 percent'
      : `${o.resultPercent > 0 ? 'a gain' : 'a loss'} of ${pct} percent`;
  if (o.r === undefined) return `, ${word}`;
  const r = Math.abs(o.r).toFixed(1);
  return `, ${word}, ${o.r < 0 && Number(r) !== 0 ? 'minus ' : ''}${r} R`;
}

/** e.g. "outcome: target hit, entered at 1.3200 on 2026-01-08 13:00 UTC, exited at 1.3000 on 2026-01-08 14:00 UTC, a gain of 1.52 percent, 2.0 R". */
export function describeOutcome(o: Outcome): string {
  const trade = (closing: string) =>
    [o.entry ? fill('entered', o.entry) : '', o.exit ? fill(closing, o.exit) : ''].filter(Boolean).join(', ');
  let text: string;
  switch (o.state) {
    case 'PENDING':
      text = 'outcome: not triggered yet';
      break;
    case 'TRIGGERED':
      text = `outcome: triggered, ${trade('exited')}, still open`;
      break;
    case 'TARGET_HIT':
      text = `outcome: target hit, ${trade('exited')}${result(o)}`;
      break;
    case 'STOPPED':
      text = `outcome: stopped, ${trade('exited')}${result(o)}`;
      break;
    case 'INVALIDATED':
      text = 'outcome: invalidated, the stop was reached before the entry';
      break;
    case 'EXPIRED':
      text = o.triggered
        ? `outcome: expired, ${trade('closed')}${result(o)}`
        : 'outcome: expired without an entry';
      break;
  }
  return o.ambiguous ? `${text} (decided inside one bar, whose order of high and low is unknown)` : text;
}
