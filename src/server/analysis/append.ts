// Append Drawings (spec §2.6): new drawings after the existing ones, ids never reused.
import { LEVEL_NAMES } from '../../core/analysis';
import { MAX_DRAWINGS } from '../../schema/limits';
import type { AppendDrawingsRequest } from '../../schema/requests';
import { ApiError, duplicateIdError } from '../api-error';
import { storeDrawing, type WireDocument } from './document';

/** The document with the drawings appended; throws 409 or 400 and appends nothing on a violation. */
export function applyAppend(
  current: WireDocument,
  body: AppendDrawingsRequest,
  newId: () => string,
): { doc: WireDocument; added: { id: string; clientObjectId: string }[] } {
  const used = new Set(current.drawings.map((d) => d.clientObjectId));
  for (const name of LEVEL_NAMES) {
    const level = current.levels[name];
    if (level) used.add(level.clientObjectId);
  }
  body.drawings.forEach((d, i) => {
    if (used.has(d.clientObjectId)) {
      throw duplicateIdError(['drawings', i, 'clientObjectId'], d.clientObjectId);
    }
  });
  const total = current.drawings.length + body.drawings.length;
  if (total > MAX_DRAWINGS) {
    throw new ApiError(
      'too_many_drawings',
      `An analysis holds at most ${MAX_DRAWINGS} drawings; it has ${current.drawings.length} and the request adds ${body.drawings.length}`,
    );
  }
  const stored = body.drawings.map((d) => storeDrawing(d, newId()));
  return {
    doc: { ...current, drawings: [...current.drawings, ...stored] },
    added: stored.map((d) => ({ id: d.id, clientObjectId: d.clientObjectId })),
  };
}
