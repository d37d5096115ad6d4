// Public surface of chartmark/editor. Hand-written: every export here is deliberate.
// --- editor model: state, commands, history, tools, magnet, keyboard, wire export (h5a-editor)
export type { Editor } from './editor-api';
export type { CreateEditorOptions } from './editor';
export { createEditor, PASTE_OFFSET_BARS } from './editor';
export type {
  BarSource,
  ChangeRecord,
  ChangeSource,
  Clipboard,
  CursorHint,
  DrawingDefaults,
  DrawingDefaultsByKind,
  DrawingFlags,
  EditorDocument,
  EditorKeyEvent,
  EditorListener,
  EditorOptions,
  EditorPointerEvent,
  EditorState,
  HoverTarget,
  MagnetBar,
  MagnetMode,
  PointerKind,
  PointerResult,
  PressTarget,
  StylePatch,
  ToggleOption,
  ToolId,
  ToolState,
} from './types';
export type { Recipe } from './store';
export type { MetadataPatch } from './commands-analysis';
export { EXPIRY_HOURS } from './commands-analysis';
export type { OrderMove } from './commands-order';
export { reorder } from './commands-order';
export { FIB_LEVEL_LIMITS, validateFibLevels } from './commands-properties';
export { DEFAULT_METADATA } from './state';
export { HISTORY_LIMIT } from './history';
export { ID_PREFIX } from './ids';
export type { Hotkey, KeyAction } from './keyboard';
export { HOTKEYS, keyAction, NUDGE_PX } from './keyboard';
export type { SnapResult } from './magnet';
export { constrainAngle, MAGNET_RADIUS, snapPoint } from './magnet';
export type { WireDrawing, WireLevel, WirePoint } from './export';
export { isoTime, toWireDrawing, toWireDrawings, toWireLevels } from './export';
export type { EmptyDrag } from './tools/common';
export { DRAG_THRESHOLD, HIT_TOLERANCE, LONG_PRESS_MS, LONG_PRESS_SLOP } from './tools/common';
