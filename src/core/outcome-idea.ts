// The idea an analysis states, in the shape evaluateAnalysis takes: from a domain Analysis (engine
// units) or from an AnalysisDetail as the API returns it (ISO times).
import type { Analysis, Direction, EntryPlacement } from './analysis';
import { expiresAt as expiryInstant } from './expiry';
import type { Idea } from './outcomes';
import { parseTime } from './wire/time';

type LevelPrice = { readonly price: number };

/** The fields of a wire AnalysisDetail (spec §3.10) an idea is read from. */
export interface IdeaDetail {
  readonly metadata: { readonly direction: Direction; readonly entryPlacement: EntryPlacement };
  readonly levels?: {
    readonly support?: LevelPrice;
    readonly pivot?: LevelPrice;
    readonly resistance?: LevelPrice;
  };
  readonly createdAt: string;
  readonly expiresAt: string | null;
}

// The wire's own reader (every validated time passes it), not a second, laxer one.
function seconds(iso: string, field: string): number {
  const t = typeof iso === 'string' ? parseTime(iso) : null;
  if (t === null) throw new RangeError(`${field}: expected an ISO-8601 time, got ${JSON.stringify(iso)}`);
  return t;
}

const levelPrices = (l: IdeaDetail['levels'] | Analysis['levels']) => ({
  ...(l?.support ? { support: l.support.price } : {}),
  ...(l?.pivot ? { pivot: l.pivot.price } : {}),
  ...(l?.resistance ? { resistance: l.resistance.price } : {}),
});

/** The idea of an AnalysisDetail; throws naming the field when a time is unreadable. */
export function ideaFromDetail(detail: IdeaDetail): Idea {
  const { direction, entryPlacement } = detail.metadata;
  return {
    direction,
    entryPlacement,
    levels: levelPrices(detail.levels),
    createdAt: seconds(detail.createdAt, 'createdAt'),
    expiresAt: detail.expiresAt === null ? null : seconds(detail.expiresAt, 'expiresAt'),
  };
}

/** The idea of a saved domain analysis or of an AnalysisDetail; throws naming the field when createdAt is missing or a time is unreadable. */
export function ideaFromAnalysis(analysis: Analysis | IdeaDetail): Idea {
  if (typeof analysis.createdAt === 'string') return ideaFromDetail(analysis as IdeaDetail);
  const domain = analysis as Analysis;
  if (domain.createdAt === undefined) {
    throw new RangeError('createdAt: an outcome starts at creation; this analysis has not been saved');
  }
  const { direction, entryPlacement } = domain.metadata;
  return {
    direction,
    entryPlacement,
    levels: levelPrices(domain.levels),
    createdAt: domain.createdAt,
    expiresAt: expiryInstant(domain.metadata.expiry, domain.createdAt),
  };
}
