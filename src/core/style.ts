// Style defaults (spec §3.8: "one table in the code") and their resolution per kind.
import type { DrawingKind, DrawingStyle, LineStyle } from './drawing';

/** Text colour of every axis label (drawn on the drawing's or level's colour). */
export const AXIS_LABEL_TEXT_COLOR = '#FFFFFF';

/** A style with every key decided. */
export interface ResolvedStyle {
  readonly color: string;
  readonly lineWidth: number;
  readonly lineStyle: LineStyle;
  readonly fillColor: string;
  readonly borderColor: string;
}

/** Defaults per kind, used for every key the author left out. */
export const STYLE_DEFAULTS: { readonly [K in DrawingKind]: ResolvedStyle } = {
  HORIZONTAL_LINE: {
    color: '#2962FF',
    lineWidth: 1,
    lineStyle: 'SOLID',
    fillColor: '#2962FF33',
    borderColor: '#2962FF',
  },
  LINE: {
    color: '#2962FF',
    lineWidth: 2,
    lineStyle: 'SOLID',
    fillColor: '#2962FF33',
    borderColor: '#2962FF',
  },
  RECTANGLE: {
    color: '#9C27B0',
    lineWidth: 1,
    lineStyle: 'SOLID',
    fillColor: '#9C27B033',
    borderColor: '#9C27B0',
  },
  PARALLEL: {
    color: '#2962FF',
    lineWidth: 1,
    lineStyle: 'SOLID',
    fillColor: '#2962FF1F',
    borderColor: '#2962FF',
  },
  FIBONACCI_RETRACEMENT: {
    color: '#787B86',
    lineWidth: 1,
    lineStyle: 'SOLID',
    fillColor: '#787B861A',
    borderColor: '#787B86',
  },
};

/**
 * Opacity given to a fill colour written without alpha (`#RRGGBB`). A zone painted opaque hides
 * the candles it is about (the documented example's `#00FF33` would); TradingView's zones are
 * translucent too. Authors who want an opaque fill say so with `#RRGGBBFF`.
 */
export const FILL_DEFAULT_ALPHA = 0.25;

const OPAQUE_HEX = /^#[0-9a-fA-F]{6}$/;

/** The colour a fill is painted with: `#RRGGBB` gets FILL_DEFAULT_ALPHA, `#RRGGBBAA` stays. */
export function fillPaint(color: string): string {
  if (!OPAQUE_HEX.test(color)) return color;
  const alpha = Math.round(FILL_DEFAULT_ALPHA * 255)
    .toString(16)
    .padStart(2, '0')
    .toUpperCase();
  return `${color}${alpha}`;
}

/** Fills absent keys of `style` from the kind's defaults; fills without alpha become translucent. */
export function resolveStyle(kind: DrawingKind, style: DrawingStyle): ResolvedStyle {
  const d = STYLE_DEFAULTS[kind];
  return {
    color: style.color ?? d.color,
    lineWidth: style.lineWidth ?? d.lineWidth,
    lineStyle: style.lineStyle ?? d.lineStyle,
    fillColor: style.fillColor === undefined ? d.fillColor : fillPaint(style.fillColor),
    borderColor: style.borderColor ?? style.color ?? d.borderColor,
  };
}

/** Dash pattern in px for a line style at a given width. */
export function dashPattern(lineStyle: LineStyle, lineWidth: number): readonly number[] {
  switch (lineStyle) {
    case 'SOLID':
      return [];
    case 'DASHED':
      return [4 * lineWidth + 2, 2 * lineWidth + 2];
    case 'DOTTED':
      return [lineWidth, lineWidth + 2];
  }
}

const HEX_COLOUR = /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/;

// The last colour that passed: a scene's primitives mostly share one, and painters check every
// primitive's (25,000 checks for a 1,000-drawing SVG), so a repeat skips the pattern.
let lastSafe = '#000';

/** The colour if it is a `#hex` colour (3, 4, 6 or 8 digits), else `fallback`; nothing else passes. */
export function safeColor(color: string | undefined, fallback: string): string {
  if (color === lastSafe) return color;
  if (color === undefined || !HEX_COLOUR.test(color)) return fallback;
  lastSafe = color;
  return color;
}
