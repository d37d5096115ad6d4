// Append Drawings (spec §2.6): new drawings after the existing ones, ids never reused. Decided on
// the analysis without its drawings: the count comes from the row's counter and the clash check
// from a lookup of the new clientObjectIds, so an append costs the same at any analysis size.
import { LEVEL_NAMES } from '../../core/analysis';
import type { StoredDrawing } from '../../schema/drawings/drawing';
import { MAX_DRAWINGS } from '../../schema/limits';
import type { AppendDrawingsRequest } from '../../schema/requests';
import type { AnalysisHead } from '../storage/storage';
import { ApiError, duplicateIdError } from '../api-error';
import { storeDrawing, type WireDocument } from './document';

/** The drawings to store after the existing ones; throws 409 or 400 and appends nothing on a violation. */
export function applyAppend(
  head: AnalysisHead,
  /** Which of the body's clientObjectIds a stored drawing already has. */
  takenByDrawings: ReadonlySet<string>,
  body: AppendDrawingsRequest,
  newId: () => string,
): { stored: StoredDrawing[]; added: { id: string; clientObjectId: string }[] } {
  const levels = head.document.levels as WireDocument['levels'];
  const used = new Set(takenByDrawings);
  for (const name of LEVEL_NAMES) {
    const level = levels[name];
    if (level) used.add(level.clientObjectId);
  }
  body.drawings.forEach((d, i) => {
    if (used.has(d.clientObjectId)) {
      throw duplicateIdError(['drawings', i, 'clientObjectId'], d.clientObjectId);
    }
  });
  const total = head.drawingCount + body.drawings.length;
  if (total > MAX_DRAWINGS) {
    throw new ApiError(
      'too_many_drawings',
      `An analysis holds at most ${MAX_DRAWINGS} drawings; it has ${head.drawingCount} and the request adds ${body.drawings.length}`,
    );
  }
  const stored = body.drawings.map((d) => storeDrawing(d, newId()));
  return { stored, added: stored.map((d) => ({ id: d.id, clientObjectId: d.clientObjectId })) };
}
