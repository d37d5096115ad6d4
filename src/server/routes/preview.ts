// GET /v1/analysis/{analysisId}/preview.svg (spec §1.1, an extension): the analysis as a static
// SVG, authorised exactly like Get. Candles are optional and come from the caller (the server
// stores no market data); without them the image shows the levels and drawings alone.
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import type { UtcSeconds } from '../../core/units';
import type { ErrorIssue } from '../../schema/errors';
import { type AnalysisDetailWire, type Candle, describeContents, renderAnalysisSvg } from '../../svg/index';
import { toDetail } from '../analysis/detail';
import { ApiError, issue } from '../api-error';
import { admit, noneMatch, requireVisible, type ServerContext } from '../context';

/** Path of the preview route. */
export const PREVIEW_PATH = '/v1/analysis/:analysisId/preview.svg';

/** Query limits and defaults of the preview [ours]. */
export const PREVIEW_LIMITS = {
  minWidth: 200,
  maxWidth: 2048,
  minHeight: 150,
  maxHeight: 2048,
  defaultWidth: 800,
  defaultHeight: 450,
  maxCandles: 5000,
} as const;

/** Defence in depth: even if markup slipped into the SVG, nothing in it could load or run. */
export const PREVIEW_HEADERS = {
  'content-type': 'image/svg+xml; charset=utf-8',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  'x-content-type-options': 'nosniff',
  'cache-control': 'private, max-age=0, must-revalidate',
} as const;

const KNOWN = new Set(['width', 'height', 'theme', 'candles']);

/** The parsed preview query. */
export interface PreviewQuery {
  readonly width: number;
  readonly height: number;
  readonly theme: 'light' | 'dark';
  readonly candles: Candle[];
}

function size(
  raw: string | undefined,
  field: string,
  [min, max, fallback]: readonly [number, number, number],
  errors: ErrorIssue[],
): number {
  if (raw === undefined) return fallback;
  const n = /^\d{1,5}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!(n >= min && n <= max)) {
    errors.push(issue([field], 'invalid_type', `must be an integer from ${min} to ${max}`));
  }
  return n;
}

// candles: JSON [[time, open, high, low, close], …], time in UTC seconds, strictly increasing.
function candles(raw: string | undefined, errors: ErrorIssue[]): Candle[] {
  if (raw === undefined) return [];
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    errors.push(issue(['candles'], 'invalid_type', 'must be JSON: [[time, open, high, low, close], …]'));
    return [];
  }
  if (!Array.isArray(value) || value.length > PREVIEW_LIMITS.maxCandles) {
    errors.push(
      issue(['candles'], 'invalid_type', `must be an array of at most ${PREVIEW_LIMITS.maxCandles} bars`),
    );
    return [];
  }
  const out: Candle[] = [];
  for (const [i, bar] of value.entries()) {
    if (
      !Array.isArray(bar) ||
      bar.length !== 5 ||
      !bar.every((v) => typeof v === 'number' && Number.isFinite(v))
    ) {
      errors.push(
        issue(['candles', i], 'invalid_type', 'must be [time, open, high, low, close], finite numbers'),
      );
      return [];
    }
    const [time, open, high, low, close] = bar as number[];
    if (i > 0 && !(time! > out[i - 1]!.time)) {
      errors.push(issue(['candles', i, 0], 'invalid_type', `time must be after candles[${i - 1}] time`));
      return [];
    }
    if (!(low! <= Math.min(open!, close!) && high! >= Math.max(open!, close!))) {
      errors.push(issue(['candles', i], 'invalid_type', 'needs low ≤ open, close ≤ high'));
      return [];
    }
    out.push({ time: time as UtcSeconds, open: open!, high: high!, low: low!, close: close! });
  }
  return out;
}

/** Parses and checks the preview query; throws 400 `invalid_query` with one issue per bad key. */
export function parsePreviewQuery(params: URLSearchParams): PreviewQuery {
  const errors: ErrorIssue[] = [];
  const seen = new Map<string, string>();
  for (const [name, value] of params) {
    if (!KNOWN.has(name)) errors.push(issue([name], 'unrecognized_keys', 'is not a preview query parameter'));
    else if (seen.has(name)) errors.push(issue([name], 'invalid_type', 'must be given at most once'));
    else seen.set(name, value);
  }
  const { minWidth, maxWidth, defaultWidth, minHeight, maxHeight, defaultHeight } = PREVIEW_LIMITS;
  const width = size(seen.get('width'), 'width', [minWidth, maxWidth, defaultWidth], errors);
  const height = size(seen.get('height'), 'height', [minHeight, maxHeight, defaultHeight], errors);
  const theme = seen.get('theme') ?? 'light';
  if (theme !== 'light' && theme !== 'dark')
    errors.push(issue(['theme'], 'invalid_value', 'must be light or dark'));
  const bars = candles(seen.get('candles'), errors);
  if (errors.length > 0) throw new ApiError('invalid_query', undefined, { errors: errors.slice(0, 100) });
  return { width, height, theme: theme as 'light' | 'dark', candles: bars };
}

/** Registers the preview route on the API app. */
export function previewRoute(app: Hono, ctx: ServerContext): void {
  app.get(PREVIEW_PATH, async (c) => {
    const analysisId = c.req.param('analysisId');
    // Rendering costs like a write, so it spends a write token (spec §5.4).
    const { now, key } = await admit(ctx, c.req.raw, 'analysis:read', { analysisId }, true);
    const row = requireVisible(await ctx.storage.getAnalysis(analysisId, key.communityId), key);
    const url = new URL(c.req.url);
    const query = parsePreviewQuery(url.searchParams);
    const detail = toDetail(row, now) as unknown as AnalysisDetailWire;
    // The image depends on the version, the query and whether the analysis has expired.
    const digest = createHash('sha256')
      .update(`${url.search}\n${detail.status}`)
      .digest('base64url')
      .slice(0, 16);
    const tag = `"${row.version}-${digest}"`;
    if (noneMatch(c.req.header('if-none-match') ?? null, tag)) {
      const { 'cache-control': cache } = PREVIEW_HEADERS;
      return new Response(null, { status: 304, headers: { etag: tag, 'cache-control': cache } });
    }
    const svg = renderAnalysisSvg(detail, query.candles, {
      width: query.width,
      height: query.height,
      theme: query.theme,
      now: now / 1000,
      // Every level and drawing in words, for screen readers.
      description: describeContents(detail).join('. '),
    });
    return new Response(svg, { status: 200, headers: { ...PREVIEW_HEADERS, etag: tag } });
  });
}
