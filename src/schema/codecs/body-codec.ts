// Whole bodies ↔ core analyses. Absent levels and drawings become `{}` and `[]` in the domain
// and are written back explicitly, so wire → domain → wire only makes defaults explicit.
import { type Analysis, type AnalysisStatus, type AnalysisType, LEVEL_NAMES } from '../../core/analysis';
import type { UtcSeconds } from '../../core/units';
import type { Drawing, StoredDrawing } from '../drawings/drawing';
import type { Levels, StoredLevels } from '../levels';
import type { CreateAnalysisRequest } from '../requests';
import type { AnalysisDetail, Link } from '../responses';
import { formatTime } from '../time';
import {
  levelsFromWire,
  levelsToWire,
  levelToWire,
  metadataFromWire,
  metadataToWire,
} from './analysis-codec';
import { drawingFromWire, drawingToWire, timeFromWire } from './drawing-codec';

/** A validated Create Analysis body → an unsaved domain analysis (the idempotencyKey stays on the wire). */
export function createRequestToDomain(body: CreateAnalysisRequest): Analysis {
  return {
    sender: body.sender,
    metadata: metadataFromWire(body.metadata),
    levels: levelsFromWire(body.levels),
    drawings: (body.drawings ?? []).map(drawingFromWire),
  };
}

/** A domain analysis → a Create Analysis body; persisted ids are left out (the server assigns them). */
export function createRequestFromDomain(analysis: Analysis, idempotencyKey?: string): CreateAnalysisRequest {
  const levels: Levels = {};
  for (const name of LEVEL_NAMES) {
    const level = analysis.levels[name];
    if (level) levels[name] = levelToWire({ ...level, persistedId: undefined });
  }
  const body: CreateAnalysisRequest = {
    sender: analysis.sender,
    metadata: metadataToWire(analysis.metadata),
    levels,
    drawings: analysis.drawings.map((d) => drawingToWire({ ...d, persistedId: undefined }) as Drawing),
  };
  if (idempotencyKey !== undefined) body.idempotencyKey = idempotencyKey;
  return body;
}

/** A stored analysis from the server → domain analysis (derived fields are recomputed, not kept). */
export function analysisFromWire(detail: AnalysisDetail): Analysis {
  return {
    id: detail.id,
    communityId: detail.communityId,
    channelId: detail.channelId,
    sender: detail.sender,
    metadata: metadataFromWire(detail.metadata),
    levels: levelsFromWire(detail.levels),
    drawings: detail.drawings.map(drawingFromWire),
    createdAt: timeFromWire(detail.createdAt),
    updatedAt: timeFromWire(detail.updatedAt),
    version: detail.version,
  };
}

/** What the server derives for a detail: type, status, links and the expiry instant. */
export interface DerivedFields {
  readonly analysisType: AnalysisType;
  readonly status: AnalysisStatus;
  readonly links: readonly Link[];
  readonly expiresAt: UtcSeconds | null;
}

function required<T>(value: T | undefined, field: string): T {
  if (value === undefined)
    throw new Error(`analysisToDetail: analysis.${field} is required for a saved analysis`);
  return value;
}

/**
 * A saved domain analysis plus its derived fields → AnalysisDetail. Every drawing and level must
 * carry a persistedId; throws naming the field otherwise.
 */
export function analysisToDetail(analysis: Analysis, derived: DerivedFields): AnalysisDetail {
  const drawings = analysis.drawings.map((d, i) => {
    required(d.persistedId, `drawings[${i}].persistedId`);
    return drawingToWire(d) as StoredDrawing;
  });
  for (const [name, level] of Object.entries(analysis.levels))
    required(level?.persistedId, `levels.${name}.persistedId`);
  return {
    id: required(analysis.id, 'id'),
    communityId: required(analysis.communityId, 'communityId'),
    channelId: required(analysis.channelId, 'channelId'),
    sender: analysis.sender,
    analysisType: derived.analysisType,
    status: derived.status,
    metadata: metadataToWire(analysis.metadata),
    levels: levelsToWire(analysis.levels) as StoredLevels,
    drawings,
    links: [...derived.links],
    expiresAt: derived.expiresAt === null ? null : formatTime(derived.expiresAt),
    createdAt: formatTime(required(analysis.createdAt, 'createdAt')),
    updatedAt: formatTime(required(analysis.updatedAt, 'updatedAt')),
    version: required(analysis.version, 'version'),
  };
}
