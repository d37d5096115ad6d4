// What the style panel shows and writes, apart from the DOM: the controls each kind has, the
// value of a control over a selection (or "mixed"), the patch a change makes per drawing, and the
// name a user knows a drawing by. Drawing defaults are read through a drawing built from them,
// so a selection and the defaults of the next drawing go through the same code.
import {
  createDrawingWithOptions,
  type Drawing,
  type DrawingKind,
  type DrawingOptions,
  type DrawingStyle,
  type FibLabelSide,
  POINT_COUNT,
  resolveStyle,
  type UtcSeconds,
  type Price,
} from '../core/index';
import type { DrawingDefaults, EditorState, StylePatch, ToggleOption } from '../editor/index';

/** A control of the style panel, named after the wire field it edits (spec §3.8, §3.9). */
export type StyleControl =
  | 'color'
  | 'lineWidth'
  | 'lineStyle'
  | 'fillColor'
  | 'extendLeft'
  | 'extendRight'
  | 'startHead'
  | 'endHead'
  | 'showMidline'
  | 'showBands'
  | 'labelSide'
  | 'levels';

/**
 * The controls of each kind, in panel order. Fill only where the kind paints an area: a
 * rectangle, a channel and the bands between Fibonacci levels; extension where the kind extends
 * (spec §3.9); arrow heads on a line; the midline on a channel.
 */
export const KIND_CONTROLS: { readonly [K in DrawingKind]: readonly StyleControl[] } = {
  HORIZONTAL_LINE: ['color', 'lineWidth', 'lineStyle'],
  LINE: ['color', 'lineWidth', 'lineStyle', 'extendLeft', 'extendRight', 'startHead', 'endHead'],
  RECTANGLE: ['color', 'lineWidth', 'lineStyle', 'fillColor'],
  PARALLEL: ['color', 'lineWidth', 'lineStyle', 'fillColor', 'extendLeft', 'extendRight', 'showMidline'],
  FIBONACCI_RETRACEMENT: [
    'color',
    'lineWidth',
    'lineStyle',
    'extendRight',
    'showBands',
    'labelSide',
    'levels',
  ],
};

const ORDER: readonly StyleControl[] = [
  'color',
  'lineWidth',
  'lineStyle',
  'fillColor',
  'extendLeft',
  'extendRight',
  'startHead',
  'endHead',
  'showMidline',
  'showBands',
  'labelSide',
  'levels',
];

/** The controls every one of `kinds` has (none for no kinds). */
export function sharedControls(kinds: readonly DrawingKind[]): StyleControl[] {
  if (kinds.length === 0) return [];
  return ORDER.filter((c) => kinds.every((k) => KIND_CONTROLS[k].includes(c)));
}

/** A control's value over several drawings: one value, or mixed when they differ. */
export type Shown<T> = { readonly mixed: false; readonly value: T } | { readonly mixed: true };

/** What a control holds: a `#RRGGBB` colour, a width, a line style, a flag, a label side or the ratios. */
export type ControlValue = string | number | boolean | readonly number[];

const hex6 = (c: string): string => (/^#[0-9a-f]{6}/i.test(c) ? c.slice(0, 7).toUpperCase() : '#000000');

/** The value `control` has on one drawing (style resolved through the kind's defaults). */
export function controlValueOf(drawing: Drawing, control: StyleControl): ControlValue {
  const style = resolveStyle(drawing.kind, drawing.style);
  switch (control) {
    // A rectangle's outline is its borderColor (spec §3.8); the other kinds stroke with color.
    case 'color':
      return hex6(drawing.kind === 'RECTANGLE' ? style.borderColor : style.color);
    case 'lineWidth':
      return style.lineWidth;
    case 'lineStyle':
      return style.lineStyle;
    case 'fillColor':
      return hex6(style.fillColor);
    case 'startHead':
    case 'endHead':
      return drawing.kind === 'LINE' && drawing[control] === 'ARROW';
    case 'extendLeft':
      return (drawing.kind === 'LINE' || drawing.kind === 'PARALLEL') && drawing.extendLeft;
    case 'extendRight':
      return 'extendRight' in drawing && drawing.extendRight;
    case 'showMidline':
      return drawing.kind === 'PARALLEL' && drawing.showMidline;
    // Bands take their colours from the levels (core/fibonacci.ts): shown or not is what a user sets.
    case 'showBands':
      return drawing.kind === 'FIBONACCI_RETRACEMENT' && drawing.showBands !== false;
    case 'labelSide':
      return drawing.kind === 'FIBONACCI_RETRACEMENT' ? (drawing.labelSide ?? 'left') : 'left';
    case 'levels':
      return drawing.kind === 'FIBONACCI_RETRACEMENT' ? drawing.levels : [];
  }
}

const same = (a: ControlValue, b: ControlValue): boolean =>
  Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b;

/** The value of `control` over `drawings`: shared, or mixed when any two differ. */
export function shownValue(drawings: readonly Drawing[], control: StyleControl): Shown<ControlValue> {
  const first = drawings[0];
  if (!first) return { mixed: true };
  const value = controlValueOf(first, control);
  return drawings.every((d) => same(controlValueOf(d, control), value))
    ? { mixed: false, value }
    : { mixed: true };
}

const ORIGIN = { time: 0 as UtcSeconds, price: 0 as Price };

/** A drawing of `kind` made from its defaults, so the panel reads defaults as it reads a drawing. */
export function drawingFromDefaults(kind: DrawingKind, defaults: DrawingDefaults | undefined): Drawing {
  const points = Array.from({ length: POINT_COUNT[kind] }, () => ORIGIN);
  return createDrawingWithOptions(kind, 'defaults', points, defaults?.style ?? {}, defaults?.options ?? {});
}

/** A change of one control to a value, as the editor takes it for one drawing of `kind`. */
export type ControlChange =
  | { readonly type: 'style'; readonly patch: StylePatch }
  | { readonly type: 'option'; readonly option: ToggleOption; readonly value: boolean }
  | { readonly type: 'labelSide'; readonly side: FibLabelSide }
  | { readonly type: 'levels'; readonly levels: readonly number[] };

/**
 * What setting `control` to `value` writes on a drawing of `kind`. `fillAlpha` keeps the
 * drawing's translucency (a colour input has no alpha; the candles must stay visible).
 */
export function changeFor(
  kind: DrawingKind,
  control: StyleControl,
  value: ControlValue,
  fillAlpha = '33',
): ControlChange {
  switch (control) {
    case 'color':
      return {
        type: 'style',
        patch: kind === 'RECTANGLE' ? { borderColor: String(value) } : { color: String(value) },
      };
    case 'lineWidth':
      return { type: 'style', patch: { lineWidth: Number(value) } };
    case 'lineStyle':
      return { type: 'style', patch: { lineStyle: value as DrawingStyle['lineStyle'] } };
    case 'fillColor':
      return { type: 'style', patch: { fillColor: `${String(value).toUpperCase()}${fillAlpha}` } };
    case 'labelSide':
      if (value !== 'left' && value !== 'right')
        throw new RangeError(`labelSide: must be "left" or "right", got ${JSON.stringify(value)}`);
      return { type: 'labelSide', side: value };
    case 'levels':
      return { type: 'levels', levels: value as readonly number[] };
    default:
      return { type: 'option', option: control, value: value === true };
  }
}

/** The alpha digits of a drawing's painted fill (`#RRGGBBAA`), so a new fill colour keeps it. */
export function fillAlphaOf(drawing: Drawing): string {
  const fill = resolveStyle(drawing.kind, drawing.style).fillColor;
  return /^#[0-9a-f]{8}$/i.test(fill) ? fill.slice(7).toUpperCase() : '33';
}

/** The defaults after one change: style keys merged, options set. */
export function defaultsWith(defaults: DrawingDefaults | undefined, change: ControlChange): DrawingDefaults {
  const style: DrawingStyle = { ...defaults?.style };
  const options: DrawingOptions = { ...defaults?.options };
  switch (change.type) {
    case 'style':
      return { style: { ...style, ...change.patch }, options };
    case 'levels':
      return { style, options: { ...options, levels: [...change.levels] } };
    // The side has no wire field (like the bands): it belongs to a drawing, not to the defaults.
    case 'labelSide':
      return { style, options };
    case 'option': {
      const value =
        change.option === 'startHead' || change.option === 'endHead'
          ? change.value
            ? 'ARROW'
            : 'NONE'
          : change.value;
      return { style, options: { ...options, [change.option]: value } };
    }
  }
}

/**
 * The drawing's ordinal among drawings of its kind in the order they were added (`byId` keeps
 * insertion order), 1-based: "Trend line 2" is the second trend line. Paint order is not used, so
 * bringing a drawing to the front does not rename it.
 */
export function ordinalOf(state: Pick<EditorState, 'byId'>, id: string): number {
  const kind = state.byId[id]?.kind;
  let n = 0;
  for (const key of Object.keys(state.byId)) {
    if (state.byId[key]!.kind === kind) n++;
    if (key === id) return n;
  }
  return 0;
}
