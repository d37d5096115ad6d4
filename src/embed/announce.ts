// What the editor's live region says about a change, pure: drawings added,
// moved, changed or deleted, levels, undo/redo, the selection, and while drawing by keyboard the
// focused drawing, the crosshair and each placed point. A gesture (a drag, a placement) is read
// out once, when it ends, against the state before it began.
import {
  describeDrawing,
  drawingName,
  drawingPlace,
  drawingPoints,
  LEVEL_NAMES,
  POINT_COUNT,
  type Drawing,
  type WordContext,
  type WordFormats,
} from '../core/index';
import type { ChangeRecord, EditorState } from '../editor/index';
import type { EmbedStrings } from './strings';

/** Drawing sentences read out one by one; past this, one count. */
export const MAX_SPOKEN_DRAWINGS = 3;

/** What announcement() needs besides the states. */
export interface AnnounceContext {
  readonly strings: EmbedStrings;
  readonly format: WordFormats;
}

const samePoints = (a: Drawing, b: Drawing): boolean =>
  a.points.length === b.points.length &&
  a.points.every((p, i) => p.time === b.points[i]!.time && p.price === b.points[i]!.price);

function drawingSentences(base: EditorState, next: EditorState, c: AnnounceContext): string[] {
  if (base.byId === next.byId && base.flags === next.flags && base.order === next.order) return [];
  const a = c.strings.announce;
  const words: WordContext = { words: c.strings.drawingWords, format: c.format };
  const kind = (d: Drawing) => words.words.kind[d.kind];
  const out: string[] = [];
  for (const id of next.order) {
    const now = next.byId[id]!;
    const was = base.byId[id];
    if (!was) out.push(a.added(kind(now), drawingPlace(now, words)));
    else if (!samePoints(was, now))
      out.push(a.moved(kind(now), drawingPlace(was, words), drawingPoints(now, words)));
    else if (
      was !== now ||
      base.flags[id] !== next.flags[id] ||
      base.order.indexOf(id) !== next.order.indexOf(id)
    )
      out.push(a.changed(drawingName(now, words.words)));
  }
  for (const id of base.order) if (!(id in next.byId)) out.push(a.deleted(kind(base.byId[id]!)));
  return out.length > MAX_SPOKEN_DRAWINGS ? [a.manyChanged(out.length)] : out;
}

function levelSentences(base: EditorState, next: EditorState, c: AnnounceContext): string[] {
  if (base.levels === next.levels) return [];
  const a = c.strings.announce;
  const out: string[] = [];
  for (const name of LEVEL_NAMES) {
    const was = base.levels[name];
    const now = next.levels[name];
    const label = c.strings[name];
    if (!now) {
      if (was) out.push(a.levelRemoved(label));
    } else if (!was) out.push(a.levelSet(label, c.format.price(now.price)));
    else if (was.price !== now.price)
      out.push(a.levelMoved(label, c.format.price(was.price), c.format.price(now.price)));
  }
  return out;
}

function selectionSentence(base: EditorState, next: EditorState, c: AnnounceContext): string | null {
  const a = c.strings.announce;
  const before = base.selection;
  const after = next.selection;
  if (before.length === after.length && before.every((id, i) => id === after[i])) return null;
  if (after.length === 0) {
    // A deleted drawing leaves the selection by itself; "deleted" said it already.
    return before.some((id) => !(id in next.byId)) ? null : a.selectionCleared;
  }
  // A new drawing is selected as it is added; "added" said it already.
  if (after.every((id) => !(id in base.byId))) return null;
  if (after.length > 1) return a.selectedMany(after.length);
  return a.selected(drawingName(next.byId[after[0]!]!, c.strings.drawingWords));
}

// Keyboard drawing and placement: read against the previous state, gesture or not.
function keyboardSentences(last: EditorState, next: EditorState, c: AnnounceContext): string[] {
  const a = c.strings.announce;
  const words: WordContext = { words: c.strings.drawingWords, format: c.format };
  const out: string[] = [];
  const was = last.toolState;
  const now = next.toolState;
  if (now.type === 'placing' && now.index > 0 && (was.type !== 'placing' || was.index !== now.index)) {
    const p = next.byId[now.id]?.points[now.index - 1];
    if (p)
      out.push(
        a.pointPlaced(
          now.index,
          POINT_COUNT[now.kind],
          words.words.point(c.format.price(p.price), c.format.time(p.time)),
        ),
      );
  }
  const focus = next.keyboard.focus;
  if (focus !== null && focus !== last.keyboard.focus && next.byId[focus]) {
    const d = next.byId[focus]!;
    out.push(a.focused(drawingName(d, words.words), describeDrawing(d, words)));
  }
  const cursor = next.keyboard.cursor;
  if (next.tool !== 'select' && cursor && cursor !== last.keyboard.cursor && out.length === 0)
    out.push(a.crosshair(words.words.point(c.format.price(cursor.price), c.format.time(cursor.time))));
  return out;
}

/**
 * The sentence for a change, "" when there is nothing to say. `base` is the state after the
 * last change that was read out (before an open gesture), `last` the state just before this one.
 */
export function announcement(
  base: EditorState,
  last: EditorState,
  next: EditorState,
  change: Pick<ChangeRecord, 'source' | 'origin' | 'inGesture'>,
  c: AnnounceContext,
): string {
  const parts = keyboardSentences(last, next, c);
  if (!change.inGesture && change.origin === 'local') {
    const doc = [...drawingSentences(base, next, c), ...levelSentences(base, next, c)].join('. ');
    const a = c.strings.announce;
    if (doc)
      parts.unshift(
        change.source === 'undo' ? a.undone(doc) : change.source === 'redo' ? a.redone(doc) : doc,
      );
    const selection = selectionSentence(base, next, c);
    if (selection) parts.push(selection);
  }
  return parts.join('. ');
}

/** Reads out a stream of changes: call it from the editor's subscribe with each (state, change). */
export function createAnnouncer(
  initial: EditorState,
  context: () => AnnounceContext,
): (state: EditorState, change: Pick<ChangeRecord, 'source' | 'origin' | 'inGesture'>) => string {
  let base = initial;
  let last = initial;
  return (state, change) => {
    const text = announcement(base, last, state, change, context());
    last = state;
    if (!change.inGesture) base = state;
    return text;
  };
}
