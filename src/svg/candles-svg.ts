// Candlesticks as SVG: one wick line and one body rect per visible bar.
import type { StaticViewport } from '../core/create-viewport';
import type { Logical, Price, UtcSeconds } from '../core/units';
import { flatMarkup, num } from './escape';
import type { SvgTheme } from './theme';

/** One OHLC bar as the renderers take it. */
export interface Candle {
  readonly time: UtcSeconds;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** Body width as a share of the bar spacing, like lightweight-charts' default look. */
const BODY_SHARE = 0.6;

/** The candles visible in `vp` as an SVG group (`<g class="cm-candles">`). */
export function candlesToSvg(candles: readonly Candle[], vp: StaticViewport, theme: SvgTheme): string {
  const half = Math.max(0.5, (vp.barWidth * BODY_SHARE) / 2);
  // What is the same for every candle of a colour is written once: the wick's end with the body's
  // start, the body's width and its end.
  const width = num(half * 2);
  const parts = (color: string): readonly [string, string, string] => [
    `" stroke="${color}" stroke-width="1"/><rect x="`,
    `" width="${width}" height="`,
    `" fill="${color}"/>`,
  ];
  const up = parts(theme.up);
  const down = parts(theme.down);
  let out = '<g class="cm-candles">';
  for (let i = 0; i < candles.length; i++) {
    const c = candles[i]!;
    const x = vp.logicalToX(i as Logical);
    if (x + half < 0 || x - half > vp.width) continue;
    const text = c.close >= c.open ? up : down;
    const yHigh = vp.priceToY(c.high as Price);
    const yLow = vp.priceToY(c.low as Price);
    const yTop = vp.priceToY(Math.max(c.open, c.close) as Price);
    const yBottom = vp.priceToY(Math.min(c.open, c.close) as Price);
    const xs = num(x);
    out += `<line x1="${xs}" y1="${num(yHigh)}" x2="${xs}" y2="${num(yLow)}${text[0]}${num(x - half)}" y="${num(yTop)}${text[1]}${num(Math.max(1, yBottom - yTop))}${text[2]}`;
  }
  return flatMarkup(`${out}</g>`);
}
