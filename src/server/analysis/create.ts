// Builds the stored document of a new analysis from a validated CreateAnalysisRequest.
import { LEVEL_NAMES } from '../../core/analysis';
import type { StoredLevels } from '../../schema/levels';
import type { CreateAnalysisRequest } from '../../schema/requests';
import { isoTime } from '../../core/wire/time';
import { ApiError, issue } from '../api-error';
import { storeDrawing, storeExpiry, storeLevel, type WireDocument } from './document';

/** Throws validation_failed unless a DATE expiry lies after `createdAtMs` (spec §3.5). */
export function checkExpiryDate(expiry: WireDocument['metadata']['expiry'], createdAtMs: number): void {
  if (expiry?.type !== 'DATE') return;
  const at = Date.parse(expiry.date);
  if (at > createdAtMs) return;
  throw new ApiError('validation_failed', undefined, {
    errors: [
      issue(
        ['metadata', 'expiry', 'date'],
        'too_small',
        `must be later than the creation time (${isoTime(createdAtMs / 1000)})`,
      ),
    ],
  });
}

/** The new document: ids assigned, times normalised. */
export function createDocument(body: CreateAnalysisRequest, newId: () => string): WireDocument {
  const { idempotencyKey: _key, levels, drawings, metadata, sender } = body;
  const storedLevels: { -readonly [K in keyof StoredLevels]: StoredLevels[K] } = {};
  for (const name of LEVEL_NAMES) {
    const level = levels?.[name];
    if (level) storedLevels[name] = storeLevel(level, newId());
  }
  return {
    sender,
    metadata: metadata.expiry ? { ...metadata, expiry: storeExpiry(metadata.expiry) } : metadata,
    levels: storedLevels,
    drawings: (drawings ?? []).map((d) => storeDrawing(d, newId())),
  };
}
