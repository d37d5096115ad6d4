import { describe, expect, it } from 'vitest';
import { createIdGenerator } from '../../../src/server/ids';

describe('createIdGenerator', () => {
  it('makes 24 lower-case hex ids whose first 4 bytes are the seconds of now', () => {
    const next = createIdGenerator(() => 1_767_873_600_500);
    const id = next();
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(Number.parseInt(id.slice(0, 8), 16)).toBe(1_767_873_600);
  });

  it('keeps the random part and increments the 3-byte counter by one per id', () => {
    const next = createIdGenerator(() => 0);
    const a = next();
    const b = next();
    expect(a.slice(8, 18)).toBe(b.slice(8, 18));
    expect((Number.parseInt(a.slice(18), 16) + 1) & 0xffffff).toBe(Number.parseInt(b.slice(18), 16));
  });

  it('never repeats within 10,000 ids at the same second', () => {
    const next = createIdGenerator(() => 1000);
    expect(new Set(Array.from({ length: 10_000 }, next)).size).toBe(10_000);
  });
});
