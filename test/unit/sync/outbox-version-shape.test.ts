// Every field rule of a stored outbox record (the OutboxRecord shape in outbox-types.ts): a record
// breaking one is refused with exactly that field and rule; a record keeping all of them is read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeOutboxRecord } from '../../../src/sync/outbox-version';

/** Today's form of the stored analysis fixture: a base, three entries, a frozen PATCH (If-Match 2). */
const valid = (): Record<string, unknown> =>
  JSON.parse(
    JSON.stringify(
      decodeOutboxRecord(
        JSON.parse(readFileSync('test/fixtures/outbox/unversioned-analysis.json', 'utf8')).record,
      ),
    ),
  );
const doc = { metadata: {}, levels: {}, drawings: [] };
const touched = { drawings: [], levels: [], metadata: [] };
const flight = (patch: Record<string, unknown>) => ({ ...(valid().inFlight as object), ...patch });

describe('decodeOutboxRecord field rules', () => {
  it('the baseline record is valid: a patch in flight, a base, entries, and known drawing ids', () => {
    const record: Record<string, unknown> = { ...valid(), known: ['d1', 'd2'] };
    expect(decodeOutboxRecord(record)).toEqual(record);
    expect((record.inFlight as { op: string }).op).toBe('patch');
  });

  it.each([null, [], 'record', 3])('refuses %j as a record, naming it “outbox record” by default', (raw) => {
    expect(() => decodeOutboxRecord(raw)).toThrow('outbox record: record: must be an object');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['analysisId a number', { analysisId: 5 }, 'analysisId: must be a string or null'],
    ['base a number', { base: 3 }, 'base: must be null or { version: integer, doc: document }'],
    ['base an array', { base: [] }, 'base: must be null or { version: integer, doc: document }'],
    [
      'base without integer version',
      { base: { version: 'x', doc } },
      'base: must be null or { version: integer, doc: document }',
    ],
    [
      'base with a fractional version',
      { base: { version: 1.5, doc } },
      'base: must be null or { version: integer, doc: document }',
    ],
    [
      'base without a document',
      { base: { version: 1, doc: null } },
      'base: must be null or { version: integer, doc: document }',
    ],
    [
      'a touched that is null',
      { entries: [{ seq: 1, touched: null }] },
      'entries[0].touched: must hold drawings, levels and metadata arrays',
    ],
    [
      'a touched that is an array',
      { entries: [{ seq: 1, touched: [] }] },
      'entries[0].touched: must hold drawings, levels and metadata arrays',
    ],
    [
      'a touched without drawings',
      { entries: [{ seq: 1, touched: { ...touched, drawings: 'x' } }] },
      'entries[0].touched: must hold drawings, levels and metadata arrays',
    ],
    [
      'a touched without levels',
      { entries: [{ seq: 1, touched: { ...touched, levels: {} } }] },
      'entries[0].touched: must hold drawings, levels and metadata arrays',
    ],
    [
      'a later touched without metadata',
      {
        entries: [
          { seq: 1, touched },
          { seq: 2, touched: { ...touched, metadata: null } },
        ],
      },
      'entries[1].touched: must hold drawings, levels and metadata arrays',
    ],
    ['desired a number', { desired: 5 }, 'desired: must be null or a document'],
    ['desired null', { desired: null, inFlight: 'x' }, 'inFlight: must be null or a frozen request'],
    ['desired an array', { desired: [] }, 'desired: must be null or a document'],
    [
      'desired with null metadata',
      { desired: { ...doc, metadata: null } },
      'desired: must be null or a document',
    ],
    [
      'desired with an array as metadata',
      { desired: { ...doc, metadata: [] } },
      'desired: must be null or a document',
    ],
    [
      'desired with levels as an array',
      { desired: { ...doc, levels: [] } },
      'desired: must be null or a document',
    ],
    [
      'desired without drawings',
      { desired: { metadata: {}, levels: {} } },
      'desired: must be null or a document',
    ],
    ['inFlight a string', { inFlight: 'x' }, 'inFlight: must be null or a frozen request'],
    ['inFlight without a body', { inFlight: flight({ body: null }) }, 'inFlight.body: must be an object'],
    [
      'inFlight with a fractional upTo',
      { inFlight: flight({ upTo: 2.5 }) },
      'inFlight.upTo: must be an integer',
    ],
    [
      'inFlight without a document',
      { inFlight: flight({ doc: { metadata: {} } }) },
      'inFlight.doc: must be a document',
    ],
    [
      'a PATCH without If-Match',
      { inFlight: flight({ ifMatch: undefined }) },
      'inFlight.ifMatch: must be an integer',
    ],
    ['sent not an array', { sent: 'x' }, 'sent: must be an array'],
    ['known holding a number', { known: ['d1', 7] }, 'known: must be an array of drawing ids'],
    ['a negative schemaVersion', { schemaVersion: -1 }, 'schemaVersion: must be an integer ≥ 0 when present'],
    [
      'a fractional schemaVersion',
      { schemaVersion: 1.5 },
      'schemaVersion: must be an integer ≥ 0 when present',
    ],
  ])('refuses %s, naming the field and the rule', (_what, patch, message) => {
    expect(() => decodeOutboxRecord({ ...valid(), ...patch }, 'outbox analysis:a1')).toThrow(
      `outbox analysis:a1: ${message}`,
    );
  });

  it('a create or append in flight needs no If-Match; null base, desired and analysisId are allowed', () => {
    const { ifMatch: _ifMatch, ...create } = flight({ op: 'create' }) as Record<string, unknown>;
    const draft = { ...valid(), analysisId: null, base: null, desired: null, inFlight: create };
    expect(decodeOutboxRecord(draft)).toEqual(draft);
    const append = { ...valid(), inFlight: { ...create, op: 'append' } };
    expect(decodeOutboxRecord(append)).toEqual(append);
  });
});
