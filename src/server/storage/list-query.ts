// The List Analyses query, written once for both adapters: filters on the indexed columns, newest
// first (createdAt, then id), one page and the total. `$n` parameters; the SQLite adapter numbers
// them its own way.
import { LIST_COLUMNS } from './rows';
import type { AnalysisListQuery } from './storage';

/** The two statements of one list request and their parameters. */
export interface ListStatements {
  readonly count: string;
  readonly countParams: readonly unknown[];
  readonly page: string;
  readonly pageParams: readonly unknown[];
}

/** The count and page statements of a list request. */
export function listStatements(q: AnalysisListQuery): ListStatements {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.communityId !== null) add('community_id = ?', q.communityId);
  add('channel_id = ?', q.channelId);
  if (q.symbol !== undefined) add('symbol = ?', q.symbol);
  if (q.direction !== undefined) add('direction = ?', q.direction);
  if (q.sender !== undefined) add('sender = ?', q.sender);
  // Mirrors analysisStatus: EXPIRED once now ≥ expiresAt.
  if (q.status === 'EXPIRED') add('expires_at <= ?', q.now);
  if (q.status === 'ACTIVE') add('(expires_at IS NULL OR expires_at > ?)', q.now);
  const clause = where.join(' AND ');
  const n = params.length;
  return {
    count: `SELECT COUNT(*) AS n FROM analyses WHERE ${clause}`,
    countParams: params,
    page: `SELECT ${LIST_COLUMNS.join(', ')} FROM analyses WHERE ${clause} ORDER BY created_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
    pageParams: [...params, q.limit, q.offset],
  };
}
