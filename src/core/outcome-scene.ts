// What an analysis' outcome paints: a badge ("Target hit · +0.62 % · 1.8R") in the pane's top
// right corner, a marker at the entry bar and one at the exit bar, joined by a dotted line. In
// the same neutral primitives as drawings, so the canvas view and the SVG paint the same thing.
import type { Direction } from './analysis';
import type { Outcome, OutcomeState } from './outcomes';
import type { Primitive, Scene } from './scene';
import { AXIS_LABEL_TEXT_COLOR, dashPattern } from './style';
import type { Price, UtcSeconds } from './units';
import type { Viewport } from './viewport';

/** Scene id of the outcome. */
export const OUTCOME_SCENE_ID = 'outcome';
/** Badge font size in px. */
export const OUTCOME_BADGE_FONT_SIZE = 12;
/** Gap between the badge and the pane's top and right edges, in px. */
export const OUTCOME_BADGE_INSET = 8;
/** Half the width of an entry or exit marker, in px. */
export const OUTCOME_MARKER_SIZE = 6;

/** Badge colour per state: green when the target was hit, red when stopped, amber in a trade, grey otherwise. */
export const OUTCOME_COLORS: { readonly [S in OutcomeState]: string } = {
  PENDING: '#787B86',
  TRIGGERED: '#FF9800',
  TARGET_HIT: '#26A69A',
  STOPPED: '#EF5350',
  INVALIDATED: '#787B86',
  EXPIRED: '#787B86',
};

/** The state in words, capitalised: "Target hit". */
export const OUTCOME_TITLES: { readonly [S in OutcomeState]: string } = {
  PENDING: 'Pending',
  TRIGGERED: 'Triggered',
  TARGET_HIT: 'Target hit',
  STOPPED: 'Stopped',
  INVALIDATED: 'Invalidated',
  EXPIRED: 'Expired',
};

// "−" (U+2212) rather than "-": the badge is read as typography, like the README's "−5 %".
const signed = (n: number, decimals: number): string => {
  const text = Math.abs(n).toFixed(decimals);
  if (Number(text) === 0) return text;
  return `${n < 0 ? '−' : '+'}${text}`;
};

/** "Target hit · +0.62 % · 1.8R"; state only before an exit; "(ambiguous)" when one bar decided it. */
export function outcomeBadgeText(outcome: Outcome): string {
  const parts = [OUTCOME_TITLES[outcome.state]];
  if (outcome.resultPercent !== undefined) parts.push(`${signed(outcome.resultPercent, 2)} %`);
  if (outcome.r !== undefined) parts.push(`${signed(outcome.r, 1).replace(/^\+/, '')}R`);
  const text = parts.join(' · ');
  return outcome.ambiguous ? `${text} (ambiguous)` : text;
}

/** The outcome's badge and its entry and exit markers; `direction` points the entry triangle. */
export function outcomeScene(outcome: Outcome, direction: Direction, viewport: Viewport): Scene {
  const color = OUTCOME_COLORS[outcome.state];
  const width = viewport.width as number;
  const badgeX = width - OUTCOME_BADGE_INSET;
  const badgeY = OUTCOME_BADGE_INSET;
  const text = outcomeBadgeText(outcome);
  const primitives: Primitive[] = [];
  const s = OUTCOME_MARKER_SIZE;
  const at = (fill: { time: number; price: number }) => ({
    x: viewport.timeToX(fill.time as UtcSeconds) as number,
    y: viewport.priceToY(fill.price as Price) as number,
  });
  // The badge's width is the painter's to measure; 0.6 em per character bounds it for culling.
  let minX = badgeX - text.length * OUTCOME_BADGE_FONT_SIZE * 0.6;
  let maxX = width;
  let minY = badgeY;
  let maxY = badgeY + OUTCOME_BADGE_FONT_SIZE;
  const include = (x: number, y: number) => {
    minX = Math.min(minX, x - s);
    maxX = Math.max(maxX, x + s);
    minY = Math.min(minY, y - s);
    maxY = Math.max(maxY, y + s);
  };
  if (outcome.entry) {
    const e = at(outcome.entry);
    if (outcome.exit) {
      const x = at(outcome.exit);
      primitives.push({
        type: 'segment',
        x1: e.x,
        y1: e.y,
        x2: x.x,
        y2: x.y,
        stroke: { color, width: 1, dash: dashPattern('DOTTED', 1), lineStyle: 'DOTTED' },
      });
    }
    // A triangle pointing the way the trade goes: up for BULLISH, down for BEARISH.
    const tip = direction === 'BULLISH' ? -s : s;
    primitives.push({
      type: 'polygon',
      points: [e.x, e.y + tip, e.x + s, e.y - tip, e.x - s, e.y - tip],
      fill: color,
    });
    include(e.x, e.y);
  }
  if (outcome.exit) {
    const x = at(outcome.exit);
    // A diamond at the exit.
    primitives.push({
      type: 'polygon',
      points: [x.x, x.y - s, x.x + s, x.y, x.x, x.y + s, x.x - s, x.y],
      fill: color,
    });
    include(x.x, x.y);
  }
  primitives.push({
    type: 'text',
    x: badgeX,
    y: badgeY,
    text,
    color: AXIS_LABEL_TEXT_COLOR,
    fontSize: OUTCOME_BADGE_FONT_SIZE,
    align: 'right',
    baseline: 'top',
    background: color,
  });
  return { id: OUTCOME_SCENE_ID, primitives, bbox: { minX, minY, maxX, maxY } };
}
