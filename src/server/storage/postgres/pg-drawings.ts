// Statements on the drawing runs and their clientObjectIds (drawing-runs.ts) for the PostgreSQL adapter.
import type { DrawingRun } from '../drawing-runs';
import type { PgSession } from './pg-client';

// One round trip: the run, and its clientObjectIds expanded from one JSON array parameter.
const INSERT_RUN =
  'WITH run AS (INSERT INTO analysis_drawing_runs (analysis_id, position, json) VALUES ($1, $2, $3)) ' +
  'INSERT INTO analysis_client_object_ids (analysis_id, client_object_id) ' +
  'SELECT $1, json_array_elements_text($4::json)';

/** Stores one run of drawings and their clientObjectIds; nothing when `run` is null (no drawings). */
export async function insertDrawingRun(
  s: PgSession,
  analysisId: string,
  run: DrawingRun | null,
): Promise<void> {
  if (run) await s.query(INSERT_RUN, [analysisId, run.position, run.json, run.clientObjectIds]);
}

/** Removes every run and clientObjectId of the analysis. */
export async function removeDrawingRuns(s: PgSession, analysisId: string): Promise<void> {
  await s.query(
    'WITH runs AS (DELETE FROM analysis_drawing_runs WHERE analysis_id = $1) ' +
      'DELETE FROM analysis_client_object_ids WHERE analysis_id = $1',
    [analysisId],
  );
}

/** The analysis' drawing runs' JSON arrays in position order. */
export async function runTexts(s: PgSession, analysisId: string): Promise<string[]> {
  const r = await s.query('SELECT json FROM analysis_drawing_runs WHERE analysis_id = $1 ORDER BY position', [
    analysisId,
  ]);
  return r.rows.map((row) => String(row.json));
}

/** Which of `clientObjectIds` a drawing of the analysis has (answered by the key of analysis_client_object_ids). */
export async function takenClientObjectIds(
  s: PgSession,
  analysisId: string,
  clientObjectIds: readonly string[],
): Promise<Set<string>> {
  const r = await s.query(
    'SELECT client_object_id FROM analysis_client_object_ids WHERE analysis_id = $1 ' +
      'AND client_object_id IN (SELECT json_array_elements_text($2::json))',
    [analysisId, JSON.stringify(clientObjectIds)],
  );
  return new Set(r.rows.map((row) => String(row.client_object_id)));
}
