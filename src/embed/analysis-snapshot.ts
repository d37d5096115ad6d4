// The analysis handed out by getAnalysis(): an AnalysisDetail-shaped object the read-only view
// can show (a preview without a server), built with core's wire converters (no schema).
import {
  type Analysis,
  type AnalysisMetadata as DomainMetadata,
  analysisStatus,
  analysisType,
  createRequestFromDomain,
  expiresAt,
  isoTime,
  type UtcSeconds,
} from '../core/index';
import type { EditorState } from '../editor/index';
import type { mountAnalysisView } from '../view/index';

/** An analysis as the read-only view shows it (the AnalysisDetail wire shape). */
export type ViewAnalysis = Parameters<typeof mountAnalysisView>[1];

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
