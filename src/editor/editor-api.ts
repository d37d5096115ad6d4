// The Editor's public interface: what the Konva overlay, the demo and the sync layer call.
import type { Expiry, Level, LevelName } from '../core/analysis';
import type { ChartPoint, DrawingKind, DrawingStyle } from '../core/drawing';
import type { Viewport } from '../core/viewport';
import type { MetadataPatch } from './commands-analysis';
import type { OrderMove } from './commands-order';
import type { WireDrawing, WireLevel } from './export';
import type { Recipe } from './store';
import type {
  BarSource,
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
  /** Handles a hotkey; false when the key is not the editor's (or the target is a form field). */
  key(event: EditorKeyEvent, viewport?: Viewport): boolean;
  /** Esc: cancels a placement or drag, else leaves a drawing tool, else clears the selection. */
  cancel(): boolean;
  setTool(tool: ToolId): void;
  setMagnet(mode: MagnetMode): void;
  setStayInDrawingMode(stay: boolean): void;

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
  restyle(patch: StylePatch, ids?: readonly string[]): void;
  lock(ids?: readonly string[]): void;
  unlock(ids?: readonly string[]): void;
  /** Hides drawings (and deselects them). */
  hide(ids?: readonly string[]): void;
  show(ids?: readonly string[]): void;
  setFlag(flag: keyof DrawingFlags, value: boolean, ids?: readonly string[]): void;
  bringForward(ids?: readonly string[]): void;
  sendBackward(ids?: readonly string[]): void;
  bringToFront(ids?: readonly string[]): void;
  sendToBack(ids?: readonly string[]): void;
  reorder(move: OrderMove, ids?: readonly string[]): void;
  /** Replaces a Fibonacci retracement's ratios; throws on 0 or > 24, non-finite, out of [-5, 5] or repeated. */
  setFibLevels(id: string, levels: readonly number[]): void;
  /** Flips an option (heads NONE ↔ ARROW) on drawings whose kind has it. */
  toggle(option: ToggleOption, ids?: readonly string[]): void;
  /** Sets an option (heads: true = ARROW) on drawings whose kind has it. */
  setOption(option: ToggleOption, value: boolean, ids?: readonly string[]): void;
  /** Sets or removes a level; throws on a bad or used id or a broken support < pivot < resistance. */
  setLevel(name: LevelName, level: Level | null): void;
  /** Moves a level to a price, stopped just inside its neighbours. */
  dragLevel(name: LevelName, price: number): void;
  setExpiry(expiry: Expiry | undefined): void;
  setMetadata(patch: MetadataPatch): void;

  select(ids: readonly string[]): void;
  addToSelection(ids: readonly string[]): void;
  toggleSelection(id: string): void;
  clearSelection(): void;
  selectAll(): void;
  /** Copies the selection; returns how many drawings were copied. */
  copy(): number;
  /** Pastes with new ids, N bars further right on each paste; returns the new ids. */
  paste(viewport?: Viewport): string[];

  undo(): boolean;
  redo(): boolean;
  canUndo(): boolean;
  canRedo(): boolean;
  /** Opens a gesture: every change until endGesture is one undo step. */
  beginGesture(): void;
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
}
