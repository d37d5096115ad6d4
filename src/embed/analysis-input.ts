// The analysis handed in to start from (a Create body or a detail from the API, in wire form),
// validated by the schema. A chunk of its own: an editor given no `analysis` never loads zod.
// (The analysis handed out by getAnalysis() is analysis-snapshot.ts.)
import { z } from '../schema/zod-mini';
import type { EditorDocument } from '../editor/index';
import {
  AnalysisMetadata,
  Drawing,
  drawingFromWire,
  Levels,
  levelsFromWire,
  metadataFromWire,
  StoredDrawing,
  StoredLevels,
  wireIssues,
} from '../schema/index';

/**
 * An analysis in wire form to start from: a Create Analysis body or an AnalysisDetail, typically
 * parsed JSON. Typed loosely because it is validated when mounted (errors name the field).
 */
export interface AnalysisInput {
  readonly metadata: object;
  readonly levels?: object;
  readonly drawings?: readonly object[];
}

const hasId = (v: unknown): boolean => typeof v === 'object' && v !== null && 'id' in v;

const Input = z.object({
  metadata: AnalysisMetadata,
  levels: z.optional(z.unknown()),
  drawings: z.optional(z.array(z.unknown())),
});

function parse<T>(schema: z.ZodMiniType<T>, value: unknown, root: string): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new TypeError(wireIssues(r.error, root)[0]?.message ?? `${root}: invalid`);
}

/** Validates `input` and converts it to an editor document; throws naming the first bad field. */
export function documentFromInput(input: AnalysisInput): EditorDocument {
  const body = parse(Input, input, 'analysis');
  const levels =
    body.levels === undefined
      ? {}
      : Object.values(body.levels as object).some(hasId)
        ? parse(StoredLevels, body.levels, 'analysis.levels')
        : parse(Levels, body.levels, 'analysis.levels');
  const drawings = (body.drawings ?? []).map((d, i) =>
    drawingFromWire(parse(hasId(d) ? StoredDrawing : Drawing, d, `analysis.drawings[${i}]`)),
  );
  return { metadata: metadataFromWire(body.metadata), levels: levelsFromWire(levels), drawings };
}
