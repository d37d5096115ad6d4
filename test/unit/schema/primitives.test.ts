import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_OBJECT_ID_PATTERN } from '../../../src/core/references';
import { ClientObjectId } from '../../../src/schema/primitives';

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
