// createEditor: wires the store, the commands, the tools and the keyboard into one Editor.
import type { Price } from '../core/units';
import type { Viewport } from '../core/viewport';
import { dragLevelCommand, setExpiryCommand, setLevelCommand, setMetadataCommand } from './commands-analysis';
import {
  copyCommand,
  createCommand,
  deleteCommand,
  duplicateCommand,
  moveCommand,
  moveHandleCommand,
  pasteCommand,
} from './commands-drawings';
import { reorderCommand } from './commands-order';
import {
  restyleCommand,
  setDrawingDefaultsCommand,
  setFibLabelSideCommand,
  setFibLevelsCommand,
  setFlagCommand,
  setOptionCommand,
} from './commands-properties';
import {
  addToSelectionCommand,
  selectAllCommand,
  selectCommand,
  toggleSelectionCommand,
} from './commands-selection';
import type { Editor } from './editor-api';
import { toWireDrawings, toWireLevels } from './export';
import { capturesPointer } from './pointer-capture';
import { IdAllocator } from './ids';
import { roundPrice } from './quantize';
import { type KeyAction, keyAction } from './keyboard';
import { type NavEffect, navKey } from './keyboard-nav';
import { MAGNET_RADIUS } from './magnet';
import { createInitialState } from './state';
import { createStore } from './store';
import type { EmptyDrag, ToolContext } from './tools/common';
import {
  cancelPlacement,
  placeKeyboardPoint,
  placementPointer,
  previewKeyboardPoint,
} from './tools/placement-tool';
import { cancelDrag, selectPointer } from './tools/select-tool';
import type { BarSource, EditorDocument, EditorKeyEvent, EditorOptions, KeyboardNav } from './types';

/** Default number of bars a paste or duplicate shifts right. */
export const PASTE_OFFSET_BARS = 1;

/** Options of createEditor, including how a plain drag on empty space is used. */
export interface CreateEditorOptions extends EditorOptions {
  /** 'marquee' (default): drag on empty space selects; 'pan': it is left to the chart unless Shift/Ctrl. */
  readonly emptyDrag?: EmptyDrag;
}

/** A new editor over `initial` (default: an empty analysis). */
export function createEditor(initial?: EditorDocument, options: CreateEditorOptions = {}): Editor {
  const store = createStore(createInitialState(initial), options.historyLimit, {
    ...(options.pricePrecision === undefined ? {} : { pricePrecision: options.pricePrecision }),
  });
  const ids = new IdAllocator();
  // Every drawing id the editor ever held stays taken (it may be deleted later, here or remotely).
  ids.reserve(Object.keys(store.get().byId));
  store.subscribe((state, change) => {
    if (change.ids.length > 0) ids.reserve(change.ids.filter((id) => id in state.byId));
  });
  const bars = options.pasteOffsetBars ?? PASTE_OFFSET_BARS;
  let lastViewport: Viewport | null = null;
  let pricePrecision = options.pricePrecision;

  function viewportOr(viewport: Viewport | undefined, what: string): Viewport {
    const vp = viewport ?? lastViewport;
    if (!vp) throw new Error(`${what}: needs a viewport (pass one, or send a pointer event first)`);
    return vp;
  }

  function cancel(): boolean {
    const state = store.get();
    if (cancelPlacement({ store })) return true;
    if (state.toolState.type !== 'idle' && cancelDrag({ store })) return true;
    if (state.tool !== 'select') {
      editor.setTool('select');
      return true;
    }
    if (state.selection.length > 0) {
      selectCommand(store, []);
      return true;
    }
    return false;
  }

  // History version right after the last arrow nudge, so a held key's repeats amend that step.
  let nudgeVersion = -1;

  // A vertical nudge moves a whole number of price ticks, at least one: a pixel can be less than a
  // tick, and the stored price (rounded to the tick) would not move at all.
  function tickPixels(dy: number, viewport: Viewport): number {
    const state = store.get();
    const first = state.selection.map((id) => state.byId[id]).find((d) => d !== undefined);
    if (dy === 0 || pricePrecision === undefined || !first) return dy;
    const price = first.points[0].price;
    const perTick = Math.abs(
      viewport.priceToY(price) - viewport.priceToY((price + 10 ** -pricePrecision) as Price),
    );
    if (!Number.isFinite(perTick) || perTick === 0) return dy;
    return Math.sign(dy) * Math.max(1, Math.round(Math.abs(dy) / perTick)) * perTick;
  }

  function nudge(dx: number, dy: number, viewport: Viewport, repeat: boolean): void {
    const history = store.history;
    if (repeat && nudgeVersion === history.version) history.amendNext(history.version);
    moveCommand(store, viewport, dx, tickPixels(dy, viewport));
    history.amendNext(-1);
    nudgeVersion = history.version;
  }

  function setNav(nav: KeyboardNav, hoverId?: string | null): void {
    store.update((d) => {
      d.keyboard = nav;
      if (hoverId !== undefined)
        d.hover = hoverId === null ? null : { type: 'drawing', id: hoverId, part: { type: 'body' } };
    });
  }

  function navigate(event: EditorKeyEvent, viewport: Viewport | undefined, barSource?: BarSource): boolean {
    const vp = viewport ?? lastViewport;
    if (!vp) return false;
    const state = store.get();
    const step = navKey(state.keyboard, event, {
      state,
      viewport: vp,
      bars: barSource,
      ...(pricePrecision === undefined ? {} : { pricePrecision }),
    });
    if (!step) return false;
    lastViewport = vp;
    apply(step.nav, step.effect);
    return true;
  }

  function apply(nav: KeyboardNav, effect: NavEffect): void {
    const tool = store.get().tool;
    switch (effect.type) {
      case 'focus':
        setNav(nav, effect.id);
        return;
      case 'select':
        setNav(nav);
        selectCommand(store, [effect.id]);
        return;
      case 'cursor':
        setNav(nav);
        previewKeyboardPoint({ store }, effect.point);
        return;
      case 'place':
        setNav(nav);
        if (tool !== 'select') placeKeyboardPoint({ store, ids }, tool, effect.point);
        // The last point switches back to the select tool: the crosshair goes with it.
        if (store.get().tool === 'select') setNav({ ...store.get().keyboard, cursor: null, focus: null });
        return;
    }
  }

  function run(action: KeyAction, viewport: Viewport | undefined, repeat: boolean): boolean {
    const state = store.get();
    switch (action.type) {
      case 'tool':
        editor.setTool(action.tool);
        return true;
      case 'escape':
        return cancel();
      case 'delete':
        if (state.selection.length === 0) return false;
        deleteCommand(store);
        return true;
      case 'nudge': {
        const vp = viewport ?? lastViewport;
        if (state.selection.length === 0 || !vp) return false;
        nudge(action.dx, action.dy, vp, repeat);
        return true;
      }
      case 'undo':
        editor.undo();
        return true;
      case 'redo':
        store.redo();
        return true;
      case 'copy':
        return copyCommand(store) > 0;
      case 'paste':
        if (!state.clipboard || !(viewport ?? lastViewport)) return false;
        editor.paste(viewport);
        return true;
      case 'duplicate':
        if (state.selection.length === 0 || !(viewport ?? lastViewport)) return false;
        editor.duplicate(viewport);
        return true;
      case 'selectAll':
        selectAllCommand(store);
        return true;
    }
  }

  const editor: Editor = {
    getState: () => store.get(),
    subscribe: (listener) => store.subscribe(listener),
    pointer(event, viewport, barSource) {
      lastViewport = viewport;
      const ctx: ToolContext = {
        store,
        ids,
        viewport,
        bars: barSource,
        magnetRadius: options.magnetRadius ?? MAGNET_RADIUS,
        emptyDrag: options.emptyDrag ?? 'marquee',
      };
      const tool = store.get().tool;
      const result = tool === 'select' ? selectPointer(ctx, event) : placementPointer(ctx, tool, event);
      return { ...result, capture: capturesPointer(event.type, result, store.get().toolState) };
    },
    key(event, viewport, barSource) {
      if (navigate(event, viewport, barSource)) return true;
      const action = keyAction(event);
      return action ? run(action, viewport, event.repeat === true) : false;
    },
    cancel,
    setTool(tool) {
      cancelPlacement({ store });
      if (store.get().toolState.type !== 'idle') cancelDrag({ store });
      store.update((d) => {
        d.tool = tool;
        d.toolState = { type: 'idle' };
        d.hover = null;
      });
    },
    setMagnet: (mode) =>
      store.update((d) => {
        d.magnet = mode;
      }),
    setStayInDrawingMode: (stay) =>
      store.update((d) => {
        d.stayInDrawingMode = stay;
      }),
    setDrawingDefaults: (kind, defaults) => setDrawingDefaultsCommand(store, kind, defaults),
    create: (kind, points, style) => createCommand(store, ids, kind, points, style),
    move: (dx, dy, viewport, which) => moveCommand(store, viewport, dx, dy, which),
    moveHandle: (id, index, to, viewport) => moveHandleCommand(store, viewport, id, index, to),
    delete: (which) => deleteCommand(store, which),
    duplicate: (viewport) => duplicateCommand(store, ids, viewportOr(viewport, 'duplicate'), bars),
    restyle: (patch, which) => restyleCommand(store, patch, which),
    lock: (which) => setFlagCommand(store, 'locked', true, which),
    unlock: (which) => setFlagCommand(store, 'locked', false, which),
    hide: (which) => setFlagCommand(store, 'hidden', true, which),
    show: (which) => setFlagCommand(store, 'hidden', false, which),
    setFlag: (flag, value, which) => setFlagCommand(store, flag, value, which),
    bringForward: (which) => reorderCommand(store, 'forward', which),
    sendBackward: (which) => reorderCommand(store, 'backward', which),
    bringToFront: (which) => reorderCommand(store, 'front', which),
    sendToBack: (which) => reorderCommand(store, 'back', which),
    reorder: (move, which) => reorderCommand(store, move, which),
    setFibLevels: (id, levels) => setFibLevelsCommand(store, id, levels),
    setFibLabelSide: (side, which) => setFibLabelSideCommand(store, side, which),
    toggle: (option, which) => setOptionCommand(store, option, 'toggle', which),
    setOption: (option, value, which) => setOptionCommand(store, option, value, which),
    setLevel: (name, level) => setLevelCommand(store, name, level),
    dragLevel: (name, price) => dragLevelCommand(store, name, price),
    setExpiry: (expiry) => setExpiryCommand(store, expiry),
    setMetadata: (patch) => setMetadataCommand(store, patch),
    select: (which) => selectCommand(store, which),
    addToSelection: (which) => addToSelectionCommand(store, which),
    toggleSelection: (id) => toggleSelectionCommand(store, id),
    clearSelection: () => selectCommand(store, []),
    selectAll: () => selectAllCommand(store),
    copy: () => copyCommand(store),
    paste: (viewport) => pasteCommand(store, ids, viewportOr(viewport, 'paste'), bars),
    undo() {
      // Undo in the middle of a placement or drag abandons it, like Esc, rather than a finished step.
      if (cancelPlacement({ store })) return true;
      if (store.get().toolState.type !== 'idle' && cancelDrag({ store })) return true;
      return store.undo();
    },
    redo: () => store.redo(),
    canUndo: () => store.history.canUndo(),
    canRedo: () => store.history.canRedo(),
    beginGesture: () => store.beginGesture(),
    endGesture: () => store.endGesture(),
    cancelGesture: () => store.cancelGesture(),
    exportDrawings: () => toWireDrawings(store.get().drawings),
    exportLevels: () => toWireLevels(store.get().levels),
    load: (doc) => store.load(doc),
    applyRemote: (recipe) => store.applyRemote(recipe),
    renameDrawings: (renamed) => store.renameDrawings(renamed),
    reserveIds: (used) => ids.reserve(used),
    idHighWater: () => ids.highWater(),
    setPricePrecision(precision) {
      if (precision !== undefined) roundPrice(1, precision); // throws naming the field on a bad value
      pricePrecision = precision;
      store.setQuantize(precision === undefined ? {} : { pricePrecision: precision });
    },
  };
  return editor;
}
