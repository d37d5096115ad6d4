// EditTracker fed by a real editor: a local document change is one finished edit naming what it
// touched; a gesture's changes add up and are released once, when it ends; remote changes, loads
// and UI-only changes are no edit but move the baseline, so the next edit names only its own work.
import { describe, expect, it } from 'vitest';
import type { Editor } from '../../../src/editor/editor-api';
import type { ChangeRecord } from '../../../src/editor/types';
import { EditTracker } from '../../../src/sync/edit-tracker';
import type { Touched } from '../../../src/sync/rebase';
import { pt } from '../editor/fixtures';
import { METADATA, newEditor } from './harness';

/** A tracker subscribed to `editor`; `ignore` marks changes the engine itself caused. */
function track(editor: Editor) {
  const tracker = new EditTracker(editor.getState());
  const out: (Touched | null)[] = [];
  const control = { ignore: false };
  editor.subscribe((state, change) => out.push(tracker.change(state, change, control.ignore)));
  return { tracker, out, control };
}

const NONE = { drawings: [], levels: [], metadata: [] };

describe('EditTracker', () => {
  it('a local change is a finished edit naming what it touched', () => {
    const editor = newEditor();
    const { out } = track(editor);
    editor.setMetadata({ title: 'Cable long' });
    const id = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    expect(out).toEqual([
      { ...NONE, metadata: ['title'] },
      { ...NONE, drawings: [id] },
    ]);
  });

  it('UI-only changes (selection) are no edit', () => {
    const editor = newEditor();
    const id = editor.create('LINE', [pt(1, 150), pt(5, 160)]);
    const { out } = track(editor);
    editor.select([id]);
    editor.clearSelection();
    expect(out.length).toBeGreaterThan(0);
    expect(out.every((t) => t === null)).toBe(true);
  });

  it('a remote change is no edit and moves the baseline', () => {
    const editor = newEditor();
    const { out } = track(editor);
    editor.applyRemote((d) => {
      d.metadata.title = 'From the server';
    });
    expect(out).toEqual([null]);
    editor.setMetadata({ comments: 'Watch 1.27' });
    // Only the comments: the title came from the server, not from this user.
    expect(out[1]).toEqual({ ...NONE, metadata: ['comments'] });
  });

  it('a load is no edit and moves the baseline', () => {
    const editor = newEditor();
    const { out } = track(editor);
    editor.load({ drawings: [], levels: {}, metadata: { ...METADATA, title: 'Loaded' } });
    expect(out).toEqual([null]);
    editor.setMetadata({ comments: 'Watch 1.27' });
    expect(out[1]).toEqual({ ...NONE, metadata: ['comments'] });
  });

  it('a change the engine marks as its own (ignore) is no edit and moves the baseline', () => {
    const editor = newEditor();
    const { out, control } = track(editor);
    control.ignore = true;
    editor.setMetadata({ title: 'Engine wrote this' });
    control.ignore = false;
    expect(out).toEqual([null]);
    editor.setMetadata({ comments: 'Watch 1.27' });
    expect(out[1]).toEqual({ ...NONE, metadata: ['comments'] });
  });

  it('a gesture is one edit, released when it ends; pending while it has changed something', () => {
    const editor = newEditor();
    const { tracker, out } = track(editor);
    editor.beginGesture();
    editor.setMetadata({ title: 'Cable long' });
    expect(out).toEqual([null]);
    expect(tracker.gestureOpen).toBe(true);
    expect(tracker.gesturePending).toBe(true);
    editor.setMetadata({ comments: 'Watch 1.27' });
    expect(out).toEqual([null, null]);
    editor.endGesture();
    expect(out[2]).toEqual({ ...NONE, metadata: ['title', 'comments'] });
    expect(tracker.gestureOpen).toBe(false);
    expect(tracker.gesturePending).toBe(false);
    // Released: the next edit names only its own work.
    editor.setMetadata({ title: 'Cable short' });
    expect(out[3]).toEqual({ ...NONE, metadata: ['title'] });
  });

  it('a gesture open with nothing changed yet is not pending', () => {
    const editor = newEditor();
    const state = editor.getState();
    const tracker = new EditTracker(state);
    const opened: ChangeRecord = {
      source: 'local',
      origin: 'local',
      ids: [],
      levels: false,
      metadata: false,
      document: true,
      inGesture: true,
    };
    expect(tracker.change(state, opened, false)).toBeNull();
    expect(tracker.gestureOpen).toBe(true);
    expect(tracker.gesturePending).toBe(false);
  });

  it('reset (after a load) drops an unfinished gesture and its changes', () => {
    const editor = newEditor();
    const { tracker, out } = track(editor);
    editor.beginGesture();
    editor.setMetadata({ title: 'Cable long' });
    expect(tracker.gesturePending).toBe(true);
    tracker.reset(editor.getState());
    expect(tracker.gestureOpen).toBe(false);
    expect(tracker.gesturePending).toBe(false);
    editor.endGesture();
    editor.setMetadata({ comments: 'Watch 1.27' });
    // The gesture's end names nothing: its title change went with the reset.
    expect(out.filter((t) => t !== null)).toEqual([NONE, { ...NONE, metadata: ['comments'] }]);
  });

  it('reset moves the baseline to the given state', () => {
    const editor = newEditor();
    const tracker = new EditTracker(editor.getState());
    editor.setMetadata({ title: 'Somewhere else' });
    tracker.reset(editor.getState());
    const after = editor.getState();
    const change: ChangeRecord = {
      source: 'local',
      origin: 'local',
      ids: [],
      levels: false,
      metadata: false,
      document: true,
      inGesture: false,
    };
    expect(tracker.change(after, change, false)).toEqual(NONE);
  });
});
