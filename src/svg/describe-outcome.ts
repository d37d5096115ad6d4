// The outcome of an analysis in words, for the accessible description and alt text (the badge's
// "+1.52 %" and "2.0R" spelled so a screen reader says them well).
import type { Fill, Outcome } from '../core/outcomes';
import { spokenInstant, spokenPrice } from './describe';

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
