import { describe, expect, it } from 'vitest';
import { capturesPointer } from '../../../src/editor/pointer-capture';
import type { ToolState } from '../../../src/editor/types';

const idle: ToolState = { type: 'idle' };
const handled = { handled: true, cursor: 'default' } as const;

describe('capturesPointer', () => {
  it('claims the pointer at a handled press, never at an unhandled one', () => {
    expect(capturesPointer('down', handled, idle)).toBe(true);
    expect(capturesPointer('down', { handled: false, cursor: 'default' }, idle)).toBe(false);
  });

  it('mid-press claims it once a drag began, not while the press is within its threshold', () => {
    const pressing = { type: 'pressing' } as unknown as ToolState;
    const marquee = { type: 'marquee' } as unknown as ToolState;
    expect(capturesPointer('move', handled, pressing)).toBe(false);
    expect(capturesPointer('move', handled, idle)).toBe(false);
    expect(capturesPointer('move', { handled: true, cursor: 'move' }, pressing)).toBe(true);
    expect(capturesPointer('move', handled, marquee)).toBe(true);
    expect(capturesPointer('move', { handled: false, cursor: 'move' }, marquee)).toBe(false);
  });

  it('never claims it on release or cancel', () => {
    const marquee = { type: 'marquee' } as unknown as ToolState;
    expect(capturesPointer('up', handled, marquee)).toBe(false);
    expect(capturesPointer('cancel', handled, marquee)).toBe(false);
  });
});
