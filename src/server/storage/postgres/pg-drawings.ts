// Statements on analysis_drawings that the PostgreSQL adapter and its migration share.
import type { DrawingRow } from '../drawing-rows';
import type { PgSession } from './pg-client';

/** Rows per INSERT: 4 parameters each, far below PostgreSQL's 65,535 even at MAX_DRAWINGS. */
const BATCH = 1000;

/** Inserts the rows with one multi-row INSERT per batch (one round trip for a whole create). */
export async function insertDrawingRows(
  s: PgSession,
  analysisId: string,
  rows: readonly DrawingRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const params: unknown[] = [analysisId];
    const tuples = batch.map((r) => {
      params.push(r.position, r.clientObjectId, r.json);
      const n = params.length;
      return `($1, $${n - 2}, $${n - 1}, $${n})`;
    });
    await s.query(
      `INSERT INTO analysis_drawings (analysis_id, position, client_object_id, json) VALUES ${tuples.join(', ')}`,
      params,
    );
  }
}

/** The analysis' drawings' JSON texts in position order. */
export async function drawingTexts(s: PgSession, analysisId: string): Promise<string[]> {
  const r = await s.query('SELECT json FROM analysis_drawings WHERE analysis_id = $1 ORDER BY position', [
    analysisId,
  ]);
  return r.rows.map((row) => String(row.json));
}

/** Which of `clientObjectIds` a drawing of the analysis has (answered by the unique index). */
export async function takenClientObjectIds(
  s: PgSession,
  analysisId: string,
  clientObjectIds: readonly string[],
): Promise<Set<string>> {
  const r = await s.query(
    'SELECT client_object_id FROM analysis_drawings WHERE analysis_id = $1 ' +
      'AND client_object_id IN (SELECT json_array_elements_text($2::json))',
    [analysisId, JSON.stringify(clientObjectIds)],
  );
  return new Set(r.rows.map((row) => String(row.client_object_id)));
}
