// Turns the editor's change records into finished local edits: what each touched, accumulated
// over a gesture, released when the gesture ends. Remote changes and loads only move the baseline.
import type { ChangeRecord, EditorState } from '../editor/types';
import { isUntouched, NOTHING_TOUCHED, type Touched, touchedBetween, unionTouched } from './rebase';
import type { DomainDoc } from './sync-doc';

/** The document part of an editor state. */
export const docOfState = (s: EditorState): DomainDoc => ({
  metadata: s.metadata,
  levels: s.levels,
  drawings: s.drawings,
});

/** Tracks local edits between the engine's snapshots. */
export class EditTracker {
  private prev: DomainDoc;
  private touched: Touched = NOTHING_TOUCHED;
  /** True while a gesture (drag, placement) is changing the document. */
  gestureOpen = false;

  constructor(state: EditorState) {
    this.prev = docOfState(state);
  }

  /** An unfinished gesture has changed something (it counts as one pending edit). */
  get gesturePending(): boolean {
    return this.gestureOpen && !isUntouched(this.touched);
  }

  /** Starts over from `state` (after a load). */
  reset(state: EditorState): void {
    this.prev = docOfState(state);
    this.touched = NOTHING_TOUCHED;
    this.gestureOpen = false;
  }

  /** Feeds one change; returns the finished edit (what it touched) or null (remote, UI-only, mid-gesture). */
  change(state: EditorState, change: ChangeRecord, ignore: boolean): Touched | null {
    const next = docOfState(state);
    if (change.origin === 'remote' || !change.document || ignore) {
      this.prev = next;
      return null;
    }
    this.touched = unionTouched(this.touched, touchedBetween(this.prev, next, change.ids));
    this.prev = next;
    this.gestureOpen = change.inGesture;
    if (this.gestureOpen) return null;
    const done = this.touched;
    this.touched = NOTHING_TOUCHED;
    return done;
  }
}
