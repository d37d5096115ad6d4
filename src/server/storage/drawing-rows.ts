// Drawings as rows of their own (table analysis_drawings): the analyses row keeps the document
// without its drawings (the "head"), each drawing is one row with its position and its JSON text.
// A read joins the texts back in position order; a write splits the document. Driver-free: both
// adapters, their data migrations and copy-to-postgres use these.
import { jsonTexts } from './json-text';
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

/** The drawings' rows from position `from` on, each text serialised once (or recorded by withItemTexts). */
export function drawingRows(drawings: AnalysisDocument['drawings'], from = 0): DrawingRow[] {
  const texts = jsonTexts(drawings);
  return drawings.map((d, i) => ({ position: from + i, clientObjectId: d.clientObjectId, json: texts[i]! }));
}

/** The whole document's JSON text: the head with the drawings' texts (in position order) as `drawings`. */
export function joinDocument(head: string, drawingTexts: readonly string[]): string {
  const drawings = `"drawings":[${drawingTexts.join(',')}]`;
  // The head is a JSON object's text ending in `}`; `{}` has no member to put a comma after.
  return head === '{}' ? `{${drawings}}` : `${head.slice(0, -1)},${drawings}}`;
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
