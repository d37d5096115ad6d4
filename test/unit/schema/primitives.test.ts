import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_OBJECT_ID_PATTERN } from '../../../src/core/references';
import {
  ClientObjectId,
  Colour,
  IdempotencyKey,
  InstrumentSymbol,
  ObjectId,
  Sender,
  Time,
  text,
} from '../../../src/schema/primitives';
import { z } from '../../../src/schema/zod-mini';

// Characters on both sides of every rule: the charset, its neighbours, and a non-ASCII letter.
const idString = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', '9', '_', '-', ' ', '.', ':', 'é', '['),
  maxLength: 70,
});

describe('ClientObjectId', () => {
  it('accepts exactly the strings core CLIENT_OBJECT_ID_PATTERN accepts (one rule, two layers)', () => {
    fc.assert(
      fc.property(idString, (s) => {
        expect(ClientObjectId.safeParse(s).success).toBe(CLIENT_OBJECT_ID_PATTERN.test(s));
      }),
      { numRuns: 500 },
    );
  });
  it('reports length and charset as separate issues', () => {
    const messages = (s: string) => ClientObjectId.safeParse(s).error?.issues.map((i) => i.message) ?? [];
    expect([messages(''), messages('x'.repeat(65)), messages('a.b'), messages('x'.repeat(64))]).toEqual([
      ['must not be empty'],
      ['must be at most 64 characters'],
      ['may contain only A–Z a–z 0–9 _ -'],
      [],
    ]);
  });
});

// Each primitive's rule from spec §1.4, with the message that names it; anchored patterns
// (nothing before or after the value) checked from both ends.
const issuesOf = (
  schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } },
  value: unknown,
) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe('the other primitives of spec §1.4', () => {
  it('ObjectId: 24 lower-case hex characters', () => {
    expect(issuesOf(ObjectId, '65a1b2c3d4e5f60718293a4b')).toEqual([]);
    for (const bad of ['65A1B2C3D4E5F60718293A4B', '65a1b2c3d4e5f60718293a4', 'x65a1b2c3d4e5f60718293a4b']) {
      expect(issuesOf(ObjectId, bad), bad).toEqual(['expected 24 lower-case hex characters']);
    }
  });

  it('Time: ISO-8601 UTC, years 1970–2100, a real date; the message says so', () => {
    expect(issuesOf(Time, '2026-01-08T12:00:00Z')).toEqual([]);
    for (const bad of ['2026-02-30T12:00:00Z', '1969-12-31T23:59:59Z', '2026-01-08 12:00:00']) {
      const [message] = issuesOf(Time, bad);
      expect(message, bad).toContain('2026-01-08T12:00:00Z');
      expect(message, bad).toContain('1970–2100');
    }
    expect(Time.safeParse('2026-02-30T12:00:00Z').error?.issues[0]).toMatchObject({
      code: 'invalid_format',
      format: 'datetime',
    });
    expect(z.globalRegistry.get(Time)).toMatchObject({
      format: 'date-time',
      examples: ['2026-01-08T12:00:00Z'],
    });
  });

  it('Colour: #RRGGBB or #RRGGBBAA, either case, nothing around it', () => {
    for (const ok of ['#2962FF', '#2962ff', '#2962FF80']) expect(issuesOf(Colour, ok), ok).toEqual([]);
    for (const bad of ['x#2962FF', '#2962FF0', '#2962FFx', '2962FF', '#2962F']) {
      expect(issuesOf(Colour, bad), bad).toEqual(['expected a colour #RRGGBB or #RRGGBBAA']);
    }
  });

  it('symbol: 1–32 characters of A–Z a–z 0–9 / . _ : -', () => {
    expect(issuesOf(InstrumentSymbol, 'BINANCE:BTC/USDT')).toEqual([]);
    expect(issuesOf(InstrumentSymbol, '')).toEqual(['must not be empty']);
    expect(issuesOf(InstrumentSymbol, 'A'.repeat(33))).toEqual(['must be at most 32 characters']);
    expect(issuesOf(InstrumentSymbol, 'EUR USD')).toEqual(['may contain only A–Z a–z 0–9 / . _ : -']);
  });

  it('sender: an e-mail address of at most 254 characters, nothing around it', () => {
    expect(issuesOf(Sender, 'trader@example.com')).toEqual([]);
    for (const bad of [' trader@example.com', 'trader@example.com ', 'trader@example', '<b>@example.com']) {
      expect(issuesOf(Sender, bad), bad).toEqual(['expected an e-mail address']);
    }
    const long = `${'a'.repeat(243)}@example.com`;
    expect(long).toHaveLength(255);
    expect(issuesOf(Sender, long)).toEqual(['must be at most 254 characters']);
    expect(issuesOf(Sender, long.slice(1))).toEqual([]);
  });

  it('idempotencyKey: 1–255 printable ASCII characters', () => {
    expect(issuesOf(IdempotencyKey, 'k-1 ~!')).toEqual([]);
    expect(issuesOf(IdempotencyKey, '')).toEqual(['must not be empty']);
    expect(issuesOf(IdempotencyKey, 'k'.repeat(256))).toEqual(['must be at most 255 characters']);
    expect(issuesOf(IdempotencyKey, 'clé')).toEqual(['may contain only printable ASCII characters']);
  });

  it('texts: at most max characters, at least min when min > 0, singular for one', () => {
    expect(issuesOf(text(3), '')).toEqual([]);
    expect(issuesOf(text(3), 'abcd')).toEqual(['must be at most 3 characters']);
    expect(issuesOf(text(3, 1), '')).toEqual(['must be at least 1 character']);
    expect(issuesOf(text(3, 2), 'a')).toEqual(['must be at least 2 characters']);
    expect(issuesOf(text(3, 2), 'ab')).toEqual([]);
  });
});
