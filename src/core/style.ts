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

/** Fills absent keys of `style` from the kind's defaults. */
export function resolveStyle(kind: DrawingKind, style: DrawingStyle): ResolvedStyle {
  const d = STYLE_DEFAULTS[kind];
  return {
    color: style.color ?? d.color,
    lineWidth: style.lineWidth ?? d.lineWidth,
    lineStyle: style.lineStyle ?? d.lineStyle,
    fillColor: style.fillColor ?? d.fillColor,
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
