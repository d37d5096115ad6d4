import { describe, expect, it } from 'vitest';
import { statusText, syncStatus } from '../../../src/sync/status';

describe('statusText', () => {
  it('writes the four states as the UI shows them', () => {
    expect(statusText({ kind: 'saved', version: 3 })).toBe('Saved · v3');
    expect(statusText({ kind: 'saved', version: 0 })).toBe('New · not saved yet');
    expect(statusText({ kind: 'saving' })).toBe('Saving…');
    expect(statusText({ kind: 'offline', pending: 2 })).toBe('Offline · 2 pending');
    expect(statusText({ kind: 'error', message: 'title: too short' })).toBe('Error: title: too short');
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
  });
});
