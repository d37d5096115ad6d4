// The analysis handed in to start from (a Create body or a detail from the API, in wire form)
// and the analysis handed out by getAnalysis() (an AnalysisDetail-shaped object the read-only
// view can show: a preview without a server).
import { z } from '../schema/zod-mini';
import {
  type Analysis,
  type AnalysisMetadata as DomainMetadata,
  analysisStatus,
  analysisType,
  expiresAt,
  isoTime,
  type UtcSeconds,
} from '../core/index';
import type { EditorDocument, EditorState } from '../editor/index';
import {
  AnalysisMetadata,
  createRequestFromDomain,
  Drawing,
  drawingFromWire,
  Levels,
  levelsFromWire,
  metadataFromWire,
  StoredDrawing,
  StoredLevels,
  wireIssues,
} from '../schema/index';
import type { mountAnalysisView } from '../view/index';

/**
 * An analysis in wire form to start from: a Create Analysis body or an AnalysisDetail, typically
 * parsed JSON. Typed loosely because it is validated when mounted (errors name the field).
 */
export interface AnalysisInput {
  readonly metadata: object;
  readonly levels?: object;
  readonly drawings?: readonly object[];
}

/** An analysis as the read-only view shows it (the AnalysisDetail wire shape). */
export type ViewAnalysis = Parameters<typeof mountAnalysisView>[1];

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

/** Where a snapshot of the editor sits: which analysis, whose, since when, at which version. */
export interface SnapshotContext {
  readonly id: string | null;
  readonly communityId: string;
  readonly channelId: string;
  readonly sender: string;
  readonly createdAt: UtcSeconds;
  readonly version: number;
  readonly now: UtcSeconds;
}

/** The editor's analysis as an AnalysisDetail-shaped object (request-form drawings and levels). */
export function snapshotOf(state: EditorState, ctx: SnapshotContext): ViewAnalysis {
  const analysis: Analysis = {
    sender: ctx.sender,
    metadata: state.metadata as DomainMetadata,
    levels: state.levels,
    drawings: state.drawings,
  };
  const body = createRequestFromDomain(analysis);
  const expiry = expiresAt(state.metadata.expiry, ctx.createdAt);
  return {
    id: ctx.id ?? 'draft',
    communityId: ctx.communityId,
    channelId: ctx.channelId,
    sender: ctx.sender,
    analysisType: analysisType(state.metadata.direction, state.metadata.entryPlacement),
    status: analysisStatus(expiry, ctx.now),
    metadata: body.metadata,
    levels: body.levels,
    drawings: body.drawings,
    links: [],
    expiresAt: expiry === null ? null : isoTime(expiry),
    createdAt: isoTime(ctx.createdAt),
    updatedAt: isoTime(ctx.now),
    version: ctx.version,
  };
}
