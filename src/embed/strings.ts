// Every word the embed's UI shows, in one replaceable table (English by default). Functions are
// used where a string needs a value in it, so a translation can reorder the words.
import { DRAWING_WORDS, type DrawingKind, type DrawingWords } from '../core/index';
import { type SyncStatus, statusText } from '../sync/index';

/** The live region's sentences; values arrive formatted. */
export interface AnnounceStrings {
  /** "Line added from 1.34100 on 8 Jan 10:00 to 1.35200 on 9 Jan 14:00". */
  readonly added: (kind: string, place: string) => string;
  /** "Horizontal line at 1.34310 moved to 1.34410". */
  readonly moved: (kind: string, place: string, to: string) => string;
  /** "Rectangle deleted". */
  readonly deleted: (kind: string) => string;
  /** "Line 1 changed": its style, options, lock, hiding or paint order. */
  readonly changed: (name: string) => string;
  /** "Fibonacci 1 selected". */
  readonly selected: (name: string) => string;
  /** "3 drawings selected". */
  readonly selectedMany: (count: number) => string;
  readonly selectionCleared: string;
  /** "5 drawings changed": when one step touched more drawings than are worth reading out. */
  readonly manyChanged: (count: number) => string;
  /** "Support at 1.34100" (a level set), "Support at 1.34100 moved to 1.34200", "Support removed". */
  readonly levelSet: (level: string, price: string) => string;
  readonly levelMoved: (level: string, price: string, to: string) => string;
  readonly levelRemoved: (level: string) => string;
  /** "Undo: Line deleted", "Redo: Line added …". */
  readonly undone: (what: string) => string;
  readonly redone: (what: string) => string;
  /** "Line 1, from …": the drawing the arrow keys walked to; Enter selects it. */
  readonly focused: (name: string, place: string) => string;
  /** "Crosshair at 1.34100 on 8 Jan 10:00": the keyboard crosshair; Enter places a point there. */
  readonly crosshair: (point: string) => string;
  /** "Point 1 of 2 at 1.34100 on 8 Jan 10:00": a placed point of a drawing not finished yet. */
  readonly pointPlaced: (n: number, of: number, point: string) => string;
}

/** The UI strings of the editor and view; pass a partial table as `strings` to replace some. */
export interface EmbedStrings {
  readonly toolbar: string;
  readonly select: string;
  readonly horizontalLine: string;
  readonly line: string;
  readonly rectangle: string;
  readonly parallelChannel: string;
  readonly fibonacciRetracement: string;
  readonly undo: string;
  readonly redo: string;
  readonly delete: string;
  readonly magnet: string;
  readonly magnetOff: string;
  readonly magnetWeak: string;
  readonly magnetStrong: string;
  readonly stayInDrawingMode: string;
  readonly panel: string;
  /** A part of the panel whose code could not be fetched (`part` is its form's name). */
  readonly partFailed: (part: string) => string;
  /** The overlay's Konva layer as partFailed names it in the status line (its code is a chunk too). */
  readonly handlesPart: string;
  readonly styleForm: string;
  readonly style: string;
  readonly nothingSelected: string;
  /** "3 selected": the status text for a selection of `count` drawings. */
  readonly selectedCount: (count: number) => string;
  readonly colour: string;
  readonly width: string;
  readonly lineStyle: string;
  readonly solid: string;
  readonly dashed: string;
  readonly dotted: string;
  readonly fill: string;
  /** A drawing kind as a user calls it ("Trend line"). */
  readonly kindName: (kind: DrawingKind) => string;
  /** A drawing as the style panel names it: its kind and its number among that kind ("Trend line 2"). */
  readonly drawingName: (kind: DrawingKind, n: number) => string;
  /** The panel's legend with nothing selected and a drawing tool active: it edits that tool's defaults. */
  readonly nextDrawing: (kind: DrawingKind) => string;
  /** With nothing selected and no drawing tool: what the panel is for. */
  readonly styleHint: string;
  /** Shown on a control whose value differs across the selection. */
  readonly mixed: string;
  readonly extendLeft: string;
  readonly extendRight: string;
  readonly startArrow: string;
  readonly endArrow: string;
  readonly midline: string;
  /** The toggle of a Fibonacci retracement's translucent bands between levels. */
  readonly bands: string;
  /** The choice of the side a Fibonacci retracement's level labels sit on, and its two values. */
  readonly labelSide: string;
  readonly left: string;
  readonly right: string;
  readonly fibLevels: string;
  /** The accessible name of the ratio input of the Fibonacci level at 1-based `position`. */
  readonly levelRatio: (position: number) => string;
  /** The accessible name of the button removing the level with `ratio`. */
  readonly removeLevel: (ratio: number) => string;
  readonly newLevel: string;
  readonly addLevel: string;
  /** With several Fibonacci retracements selected whose ratios differ. */
  readonly levelsMixed: string;
  readonly lock: string;
  readonly hide: string;
  readonly bringToFront: string;
  readonly sendToBack: string;
  /** The button showing the `count` hidden drawings again. */
  readonly showHidden: (count: number) => string;
  readonly metadataForm: string;
  readonly analysis: string;
  readonly title: string;
  readonly symbol: string;
  readonly timeframe: string;
  readonly direction: string;
  readonly bullish: string;
  readonly bearish: string;
  readonly entryPlacement: string;
  readonly aboveCurrent: string;
  readonly belowCurrent: string;
  readonly expiryHours: string;
  /** "Expires 2026-12-05 03:13 UTC": when the analysis expires (`time` is formatted already). */
  readonly expires: (time: string) => string;
  readonly noExpiry: string;
  readonly preference: string;
  readonly alternative: string;
  readonly comments: string;
  readonly levelsForm: string;
  readonly levels: string;
  readonly support: string;
  readonly pivot: string;
  readonly resistance: string;
  /** The legend of the "alert me" part. */
  readonly alerts: string;
  /** The accessible name of the "alert me" part. */
  readonly alertsGroup: string;
  /** The chart's accessible name, from the analysis' symbol and timeframe. */
  readonly chartEditorLabel: (symbol: string, timeframe: string) => string;
  /** The save status line. */
  readonly status: (status: EmbedStatus) => string;
  /** Drawings in words (kind names, points, levels), for announcements. */
  readonly drawingWords: DrawingWords;
  /** The live region's sentences. */
  readonly announce: AnnounceStrings;
}

/** Save status: the sync engine's, or `local` when the editor has no API to save to. */
export type EmbedStatus = SyncStatus | { readonly kind: 'local' };

const KIND_NAMES: { readonly [K in DrawingKind]: string } = {
  HORIZONTAL_LINE: 'Horizontal line',
  LINE: 'Trend line',
  RECTANGLE: 'Rectangle',
  PARALLEL: 'Parallel channel',
  FIBONACCI_RETRACEMENT: 'Fibonacci',
};

/** English defaults; the toolbar's names are the accessible names tests and users rely on. */
export const DEFAULT_STRINGS: EmbedStrings = {
  toolbar: 'Drawing tools',
  select: 'Select',
  horizontalLine: 'Horizontal line',
  line: 'Line',
  rectangle: 'Rectangle',
  parallelChannel: 'Parallel channel',
  fibonacciRetracement: 'Fibonacci retracement',
  undo: 'Undo',
  redo: 'Redo',
  delete: 'Delete',
  magnet: 'Magnet',
  magnetOff: 'Off',
  magnetWeak: 'Weak',
  magnetStrong: 'Strong',
  stayInDrawingMode: 'Stay in drawing mode',
  panel: 'Analysis',
  partFailed: (part) => `${part} could not be loaded. Your drawings are kept; reload the page to try again.`,
  handlesPart: 'Drawing handles',
  styleForm: 'Style of the selection',
  style: 'Style',
  nothingSelected: '(nothing selected)',
  selectedCount: (n) => `(${n} drawings)`,
  colour: 'Colour',
  width: 'Width',
  lineStyle: 'Line style',
  solid: 'Solid',
  dashed: 'Dashed',
  dotted: 'Dotted',
  fill: 'Fill',
  kindName: (kind) => KIND_NAMES[kind],
  drawingName: (kind, n) => `${KIND_NAMES[kind]} ${n}`,
  nextDrawing: (kind) => `next ${KIND_NAMES[kind].toLowerCase()}`,
  styleHint: 'Select a drawing to restyle it, or pick a tool to set the style of its next drawing.',
  mixed: '(mixed)',
  extendLeft: 'Extend left',
  extendRight: 'Extend right',
  startArrow: 'Arrow at start',
  endArrow: 'Arrow at end',
  midline: 'Midline',
  bands: 'Bands',
  labelSide: 'Level labels',
  left: 'Left',
  right: 'Right',
  fibLevels: 'Fibonacci levels',
  levelRatio: (position) => `Level ${position} ratio`,
  removeLevel: (ratio) => `Remove level ${ratio}`,
  newLevel: 'New level ratio',
  addLevel: 'Add level',
  levelsMixed: 'The selected retracements have different levels; select one to edit them.',
  lock: 'Lock',
  hide: 'Hide',
  bringToFront: 'Bring to front',
  sendToBack: 'Send to back',
  showHidden: (count) => `Show hidden drawings (${count})`,
  metadataForm: 'Metadata',
  analysis: 'Analysis',
  title: 'Title',
  symbol: 'Symbol',
  timeframe: 'Timeframe',
  direction: 'Direction',
  bullish: 'Bullish',
  bearish: 'Bearish',
  entryPlacement: 'Entry placement',
  aboveCurrent: 'Above current price',
  belowCurrent: 'Below current price',
  expiryHours: 'Expiry (hours)',
  expires: (time) => `Expires ${time} UTC`,
  noExpiry: 'No expiry',
  preference: 'Preference',
  alternative: 'Alternative',
  comments: 'Comments',
  levelsForm: 'Levels',
  levels: 'Levels',
  support: 'Support',
  pivot: 'Pivot',
  resistance: 'Resistance',
  alerts: 'Alerts',
  alertsGroup: 'Alert me when price crosses',
  chartEditorLabel: (symbol, timeframe) => `${[symbol, timeframe].filter(Boolean).join(' ')} chart editor`,
  // The sync layer's own English line; a translation replaces the whole function.
  status: (s) => (s.kind === 'local' ? 'Local only' : statusText(s)),
  drawingWords: DRAWING_WORDS,
  announce: {
    added: (kind, place) => `${kind} added ${place}`,
    moved: (kind, place, to) => `${kind} ${place} moved to ${to}`,
    deleted: (kind) => `${kind} deleted`,
    changed: (name) => `${name} changed`,
    selected: (name) => `${name} selected`,
    selectedMany: (n) => `${n} drawings selected`,
    selectionCleared: 'Selection cleared',
    manyChanged: (n) => `${n} drawings changed`,
    levelSet: (level, price) => `${level} at ${price}`,
    levelMoved: (level, price, to) => `${level} at ${price} moved to ${to}`,
    levelRemoved: (level) => `${level} removed`,
    undone: (what) => `Undo: ${what}`,
    redone: (what) => `Redo: ${what}`,
    focused: (name, place) => `${name}, ${place}`,
    crosshair: (point) => `Crosshair at ${point}`,
    pointPlaced: (n, of, point) => `Point ${n} of ${of} at ${point}`,
  },
};

/** The defaults with `overrides` on top. */
export function resolveStrings(overrides: Partial<EmbedStrings> | undefined): EmbedStrings {
  return overrides ? { ...DEFAULT_STRINGS, ...overrides } : DEFAULT_STRINGS;
}
