// The Editor's public interface: what the Konva overlay, the demo and the sync layer call.
import type { Expiry, Level, LevelName } from '../core/analysis';
import type { ChartPoint, DrawingKind, DrawingStyle, FibLabelSide } from '../core/drawing';
import type { Viewport } from '../core/viewport';
import type { MetadataPatch } from './commands-analysis';
import type { OrderMove } from './commands-order';
import type { WireDrawing, WireLevel } from './export';
import type { Recipe } from './store';
import type {
  BarSource,
  DrawingDefaults,
  DrawingFlags,
  EditorDocument,
  EditorKeyEvent,
  EditorListener,
  EditorPointerEvent,
  EditorState,
  MagnetMode,
  PointerResult,
  StylePatch,
  ToggleOption,
  ToolId,
} from './types';

/** The editor model: state, commands, history, tools. Commands default to the selection. */
export interface Editor {
  /** The current immutable state. */
  getState(): EditorState;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: EditorListener): () => void;

  /** Routes a pointer event to the active tool; `bars` feeds the magnet. */
  pointer(event: EditorPointerEvent, viewport: Viewport, bars?: BarSource): PointerResult;
  /**
   * Handles a hotkey, or on the chart (`event.onChart`) a keyboard-drawing key (keyboard-nav.ts);
   * false when the key is not the editor's (or the target is a form field). `bars` gives the
   * keyboard crosshair its first price.
   */
  key(event: EditorKeyEvent, viewport?: Viewport, bars?: BarSource): boolean;
  /** Esc: cancels a placement or drag, else leaves a drawing tool, else clears the selection. */
  cancel(): boolean;
  /** Switches tool, abandoning a placement or drag in progress. */
  setTool(tool: ToolId): void;
  /** Magnet for placed and dragged points: off, weak (within the radius) or strong. */
  setMagnet(mode: MagnetMode): void;
  /** When true a drawing tool stays active after each placement. */
  setStayInDrawingMode(stay: boolean): void;
  /** Sets (null: clears) what the next drawings of `kind` start with; throws naming the field on a bad value. Not an undo step. */
  setDrawingDefaults(kind: DrawingKind, defaults: DrawingDefaults | null): void;

  /** Adds a drawing on top, selects it and returns its new id. */
  create(kind: DrawingKind, points: readonly ChartPoint[], style?: DrawingStyle): string;
  /** Moves drawings by a pixel delta through the viewport; locked ones stay. */
  move(dx: number, dy: number, viewport: Viewport, ids?: readonly string[]): void;
  /** Drags one handle of a drawing to a chart point. */
  moveHandle(id: string, index: number, to: ChartPoint, viewport: Viewport): void;
  /** Deletes drawings except locked ones; returns the ids NOT deleted. */
  delete(ids?: readonly string[]): string[];
  /** Copies the selection N bars to the right (see options.pasteOffsetBars); returns the new ids. */
  duplicate(viewport?: Viewport): string[];
  /** Merges style keys; a key set to undefined falls back to the kind's default. */
  restyle(patch: StylePatch, ids?: readonly string[]): void;
  /** Locked drawings can be selected and restyled but not moved, resized or deleted. */
  lock(ids?: readonly string[]): void;
  /** Clears the lock. */
  unlock(ids?: readonly string[]): void;
  /** Hides drawings (and deselects them). */
  hide(ids?: readonly string[]): void;
  /** Clears the hidden flag. */
  show(ids?: readonly string[]): void;
  /** Sets `locked` or `hidden`. */
  setFlag(flag: keyof DrawingFlags, value: boolean, ids?: readonly string[]): void;
  /** One step up in paint order, past the next unselected drawing. */
  bringForward(ids?: readonly string[]): void;
  /** One step down in paint order. */
  sendBackward(ids?: readonly string[]): void;
  /** To the top of the paint order, keeping the selection's inner order. */
  bringToFront(ids?: readonly string[]): void;
  /** To the bottom of the paint order. */
  sendToBack(ids?: readonly string[]): void;
  /** Any of the four paint-order moves. */
  reorder(move: OrderMove, ids?: readonly string[]): void;
  /** Replaces a Fibonacci retracement's ratios; throws on 0 or > 24, non-finite, out of [-5, 5] or repeated. */
  setFibLevels(id: string, levels: readonly number[]): void;
  /** Puts Fibonacci level labels left or right of the levels (editor state with no wire field); other kinds are left alone. */
  setFibLabelSide(side: FibLabelSide, ids?: readonly string[]): void;
  /** Flips an option (heads NONE ↔ ARROW) on drawings whose kind has it. */
  toggle(option: ToggleOption, ids?: readonly string[]): void;
  /** Sets an option (heads: true = ARROW) on drawings whose kind has it. */
  setOption(option: ToggleOption, value: boolean, ids?: readonly string[]): void;
  /** Sets or removes a level; throws on a bad or used id or a broken support < pivot < resistance. */
  setLevel(name: LevelName, level: Level | null): void;
  /** Moves a level to a price, stopped just inside its neighbours. */
  dragLevel(name: LevelName, price: number): void;
  /** Sets (or, with undefined, removes) the expiry; HOURS must be a whole number 1–8760. */
  setExpiry(expiry: Expiry | undefined): void;
  /** Merges metadata fields; undefined removes an optional text. */
  setMetadata(patch: MetadataPatch): void;

  /** Replaces the selection (hidden or unknown ids are dropped). Selection never enters history. */
  select(ids: readonly string[]): void;
  /** Adds to the selection. */
  addToSelection(ids: readonly string[]): void;
  /** Adds the id when absent, removes it when present. */
  toggleSelection(id: string): void;
  /** Empties the selection. */
  clearSelection(): void;
  /** Selects every visible drawing. */
  selectAll(): void;
  /** Copies the selection; returns how many drawings were copied. */
  copy(): number;
  /** Pastes with new ids, N bars further right on each paste; returns the new ids. */
  paste(viewport?: Viewport): string[];

  /** Undoes the newest local step (or abandons a placement/drag in progress); false when none. */
  undo(): boolean;
  /** Redoes the newest undone step; false when none. */
  redo(): boolean;
  /** True when there is a step to undo. */
  canUndo(): boolean;
  /** True when there is a step to redo. */
  canRedo(): boolean;
  /** Opens a gesture: every change until endGesture is one undo step. */
  beginGesture(): void;
  /** Closes the gesture opened by beginGesture. */
  endGesture(): void;
  /** Reverts and closes the open gesture. */
  cancelGesture(): boolean;

  /** The drawings in the spec's wire format, paint order. */
  exportDrawings(): WireDrawing[];
  /** The levels in the spec's wire format. */
  exportLevels(): { [N in LevelName]?: WireLevel };
  /** Replaces the document, clears selection and history. */
  load(doc: EditorDocument): void;
  /**
   * Applies a change from outside (the server) without entering history; local undo steps stay
   * valid. Change drawings by replacing or mutating `draft.drawings`, or levels/metadata directly.
   */
  applyRemote(recipe: Recipe): void;
  /** Gives drawings new ids in the state and the undo history, outside undo (sync renames a drawing whose id another client took). */
  renameDrawings(renamed: ReadonlyMap<string, string>): void;
  /** Ids never to hand out again (nor lower numbers of their prefix), e.g. remembered from an earlier session of this analysis. */
  reserveIds(ids: Iterable<string>): void;
  /** The highest id per prefix handed out or reserved (`['line_4']`), to remember across sessions. */
  idHighWater(): string[];
  /** Decimals later local edits round prices to (the series' price format); undefined keeps them as they are. */
  setPricePrecision(precision: number | undefined): void;
}
