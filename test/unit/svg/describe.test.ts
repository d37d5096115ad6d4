import { describe, expect, it } from 'vitest';
import sample from '../../../demo/channel-sample.json';
import { describeAnalysis, spokenDuration, spokenPrice } from '../../../src/svg/describe';
import type { AnalysisDetailWire } from '../../../src/svg/wire-detail';

const detail = sample as AnalysisDetailWire;
const at = (iso: string) => Date.parse(iso) / 1000;

describe('describeAnalysis', () => {
  it('summarises the documented example five hours before it expires', () => {
    expect(describeAnalysis(detail, { now: at('2026-01-09T10:00:00Z') })).toBe(
      'Bullish bounce on GBP/USD H1: support 1.3410, pivot 1.3450, resistance 1.3500; 3 drawings; expires in 5 hours',
    );
  });

  it('says how long ago it expired', () => {
    expect(describeAnalysis(detail, { now: at('2026-01-09T17:00:00Z') })).toBe(
      'Bullish bounce on GBP/USD H1: support 1.3410, pivot 1.3450, resistance 1.3500; 3 drawings; expired 2 hours ago',
    );
  });

  it('counts expiry at exactly expiresAt as expired', () => {
    expect(describeAnalysis(detail, { now: at('2026-01-09T15:00:00Z') })).toMatch(/; expired just now$/);
    expect(describeAnalysis(detail, { now: at('2026-01-09T14:59:30Z') })).toMatch(
      /; expires in under a minute$/,
    );
  });

  it('handles no expiry, no levels, one drawing and a bearish breakout', () => {
    const d: AnalysisDetailWire = {
      ...detail,
      analysisType: 'bearish_breakout',
      // No expiry in the metadata: expiresAt is computed from it (spec §3.5).
      metadata: { ...detail.metadata, expiry: undefined },
      expiresAt: null,
      levels: {},
      drawings: detail.drawings!.slice(0, 1),
    };
    expect(describeAnalysis(d, { now: 0 })).toBe(
      'Bearish breakout on GBP/USD H1: no levels; 1 drawing; no expiry',
    );
  });

  it('states an absolute expiry when no clock is given', () => {
    expect(describeAnalysis(detail, {})).toMatch(/; expires 2026-01-09 15:00 UTC$/);
  });

  it('keeps the symbol free of control and bidi characters', () => {
    const d = { ...detail, metadata: { ...detail.metadata, symbol: 'GBP\u202E/USD\u0000' } };
    expect(describeAnalysis(d, { now: 0 })).toMatch(/^Bullish bounce on GBP\/USD H1:/);
  });
});

describe('spoken units', () => {
  it('prints prices with at least 4 decimals below 10 and all decimals they carry', () => {
    expect([spokenPrice(1.341), spokenPrice(1.34125), spokenPrice(-0.5), spokenPrice(1234.5)]).toEqual([
      '1.3410',
      '1.34125',
      '-0.5000',
      '1234.50',
    ]);
  });

  it('picks minutes under an hour, hours under two days, then days', () => {
    expect([spokenDuration(59), spokenDuration(60), spokenDuration(3599), spokenDuration(3600)]).toEqual([
      '1 minute',
      '1 minute',
      '60 minutes',
      '1 hour',
    ]);
    expect([spokenDuration(47 * 3600), spokenDuration(48 * 3600), spokenDuration(10 * 86400)]).toEqual([
      '47 hours',
      '2 days',
      '10 days',
    ]);
  });
});
