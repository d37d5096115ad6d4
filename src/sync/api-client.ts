// A typed client for the six operations of the Chart Analysis API (spec §2). Transport is an
// injected `fetch`, so it runs in browsers, in Node and in tests against `app.request`.
import type { ZodMiniType as ZodType } from 'zod/mini';
import { ErrorResponse } from '../schema/errors';
import type { AppendDrawingsRequest, CreateAnalysisRequest, UpdateAnalysisRequest } from '../schema/requests';
import {
  type AnalysisDetail,
  AppendDrawingsResponse,
  CreateAnalysisResponse,
  DeleteAnalysisResponse,
  GetAnalysisResponse,
  ListAnalysesResponse,
  UpdateAnalysisResponse,
} from '../schema/responses';
import { ApiError, parseRetryAfter } from './api-error';

/** The two documented hosts (spec §1.1); the reference server answers under both path shapes. */
export const API_BASE_URLS = {
  current: 'https://api.returning.ai',
  integration: 'https://integration.returning.ai/apis',
} as const;

/** Options of `createApiClient`. */
export interface ApiClientOptions {
  /** Base URL without `/v1`, e.g. `https://api.returning.ai`; '' means same origin. */
  readonly baseUrl: string;
  readonly apiKey: string;
  /** Transport; defaults to the global fetch. */
  readonly fetch?: (input: string, init: RequestInit) => Promise<Response>;
}

/** Per-request options of writes. */
export interface WriteOptions {
  /** Sent as `If-Match: "<version>"`: the server answers 412 when the analysis moved on. */
  readonly ifMatch?: number;
}

/** A successful answer: the envelope's data, the ETag version and whether it was an idempotent replay. */
export interface ApiResult<T> {
  readonly data: T;
  readonly version: number | undefined;
  readonly replayed: boolean;
  /** Bytes of the request body as sent (0 without a body); the benchmark counts them. */
  readonly requestBytes: number;
}

/** List filters and paging (spec §2.2). */
export interface ListQuery {
  readonly page?: number;
  readonly limit?: number;
  readonly symbol?: string;
  readonly direction?: 'BULLISH' | 'BEARISH';
  readonly status?: 'ACTIVE' | 'EXPIRED';
  readonly sender?: string;
}

/** The six operations; every failure rejects with an `ApiError`. */
export interface ApiClient {
  /** Create Analysis: POST /v1/analysis/{communityId}/channels/{channelId}. */
  create(
    communityId: string,
    channelId: string,
    body: CreateAnalysisRequest,
  ): Promise<ApiResult<AnalysisDetail>>;
  /** List Analyses of a channel, one page. */
  list(
    communityId: string,
    channelId: string,
    query?: ListQuery,
  ): Promise<ApiResult<ListAnalysesResponse['data']>>;
  /** Get Analysis by id. */
  get(analysisId: string): Promise<ApiResult<AnalysisDetail>>;
  /** Update Analysis (PATCH), with `If-Match` when options.ifMatch is given. */
  update(
    analysisId: string,
    body: UpdateAnalysisRequest,
    options?: WriteOptions,
  ): Promise<ApiResult<UpdateAnalysisResponse['data']>>;
  /** Delete Analysis, with `If-Match` when options.ifMatch is given. */
  delete(analysisId: string, options?: WriteOptions): Promise<ApiResult<DeleteAnalysisResponse['data']>>;
  /** Append Drawings to an analysis. */
  append(
    analysisId: string,
    body: AppendDrawingsRequest,
    options?: WriteOptions,
  ): Promise<ApiResult<AppendDrawingsResponse['data']>>;
}

function versionFromEtag(etag: string | null): number | undefined {
  // Stryker disable next-line MethodExpression: Headers.get already strips the blanks around a value; trim() keeps a hand-built string honest
  const m = etag ? /^(?:W\/)?"(\d+)"$/.exec(etag.trim()) : null;
  return m ? Number(m[1]) : undefined;
}

const segment = (id: string) => encodeURIComponent(id);

/** Creates a client; nothing is sent until an operation is called. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const base = options.baseUrl.replace(/\/+$/, '');
  const send = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init));

  async function call<T>(
    method: string,
    path: string,
    schema: ZodType<{ data: T }>,
    body?: unknown,
    ifMatch?: number,
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${options.apiKey}`,
      accept: 'application/json',
    };
    // Stryker disable next-line ConditionalExpression: JSON.stringify(undefined) is undefined too; the test says what the type cannot
    const text = body === undefined ? undefined : JSON.stringify(body);
    if (text !== undefined) headers['content-type'] = 'application/json';
    if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
    let response: Response;
    try {
      response = await send(`${base}/v1/analysis${path}`, { method, headers, body: text });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new ApiError(0, 'network_error', `${method} ${path}: network failure (${why})`);
    }
    // An unreadable or non-JSON body (a proxy's HTML page, a reset mid-body) is no envelope.
    let json: unknown;
    try {
      json = JSON.parse(await response.text());
    } catch {}
    if (!response.ok) {
      const retryAfter = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      const envelope = ErrorResponse.safeParse(json);
      if (!envelope.success) {
        throw new ApiError(
          response.status,
          `http_${response.status}`,
          `${method} ${path}: HTTP ${response.status}`,
          {
            retryAfter,
          },
        );
      }
      const e = envelope.data;
      throw new ApiError(response.status, e.code, e.message, { issues: e.errors, retryAfter, data: e.data });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      // Stryker disable next-line StringLiteral: zod reports at least one issue for every failure
      const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unreadable body';
      throw new ApiError(response.status, 'invalid_response', `${method} ${path}: response ${where}`);
    }
    return {
      data: parsed.data.data,
      version: versionFromEtag(response.headers.get('etag')),
      replayed: response.headers.get('idempotent-replayed') === 'true',
      requestBytes: new TextEncoder().encode(text).length, // no body encodes as 0 bytes
    };
  }

  return {
    create: (communityId, channelId, body) =>
      call('POST', `/${segment(communityId)}/channels/${segment(channelId)}`, CreateAnalysisResponse, body),
    list(communityId, channelId, query = {}) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
      const qs = params.size > 0 ? `?${params}` : '';
      return call(
        'GET',
        `/${segment(communityId)}/channels/${segment(channelId)}${qs}`,
        ListAnalysesResponse,
      );
    },
    get: (id) => call('GET', `/${segment(id)}`, GetAnalysisResponse),
    update: (id, body, o = {}) => call('PATCH', `/${segment(id)}`, UpdateAnalysisResponse, body, o.ifMatch),
    delete: (id, o = {}) => call('DELETE', `/${segment(id)}`, DeleteAnalysisResponse, undefined, o.ifMatch),
    append: (id, body, o = {}) =>
      call('POST', `/${segment(id)}/drawings`, AppendDrawingsResponse, body, o.ifMatch),
  };
}
