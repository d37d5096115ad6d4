import { describe, expect, it } from 'vitest';
import { analysisStatus, expiresAt, timeLeft } from '../../../src/core/expiry';
import type { UtcSeconds } from '../../../src/core/units';

const created = 1767873600 as UtcSeconds; // 2026-01-08T12:00:00Z
const s = (n: number) => n as UtcSeconds;

describe('expiresAt', () => {
  it('counts HOURS from createdAt', () => {
    expect(expiresAt({ type: 'HOURS', hours: 24 }, created)).toBe(1767960000);
    expect(expiresAt({ type: 'HOURS', hours: 8760 }, created)).toBe(1767873600 + 8760 * 3600);
  });
  it('takes a DATE as is and gives null without an expiry', () => {
    expect(expiresAt({ type: 'DATE', date: s(1769904000) }, created)).toBe(1769904000);
    expect(expiresAt(undefined, created)).toBe(null);
  });
});

describe('analysisStatus', () => {
  const at = s(1767960000);
  it('is ACTIVE before expiresAt and EXPIRED from the very second of it', () => {
    expect(analysisStatus(at, s(1767959999))).toBe('ACTIVE');
    expect(analysisStatus(at, s(1767959999.999))).toBe('ACTIVE');
    expect(analysisStatus(at, at)).toBe('EXPIRED');
    expect(analysisStatus(at, s(1767960001))).toBe('EXPIRED');
  });
  it('is always ACTIVE without an expiry', () => {
    expect(analysisStatus(null, s(4102444800))).toBe('ACTIVE');
  });
});

describe('timeLeft', () => {
  it('gives seconds left, 0 once expired, null without an expiry', () => {
    expect(timeLeft(s(1767960000), s(1767956400))).toBe(3600);
    expect(timeLeft(s(1767960000), s(1767960000))).toBe(0);
    expect(timeLeft(s(1767960000), s(1767970000))).toBe(0);
    expect(timeLeft(null, s(1767960000))).toBe(null);
  });
});
