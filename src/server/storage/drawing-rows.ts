// The analyses row keeps the document without its drawings (the "head"). Schema version 2 stored
// each drawing as one row of analysis_drawings (position, clientObjectId, JSON text); version 3
// groups them into runs (drawing-runs.ts). What is here splits a whole document: migration 2 of
// both adapters, and copy-to-postgres reading a file that was never migrated. Driver-free.
import type { AnalysisDocument } from './storage';

/** One drawing as stored: its place in the analysis, its clientObjectId (unique per analysis) and its JSON. */
export interface DrawingRow {
  readonly position: number;
  readonly clientObjectId: string;
  readonly json: string;
}

/** The document's JSON text without its drawings (what the analyses row's document column holds). */
export function headText(doc: AnalysisDocument): string {
  const { drawings: _, ...head } = doc;
  return JSON.stringify(head);
}

/**
 * A stored document's text (the schema before drawings had rows) split into its head and its
 * drawing rows. Each drawing's text is JSON.stringify of its parse, which is the text it was
 * written with (the document was written by JSON.stringify), so a detail built from the rows is
 * the same bytes as one built from the document. Throws naming the analysis when the text is not
 * a document.
 */
export function splitDocument(analysisId: string, text: string): { head: string; rows: DrawingRow[] } {
  let doc: AnalysisDocument;
  try {
    doc = JSON.parse(text) as AnalysisDocument;
  } catch (e) {
    throw new Error(`analyses.document of ${analysisId}: not JSON (${(e as Error).message})`);
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc.drawings)) {
    throw new Error(`analyses.document of ${analysisId}: must be an object with a drawings array`);
  }
  const rows = doc.drawings.map((d, position) => {
    if (typeof d?.clientObjectId !== 'string')
      throw new Error(
        `analyses.document of ${analysisId}: drawings[${position}].clientObjectId must be a string`,
      );
    return { position, clientObjectId: d.clientObjectId, json: JSON.stringify(d) };
  });
  return { head: headText(doc), rows };
}
