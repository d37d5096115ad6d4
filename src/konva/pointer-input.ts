// DOM Pointer Events → the editor's neutral pointer events in pane pixels. One code path serves
// mouse, touch and pen, because Pointer Events already unify them.
import type { EditorKeyEvent, EditorPointerEvent, PointerKind } from '../editor/types';

/** Pane-relative position of a DOM pointer event, given the pane's top-left in client pixels. */
export interface PaneOrigin {
  readonly left: number;
  readonly top: number;
}

const KINDS: readonly PointerKind[] = ['mouse', 'touch', 'pen'];

/** Maps a DOM pointerType to the editor's; unknown devices act like a mouse. */
export function pointerKind(type: string): PointerKind {
  return (KINDS as readonly string[]).includes(type) ? (type as PointerKind) : 'mouse';
}

/** Translates a DOM PointerEvent into an EditorPointerEvent of the given type. */
export function toEditorPointer(
  type: EditorPointerEvent['type'],
  e: PointerEvent,
  origin: PaneOrigin,
): EditorPointerEvent {
  return {
    type,
    x: e.clientX - origin.left,
    y: e.clientY - origin.top,
    // pointermove reports button −1; the editor reads 0 as "the primary button".
    button: Math.max(e.button, 0),
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    pointerType: pointerKind(e.pointerType),
    timeStamp: e.timeStamp,
  };
}

/** True when keyboard focus sits in something the user types into, so chart hotkeys must not fire. */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['button', 'checkbox', 'radio', 'submit', 'reset', 'color', 'range'].includes(type);
}

/** A DOM key event → the editor's key event (typing in a field is flagged, so hotkeys stay out of it). */
export function toEditorKey(e: KeyboardEvent): EditorKeyEvent {
  return {
    key: e.key,
    code: e.code,
    shiftKey: e.shiftKey,
    ctrlKey: e.ctrlKey,
    metaKey: e.metaKey,
    altKey: e.altKey,
    repeat: e.repeat,
    targetIsEditable: isEditableTarget(e.target),
    targetIsChoice: e.target instanceof HTMLElement && e.target.tagName === 'SELECT',
  };
}
