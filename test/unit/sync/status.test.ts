import { describe, expect, it } from 'vitest';
import { statusText, syncStatus } from '../../../src/sync/status';

describe('statusText', () => {
  it('writes the five states as the UI shows them', () => {
    expect(statusText({ kind: 'saved', version: 3 })).toBe('Saved · v3');
    expect(statusText({ kind: 'saved', version: 0 })).toBe('New · not saved yet');
    expect(statusText({ kind: 'saving' })).toBe('Saving…');
    expect(statusText({ kind: 'offline', pending: 2 })).toBe('Offline · 2 pending');
    expect(statusText({ kind: 'error', message: 'title: too short' })).toBe('Error: title: too short');
    expect(statusText({ kind: 'incomplete', missing: ['title', 'symbol'] })).toBe(
      'New · add a title and a symbol to save',
    );
    expect(statusText({ kind: 'incomplete', missing: ['symbol'] })).toBe('New · add a symbol to save');
  });
});

describe('syncStatus', () => {
  const idle = { error: null, offline: false, pending: 0, sending: false, version: 4 };
  it('ranks error over offline over unsent work over saved', () => {
    expect(syncStatus(idle)).toEqual({ kind: 'saved', version: 4 });
    expect(syncStatus({ ...idle, pending: 1 })).toEqual({ kind: 'saving' });
    expect(syncStatus({ ...idle, sending: true })).toEqual({ kind: 'saving' });
    expect(syncStatus({ ...idle, pending: 2, offline: true })).toEqual({ kind: 'offline', pending: 2 });
    expect(syncStatus({ ...idle, offline: true, error: 'x' })).toEqual({ kind: 'error', message: 'x' });
    // A draft that lacks required fields: after error and offline, before unsent work.
    const draft = { ...idle, pending: 1, version: 0, missing: ['title'] as const };
    expect(syncStatus(draft)).toEqual({ kind: 'incomplete', missing: ['title'] });
    expect(syncStatus({ ...draft, offline: true })).toEqual({ kind: 'offline', pending: 1 });
    expect(syncStatus({ ...draft, error: 'y' })).toEqual({ kind: 'error', message: 'y' });
    expect(syncStatus({ ...draft, missing: [] })).toEqual({ kind: 'saving' });
  });
});
