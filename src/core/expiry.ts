// Expiry rules (spec §3.5). The clock is always an argument, never read here.
import type { AnalysisStatus, Expiry } from './analysis';
import type { UtcSeconds } from './units';

/** When the analysis expires: HOURS counts from createdAt (also after later edits); null = never. */
export function expiresAt(expiry: Expiry | undefined, createdAt: UtcSeconds): UtcSeconds | null {
  if (!expiry) return null;
  switch (expiry.type) {
    case 'HOURS':
      return (createdAt + expiry.hours * 3600) as UtcSeconds;
    case 'DATE':
      return expiry.date;
  }
}

/** EXPIRED once now ≥ expiresAt, else ACTIVE (also when there is no expiry). */
export function analysisStatus(expiresAtTime: UtcSeconds | null, now: UtcSeconds): AnalysisStatus {
  return expiresAtTime !== null && now >= expiresAtTime ? 'EXPIRED' : 'ACTIVE';
}

/** Seconds until expiry, 0 once expired, null when the analysis never expires. */
export function timeLeft(expiresAtTime: UtcSeconds | null, now: UtcSeconds): number | null {
  return expiresAtTime === null ? null : Math.max(0, expiresAtTime - now);
}
