// AnalysisDetail and AnalysisSummary (spec §3.10), derived at read time with `now`.
import { analysisType } from '../../core/analysis-type';
import { analysisStatus } from '../../core/expiry';
import type { UtcSeconds } from '../../core/units';
import type { AnalysisDetail, AnalysisSummary } from '../../schema/responses';
import { isoTime } from '../../core/wire/time';
import { stringifyWith, withJsonText } from '../storage/json-text';
import type { AnalysisListRow, AnalysisRow } from '../storage/storage';
import { documentOf } from './document';
import { deriveLinks } from './links';

const iso = (ms: number): string => isoTime(ms / 1000);

const seconds = (ms: number): UtcSeconds => (ms / 1000) as UtcSeconds;

/** ACTIVE until now ≥ expiresAt. */
function status(row: AnalysisListRow, now: number): AnalysisDetail['status'] {
  return analysisStatus(row.expiresAt === null ? null : seconds(row.expiresAt), seconds(now));
}

/** The whole analysis as the API returns it. */
export function toDetail(row: AnalysisRow, now: number): AnalysisDetail {
  const doc = documentOf(row);
  return {
    id: row.id,
    communityId: row.communityId,
    channelId: row.channelId,
    sender: doc.sender,
    analysisType: analysisType(doc.metadata.direction, doc.metadata.entryPlacement),
    status: status(row, now),
    metadata: doc.metadata,
    levels: doc.levels,
    drawings: [...doc.drawings],
    links: deriveLinks(doc).links,
    expiresAt: row.expiresAt === null ? null : iso(row.expiresAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}

/**
 * The detail of a row about to be written, with its JSON text. The drawings (most of the bytes)
 * are serialised once, in one call, and the text recorded with the row's drawings array, so the
 * storage writes their run (drawing-runs.ts) without serialising them again.
 */
export function toDetailJson(row: AnalysisRow, now: number): { detail: AnalysisDetail; text: string } {
  const detail = toDetail(row, now);
  // detail.drawings holds the same drawings as the row's array, so their texts are equal.
  const drawings = JSON.stringify(detail.drawings);
  withJsonText(row.document.drawings, drawings);
  const text = stringifyWith(detail, 'drawings', drawings);
  return { detail: withJsonText(detail, text), text };
}

/** One line of a list, from the indexed columns alone. */
export function toSummary(row: AnalysisListRow, now: number): AnalysisSummary {
  const direction = row.direction as AnalysisSummary['direction'];
  const entryPlacement = row.entryPlacement as AnalysisSummary['entryPlacement'];
  return {
    id: row.id,
    communityId: row.communityId,
    channelId: row.channelId,
    sender: row.sender,
    analysisType: analysisType(direction, entryPlacement),
    status: status(row, now),
    title: row.title,
    symbol: row.symbol,
    timeframe: row.timeframe as AnalysisSummary['timeframe'],
    direction,
    entryPlacement,
    drawingCount: row.drawingCount,
    expiresAt: row.expiresAt === null ? null : iso(row.expiresAt),
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
    version: row.version,
  };
}
