// Pointer and keyboard input of the overlay. Listeners sit on the chart container in the
// capture phase, so they run before the chart's own handlers: a pointerdown the editor handles
// is preventDefault-ed (no compatibility mouse events reach the chart) and the chart's
// scroll/scale is locked until the gesture ends (touch events still reach the chart).
import type { IChartApi } from 'lightweight-charts';
import type { BarLookup } from '../chart/bar-lookup';
import type { ChartViewport } from '../chart/chart-viewport';
import { lockPanZoom } from '../chart/pan-zoom-lock';
import type { Editor } from '../editor/editor-api';
import type { EditorPointerEvent, PointerKind, PointerResult } from '../editor/types';
import { LONG_PRESS_MS } from '../editor/tools/common';
import { setCursor } from './cursor';
import { toEditorKey, toEditorPointer } from './pointer-input';

/** The part of the editor the overlay drives: state to paint, pointer and key input. */
export type OverlayEditor = Pick<Editor, 'getState' | 'subscribe' | 'pointer' | 'key'>;

/** What wireInput needs. */
export interface InputWiring {
  readonly container: HTMLElement;
  readonly chart: IChartApi;
  readonly viewport: ChartViewport;
  readonly editor: OverlayEditor;
  readonly bars: BarLookup;
  /** Called after every event the editor saw, to schedule a repaint. */
  readonly changed: () => void;
}

/** Attached input listeners. */
export interface InputHandle {
  /** The device of the last press (touch gets bigger handles). */
  pointerKind(): PointerKind;
  /** Removes every listener and unlocks the chart. */
  detach(): void;
}

/** Routes the container's pointer and key events into the editor. */
export function wireInput({ container, chart, viewport, editor, bars, changed }: InputWiring): InputHandle {
  let pointerKind: PointerKind = 'mouse';
  // The pointer whose press the editor is following; `captured` once the editor claimed it
  // (at press, or later — a touch drag of a selected drawing), from then on the chart is locked.
  let tracking: number | null = null;
  let captured = false;
  let unlock: (() => void) | null = null;
  const origin = () => {
    const rect = chart.chartElement().getBoundingClientRect();
    return { left: rect.left + chart.priceScale('left').width(), top: rect.top };
  };
  const inPane = (e: PointerEvent): boolean => {
    const o = origin();
    const x = e.clientX - o.left;
    const y = e.clientY - o.top;
    return x >= 0 && y >= 0 && x <= viewport.width && y <= viewport.height;
  };
  const send = (type: 'down' | 'move' | 'up' | 'cancel', e: PointerEvent) => {
    last = toEditorPointer(type, e, origin());
    let result: PointerResult;
    try {
      result = editor.pointer(last, viewport, bars);
    } catch (err) {
      // Never leave the chart locked or a press half-tracked behind a failed command.
      endPress(e);
      throw err;
    }
    setCursor(container, result.cursor);
    changed();
    return result;
  };
  const capture = (pointerId: number): void => {
    captured = true;
    unlock = lockPanZoom(chart);
    container.setPointerCapture?.(pointerId);
  };
  // A finger held still sends no moves, so the long press is tested by a timer.
  let longPress: ReturnType<typeof setTimeout> | null = null;
  let last: EditorPointerEvent | null = null;
  const startLongPress = (pointerId: number, down: EditorPointerEvent): void => {
    longPress = setTimeout(() => {
      longPress = null;
      if (tracking !== pointerId || captured || !last) return;
      const probe = { ...last, type: 'move' as const, timeStamp: down.timeStamp + LONG_PRESS_MS + 1 };
      const result = editor.pointer(probe, viewport, bars);
      setCursor(container, result.cursor);
      changed();
      if (result.capture) capture(pointerId);
    }, LONG_PRESS_MS + 20);
  };
  const endPress = (e?: PointerEvent): void => {
    if (longPress !== null) clearTimeout(longPress);
    longPress = null;
    if (e && captured && container.hasPointerCapture?.(e.pointerId))
      container.releasePointerCapture(e.pointerId);
    tracking = null;
    captured = false;
    unlock?.();
    unlock = null;
  };
  const swallow = (e: PointerEvent): void => {
    e.preventDefault();
    e.stopPropagation();
  };
  const onDown = (e: PointerEvent): void => {
    if (tracking !== null || !inPane(e)) return;
    pointerKind = e.pointerType === 'touch' ? 'touch' : e.pointerType === 'pen' ? 'pen' : 'mouse';
    if (container.ownerDocument.activeElement !== container) container.focus({ preventScroll: true });
    tracking = e.pointerId;
    if (send('down', e).capture) {
      swallow(e);
      capture(e.pointerId);
    } else if (pointerKind === 'touch' && last) startLongPress(e.pointerId, last);
  };
  const onMove = (e: PointerEvent): void => {
    if (tracking !== null) {
      if (e.pointerId !== tracking) return;
      const result = send('move', e);
      if (captured) swallow(e);
      else if (result.capture) capture(e.pointerId);
    } else if (e.buttons === 0 && inPane(e)) send('move', e);
    else if (e.buttons === 0) setCursor(container, 'default');
  };
  const onUp = (e: PointerEvent): void => {
    if (tracking === null || e.pointerId !== tracking) return;
    if (captured) swallow(e);
    send('up', e);
    endPress(e);
  };
  const onCancel = (e: PointerEvent): void => {
    if (tracking === null || e.pointerId !== tracking) return;
    send('cancel', e);
    endPress(e);
  };
  const onKey = (e: KeyboardEvent): void => {
    // Pressed on the chart itself: arrows and Enter draw (keyboard-nav.ts), not only hotkeys.
    const handled = editor.key({ ...toEditorKey(e), onChart: true }, viewport, bars);
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
      changed();
    }
  };
  const onLeave = (): void => {
    if (tracking === null) setCursor(container, 'default');
  };
  container.addEventListener('pointerdown', onDown, true);
  container.addEventListener('pointermove', onMove, true);
  container.addEventListener('pointerup', onUp, true);
  container.addEventListener('pointercancel', onCancel, true);
  container.addEventListener('pointerleave', onLeave);
  container.addEventListener('keydown', onKey);
  return {
    pointerKind: () => pointerKind,
    detach() {
      endPress();
      container.removeEventListener('pointerdown', onDown, true);
      container.removeEventListener('pointermove', onMove, true);
      container.removeEventListener('pointerup', onUp, true);
      container.removeEventListener('pointercancel', onCancel, true);
      container.removeEventListener('pointerleave', onLeave);
      container.removeEventListener('keydown', onKey);
      setCursor(container, 'default');
    },
  };
}
