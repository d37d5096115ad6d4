import { describe, expect, it } from 'vitest';
import { createIdGenerator } from '../../../src/server/ids';

describe('createIdGenerator', () => {
  it('makes 24 lower-case hex ids whose first 4 bytes are the seconds of now', () => {
    const next = createIdGenerator(() => 1_767_873_600_500);
    const id = next();
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    expect(Number.parseInt(id.slice(0, 8), 16)).toBe(1_767_873_600);
  });

  it('draws a fresh 64-bit random part for every id: a neighbour tells nothing about the next', () => {
    const next = createIdGenerator(() => 0);
    const ids = Array.from({ length: 2000 }, next);
    const randomParts = ids.map((id) => BigInt(`0x${id.slice(8)}`));
    // 16 hex digits (64 bits) after the 4-byte seconds.
    expect(ids.every((id) => id.length === 24 && id.startsWith('00000000'))).toBe(true);
    // Consecutive ids share no fixed part and no counter step: on average half of the 64 bits
    // differ (a fixed random part plus a counter, as before, differs in about 2 bits).
    let differing = 0;
    for (let i = 1; i < randomParts.length; i++) {
      const x = randomParts[i]! ^ randomParts[i - 1]!;
      differing += x.toString(2).replaceAll('0', '').length;
    }
    const mean = differing / (randomParts.length - 1);
    expect(mean).toBeGreaterThan(28);
    expect(mean).toBeLessThan(36);
    // Every one of the 64 bits is set in roughly half of the ids (binomial, 2000 draws: ±6 σ).
    for (let bit = 0n; bit < 64n; bit++) {
      const ones = randomParts.filter((r) => (r >> bit) & 1n).length;
      expect(ones, `bit ${bit}`).toBeGreaterThan(865);
      expect(ones, `bit ${bit}`).toBeLessThan(1135);
    }
  });

  it('two generators started at once do not share a random part', () => {
    const a = createIdGenerator(() => 0)();
    const b = createIdGenerator(() => 0)();
    expect(a.slice(8)).not.toBe(b.slice(8));
  });

  it('follows the clock from one second to the next', () => {
    let now = 1_767_873_600_999;
    const next = createIdGenerator(() => now);
    const first = next();
    now += 1;
    const second = next();
    expect([first.slice(0, 8), second.slice(0, 8)]).toEqual([
      (1_767_873_600).toString(16),
      (1_767_873_601).toString(16),
    ]);
  });

  it('never repeats within 10,000 ids at the same second', () => {
    const next = createIdGenerator(() => 1000);
    expect(new Set(Array.from({ length: 10_000 }, next)).size).toBe(10_000);
  });
});
