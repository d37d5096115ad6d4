// The editor's state and the neutral input types. The document part (byId, order, flags, levels,
// metadata) is what history tracks; everything else is UI state that undo never touches.
import type { AnalysisMetadata, Levels, LevelName } from '../core/analysis';
import type { ChartPoint, Drawing, DrawingKind, DrawingStyle } from '../core/drawing';
import type { HitPart } from '../core/kinds/behaviour';
import type { DrawingOptions } from '../core/kinds/registry';

/** Per-drawing UI flags; absent means false. */
export interface DrawingFlags {
  readonly locked?: boolean;
  readonly hidden?: boolean;
}

/** Magnet mode: snap placed and dragged points to the bars' OHLC. */
export type MagnetMode = 'off' | 'weak' | 'strong';

/** The active tool: the select tool or the placement tool of one drawing kind. */
export type ToolId = 'select' | DrawingKind;

/** What the pointer is over (the overlay paints it highlighted). */
export type HoverTarget =
  | { readonly type: 'drawing'; readonly id: string; readonly part: HitPart }
  | { readonly type: 'level'; readonly name: LevelName };

/** Copied drawings plus how often they were pasted (each paste shifts further right). */
export interface Clipboard {
  readonly drawings: readonly Drawing[];
  readonly pastes: number;
}

/** Where a press landed in the select tool. */
export type PressTarget =
  | { readonly type: 'drawing'; readonly id: string; readonly part: HitPart }
  | { readonly type: 'level'; readonly name: LevelName }
  | { readonly type: 'empty' };

/** The state of the active tool's state machine. */
export type ToolState =
  | { readonly type: 'idle' }
  | {
      /** A drawing is being placed; `index` is the point that follows the pointer. */
      readonly type: 'placing';
      readonly id: string;
      readonly kind: DrawingKind;
      readonly index: number;
      readonly pressed: boolean;
      readonly pressX: number;
      readonly pressY: number;
    }
  | {
      /** Button down in the select tool, not yet moved past the drag threshold. */
      readonly type: 'pressing';
      readonly x: number;
      readonly y: number;
      readonly timeStamp: number;
      readonly pointerType: PointerKind;
      readonly target: PressTarget;
      readonly shiftKey: boolean;
      readonly toggleKey: boolean;
    }
  | {
      readonly type: 'dragging-body';
      readonly x: number;
      readonly y: number;
      readonly originals: readonly Drawing[];
    }
  | {
      readonly type: 'dragging-handle';
      readonly id: string;
      readonly index: number;
      readonly original: Drawing;
    }
  | { readonly type: 'dragging-level'; readonly name: LevelName }
  | {
      /** Rubber-band selection from (x0, y0) to (x1, y1); `base` was selected before it began. */
      readonly type: 'marquee';
      readonly x0: number;
      readonly y0: number;
      readonly x1: number;
      readonly y1: number;
      readonly base: readonly string[];
    };

/** Keyboard drawing: the drawing the arrows walked to and the keyboard crosshair (keyboard-nav.ts). */
export interface KeyboardNav {
  /** The drawing focused by the arrow keys (shown as hovered); Enter selects it. */
  readonly focus: string | null;
  /** The keyboard crosshair while a drawing tool is active; Enter places a point there. */
  readonly cursor: ChartPoint | null;
}

/** The whole editor state; immutable, replaced on every change. */
export interface EditorState {
  /** Drawings in paint order (derived from `order` and `byId`; read this one). */
  readonly drawings: readonly Drawing[];
  /** Drawings by id: the source of truth that history patches address by key. */
  readonly byId: { readonly [id: string]: Drawing };
  /** Ids in paint order, bottom first. */
  readonly order: readonly string[];
  readonly flags: { readonly [id: string]: DrawingFlags };
  readonly levels: Levels;
  readonly metadata: AnalysisMetadata;
  /** Selected drawing ids, in the order they were selected. */
  readonly selection: readonly string[];
  readonly tool: ToolId;
  readonly toolState: ToolState;
  readonly magnet: MagnetMode;
  readonly stayInDrawingMode: boolean;
  readonly clipboard: Clipboard | null;
  readonly hover: HoverTarget | null;
  /** Style and options the next drawing of each kind starts with (the user's defaults; not document, not undone). */
  readonly drawingDefaults: DrawingDefaultsByKind;
  readonly keyboard: KeyboardNav;
}

/** What a new drawing of one kind starts with: style keys and the kind's options (absent: the kind's defaults). */
export interface DrawingDefaults {
  readonly style?: DrawingStyle;
  readonly options?: DrawingOptions;
}

/** Defaults per drawing kind. */
export type DrawingDefaultsByKind = { readonly [K in DrawingKind]?: DrawingDefaults };

/** Where a change came from. */
export type ChangeSource = 'local' | 'undo' | 'redo' | 'remote' | 'load';

/** What one state change touched, passed to subscribers with the new state. */
export interface ChangeRecord {
  readonly source: ChangeSource;
  /** 'remote' and 'load' come from outside; everything else is the local user. */
  readonly origin: 'local' | 'remote';
  /** Ids of drawings whose data, flags or paint position changed (added and removed included). */
  readonly ids: readonly string[];
  readonly levels: boolean;
  readonly metadata: boolean;
  /** True when the document (drawings, flags, levels, metadata) changed, not just UI state. */
  readonly document: boolean;
  /** True while a gesture (drag, placement) is still running; sync should wait for its end. */
  readonly inGesture: boolean;
}

/** Subscriber callback. */
export type EditorListener = (state: EditorState, change: ChangeRecord) => void;

/** Kind of pointing device. */
export type PointerKind = 'mouse' | 'touch' | 'pen';

/** A DOM-free pointer event in pane pixels. */
export interface EditorPointerEvent {
  readonly type: 'down' | 'move' | 'up' | 'cancel';
  readonly x: number;
  readonly y: number;
  /** 0 = primary (left) button. */
  readonly button: number;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly pointerType: PointerKind;
  /** Milliseconds, as the DOM's event.timeStamp. */
  readonly timeStamp: number;
}

/** One bar of OHLC data, time in UTC seconds. */
export interface MagnetBar {
  readonly time: number;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
}

/** Bar lookup for the magnet (the chart adapter provides it by binary search). */
export interface BarSource {
  /** The bar nearest `time` (UTC seconds), or null when there are no bars. */
  nearestBar(time: number): MagnetBar | null;
}

/** Cursor hint for the overlay. */
export type CursorHint =
  | 'default'
  | 'pointer'
  | 'move'
  | 'grabbing'
  | 'crosshair'
  | 'ew-resize'
  | 'ns-resize'
  | 'nwse-resize'
  | 'nesw-resize';

/** What a tool did with one pointer event: whether it consumed it (else the chart may pan), and the cursor. */
export interface ToolPointerResult {
  readonly handled: boolean;
  readonly cursor: CursorHint;
}

/** What `editor.pointer` did, and whether the overlay should now capture the pointer (locking the chart). */
export interface PointerResult extends ToolPointerResult {
  readonly capture: boolean;
}

/** A DOM-free key event. */
export interface EditorKeyEvent {
  readonly key: string;
  readonly code?: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  /** True when focus is in a form field: the editor then handles nothing. */
  readonly targetIsEditable: boolean;
  /**
   * True when focus is in a choice control whose own keys matter (a select: arrows and letters
   * pick an option): only undo and redo reach the editor, so Ctrl+Z works from the panel.
   */
  readonly targetIsChoice?: boolean;
  /** True when the key was pressed on the chart itself: only then do arrows walk and Enter places. */
  readonly onChart?: boolean;
  /** The DOM's `repeat`: auto-repeat of a held key (held-arrow nudges merge into one undo step). */
  readonly repeat?: boolean;
}

/** What `load` takes: a whole document. */
export interface EditorDocument {
  readonly drawings: readonly Drawing[];
  readonly levels?: Levels;
  readonly metadata?: AnalysisMetadata;
  readonly flags?: { readonly [id: string]: DrawingFlags };
}

/** Options of `createEditor`. */
export interface EditorOptions {
  /** Maximum undo entries kept (default 200). */
  readonly historyLimit?: number;
  /** Bars a paste or duplicate shifts right (default 1). */
  readonly pasteOffsetBars?: number;
  /** Magnet radius in px for weak mode (default 10). */
  readonly magnetRadius?: number;
  /** Decimals prices are stored with (the series' price format); default: unrounded. Times are always stored in whole seconds. */
  readonly pricePrecision?: number;
}

/** A style change: keys set to undefined are removed (falling back to defaults). */
export type StylePatch = { readonly [K in keyof DrawingStyle]?: DrawingStyle[K] | undefined };

/**
 * Boolean-ish options of LINE, PARALLEL and FIBONACCI_RETRACEMENT that the UI toggles. `showBands`
 * (Fibonacci bands) is editor state with no wire field: an export or reload drops it.
 */
export type ToggleOption =
  | 'extendLeft'
  | 'extendRight'
  | 'startHead'
  | 'endHead'
  | 'showMidline'
  | 'showBands';

/** A point in chart units, re-exported for callers of moveHandle. */
export type { ChartPoint };
