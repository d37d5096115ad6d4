// Drawings as runs (schema version 3): each write that adds drawings stores them as ONE row of
// analysis_drawing_runs — the JSON array of the drawings it wrote, keyed by the position of its
// first drawing — and their clientObjectIds as rows of analysis_client_object_ids, whose key
// (analysis, client_object_id) keeps them unique per analysis and answers an append's clash
// check without reading a drawing. A create with 100 drawings writes one run, not 100 rows; an
// append writes a run of its own, so its cost does not grow with the analysis. A read joins the
// runs in position order. Driver-free: both adapters, their migrations and copy-to-postgres use it.
import { jsonText } from './json-text';
import type { AnalysisDocument } from './storage';

/** The drawings one write adds, as stored: the first one's position, their JSON array, their clientObjectIds as a JSON array. */
export interface DrawingRun {
  readonly position: number;
  /** `JSON.stringify(drawings)` (or the text recorded for the array by withJsonText). */
  readonly json: string;
  /** `JSON.stringify` of the drawings' clientObjectIds, for the adapters' json_each insert. */
  readonly clientObjectIds: string;
}

/** The run of `drawings` written from position `from` on; null when there are none (no row is stored). */
export function drawingRun(drawings: AnalysisDocument['drawings'], from = 0): DrawingRun | null {
  if (drawings.length === 0) return null;
  return {
    position: from,
    json: jsonText(drawings),
    clientObjectIds: JSON.stringify(drawings.map((d) => d.clientObjectId)),
  };
}

/**
 * The whole document's JSON text: the head (the document without drawings, a JSON object's text)
 * with the runs' drawings (in position order) as `drawings`. Each run's text is a JSON array.
 */
export function joinRuns(head: string, runs: readonly string[]): string {
  let items = '';
  for (const run of runs) {
    // "[]" is never stored, but an empty run adds nothing rather than a stray comma.
    if (run.length <= 2) continue;
    items += items === '' ? run.slice(1, -1) : `,${run.slice(1, -1)}`;
  }
  const drawings = `"drawings":[${items}]`;
  // `{}` has no member to put a comma after.
  return head === '{}' ? `{${drawings}}` : `${head.slice(0, -1)},${drawings}}`;
}
