// OpenAPI 3.1 document of the Chart Analysis API, built from the zod schemas with z.toJSONSchema.
// Cross-field rules (level order, references, unique ids) are refinements and do not appear in
// JSON Schema; the operation descriptions name them instead.
import { z } from './zod-mini';
import { Coordinate, DrawingStyle } from './drawings/common';
import { Drawing } from './drawings/drawing';
import { FibonacciRetracementDrawing } from './drawings/fibonacci-retracement';
import { HorizontalLineDrawing } from './drawings/horizontal-line';
import { LineDrawing } from './drawings/line';
import { ParallelDrawing } from './drawings/parallel';
import { RectangleDrawing } from './drawings/rectangle';
import { ErrorResponse } from './errors';
import { LevelEntry, Levels } from './levels';
import { AnalysisMetadata, Expiry } from './metadata';
import { AppendDrawingsRequest, CreateAnalysisRequest, UpdateAnalysisRequest } from './requests';
import {
  AnalysisDetail,
  AnalysisSummary,
  AppendDrawingsResponse,
  CreateAnalysisResponse,
  DeleteAnalysisResponse,
  GetAnalysisResponse,
  Link,
  ListAnalysesResponse,
  UpdateAnalysisResponse,
} from './responses';
import { OBJECT_ID_PATTERN, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, PAGE_SIZE_MIN } from './limits';
import { CreateTokenRequest, CreateTokenResponse } from './tokens';

/** Every schema that appears under its spec name in `components.schemas`. */
export const NAMED_SCHEMAS = {
  CreateAnalysisRequest,
  UpdateAnalysisRequest,
  AppendDrawingsRequest,
  CreateAnalysisResponse,
  GetAnalysisResponse,
  UpdateAnalysisResponse,
  AppendDrawingsResponse,
  DeleteAnalysisResponse,
  ListAnalysesResponse,
  ErrorResponse,
  AnalysisMetadata,
  Expiry,
  Levels,
  LevelEntry,
  Drawing,
  HorizontalLineDrawing,
  LineDrawing,
  RectangleDrawing,
  ParallelDrawing,
  FibonacciRetracementDrawing,
  Coordinate,
  DrawingStyle,
  AnalysisDetail,
  AnalysisSummary,
  Link,
  CreateTokenRequest,
  CreateTokenResponse,
} as const;

type JsonObject = Record<string, unknown>;

/** JSON Schema (draft 2020-12) of every named schema, referring to each other by `#/components/schemas/<name>`. */
export function componentSchemas(): Record<string, JsonObject> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(NAMED_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    uri: (id) => `#/components/schemas/${id}`,
  });
  const out: Record<string, JsonObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    // Components are embedded in one document, so the per-schema $schema and $id are dropped.
    const { $schema: _s, $id: _i, ...rest } = schema as JsonObject;
    out[id] = rest;
  }
  // OpenAPI's own discriminator keyword lets code generators pick the kind without trying each.
  out.Drawing = {
    ...out.Drawing,
    discriminator: {
      propertyName: 'type',
      mapping: {
        HORIZONTAL_LINE: '#/components/schemas/HorizontalLineDrawing',
        LINE: '#/components/schemas/LineDrawing',
        RECTANGLE: '#/components/schemas/RectangleDrawing',
        PARALLEL: '#/components/schemas/ParallelDrawing',
        FIBONACCI_RETRACEMENT: '#/components/schemas/FibonacciRetracementDrawing',
      },
    },
  };
  // The documented example has no version, so the schema keeps it optional for parsing; this
  // server always sends it, and its document says so (a generated client needs no assertion).
  out.UpdateAnalysisResponse = requireDataField(out.UpdateAnalysisResponse!, 'version');
  return out;
}

function requireDataField(schema: JsonObject, field: string): JsonObject {
  const props = schema.properties as { data: JsonObject };
  const data = props.data;
  const required = [...((data.required as string[] | undefined) ?? []), field];
  return { ...schema, properties: { ...props, data: { ...data, required } } };
}

const ref = (name: keyof typeof NAMED_SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof NAMED_SCHEMAS) => ({ 'application/json': { schema: ref(name) } });
const idParam = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: OBJECT_ID_PATTERN.source },
});
const str = { type: 'string' };
const rateLimit = {
  RateLimit: {
    schema: str,
    description: 'What is left of the write bucket: `"writes";r=<remaining>;t=<seconds until full>`',
  },
  'RateLimit-Policy': {
    schema: str,
    description: 'The write bucket: `"writes";q=<capacity>;w=<seconds to refill>`',
  },
};
const etag = { ETag: { schema: str, description: 'The analysis version, quoted' } };
const ERROR_TEXT: Record<number, string> = {
  400: 'Malformed JSON, a body or query that fails validation, or a bad id',
  401: 'Missing, unknown, expired or revoked key or token',
  403: 'Authenticated but not allowed here (permission, channel, sender_mismatch)',
  404: 'No such analysis, or not visible to this key',
  405: 'Method not allowed on this path (see the Allow header)',
  409: 'Duplicate clientObjectId, or the idempotency key is still in flight',
  412: 'If-Match is stale',
  413: 'Body larger than 1 MiB',
  415: 'Content-Type is not application/json',
  422: 'Idempotency key reused with another body',
  429: 'Rate limit exceeded',
  500: 'Unexpected error (no stack trace)',
};
/** Headers an error status carries besides the envelope. */
const errorHeaders = (status: number, limited: boolean): JsonObject | undefined => {
  const h: JsonObject = limited ? { ...rateLimit } : {};
  if (status === 429) h['Retry-After'] = { schema: { type: 'integer' }, description: 'Seconds to wait' };
  if (status === 412) h.ETag = { schema: str, description: 'The current version, quoted' };
  if (status === 405) h.Allow = { schema: str, description: 'The methods this path answers' };
  return Object.keys(h).length > 0 ? h : undefined;
};
const errorsOf = (limited: boolean, statuses: number[]) =>
  Object.fromEntries(
    [...statuses, 500].map((s) => {
      const headers = errorHeaders(s, limited);
      return [
        String(s),
        { description: ERROR_TEXT[s], ...(headers ? { headers } : {}), content: json('ErrorResponse') },
      ];
    }),
  );
const errors = (...statuses: number[]) => errorsOf(false, statuses);
const writeErrors = (...statuses: number[]) => errorsOf(true, statuses);
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  description: 'Apply only to this version: `"<version>"`, `W/"<version>"` or `*`',
  schema: str,
};
const ifNoneMatch = {
  name: 'If-None-Match',
  in: 'header',
  required: false,
  description: 'Answer 304 when the representation still has this ETag',
  schema: str,
};
const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: "The same as the body's idempotencyKey; both given and different is a 400",
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};
const replayed = {
  'Idempotent-Replayed': {
    schema: { type: 'string', enum: ['true'] },
    description: 'Present on a replayed response',
  },
};
const notModified = (headers: JsonObject) => ({ '304': { description: 'Not modified', headers } });
const op = (tag: string, operationId: string, summary: string, description: string) => ({
  tags: [tag],
  operationId,
  summary,
  description,
});

/** The OpenAPI 3.1 document of the six operations and the preview image. */
export function toOpenApi(): JsonObject {
  const channel = [idParam('communityId'), idParam('channelId')];
  const analysis = [idParam('analysisId')];
  return {
    openapi: '3.1.0',
    info: {
      title: 'Chart Analysis API',
      version: '1.0.0',
      description:
        'Trade ideas drawn on price charts: create, list, read, update, append to and delete analyses, ' +
        'and scoped browser tokens. The wire contract is spec/chart-analysis-api.md of chartmark.',
      contact: { name: 'chartmark', url: 'https://github.com/chartmark/chartmark' },
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      { url: 'https://api.returning.ai', description: 'Current documented host' },
      { url: 'https://integration.returning.ai/apis', description: 'Older documented host' },
      { url: 'http://127.0.0.1:8787', description: 'The chartmark reference server (npm start)' },
    ],
    security: [{ bearer: [] }],
    tags: [
      { name: 'analyses', description: 'Chart analyses and their drawings' },
      { name: 'auth', description: 'Short-lived browser tokens' },
    ],
    paths: {
      '/v1/auth/tokens': {
        post: {
          ...op(
            'auth',
            'createToken',
            'Issue a browser token',
            'Trades an API key for a token scoped to a sender, permissions and channels, never more than the key.',
          ),
          requestBody: { required: true, content: json('CreateTokenRequest') },
          responses: {
            '201': { description: 'Issued', content: json('CreateTokenResponse') },
            ...errors(400, 401, 403, 405, 413, 415),
          },
        },
      },
      '/v1/analysis/{communityId}/channels/{channelId}': {
        parameters: channel,
        post: {
          ...op(
            'analyses',
            'createAnalysis',
            'Create an analysis',
            'Levels must ascend; references must name a drawing or level of the body; clientObjectIds are unique.',
          ),
          parameters: [idempotencyKey],
          requestBody: { required: true, content: json('CreateAnalysisRequest') },
          responses: {
            '201': {
              description: 'Created',
              headers: { ...etag, ...replayed, ...rateLimit },
              content: json('CreateAnalysisResponse'),
            },
            ...writeErrors(400, 401, 403, 405, 409, 413, 415, 422, 429),
          },
        },
        get: {
          ...op('analyses', 'listAnalyses', 'List analyses', 'Newest first; unknown query keys are a 400.'),
          parameters: [
            { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
            {
              name: 'limit',
              in: 'query',
              schema: {
                type: 'integer',
                minimum: PAGE_SIZE_MIN,
                maximum: PAGE_SIZE_MAX,
                default: PAGE_SIZE_DEFAULT,
              },
            },
            { name: 'symbol', in: 'query', schema: { type: 'string' } },
            { name: 'direction', in: 'query', schema: { enum: ['BULLISH', 'BEARISH'] } },
            { name: 'status', in: 'query', schema: { enum: ['ACTIVE', 'EXPIRED'] } },
            { name: 'sender', in: 'query', schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'OK', content: json('ListAnalysesResponse') },
            ...errors(400, 401, 403),
          },
        },
      },
      '/v1/analysis/{analysisId}': {
        parameters: analysis,
        get: {
          ...op(
            'analyses',
            'getAnalysis',
            'Get an analysis',
            'The analysis with its levels, drawings and links.',
          ),
          parameters: [ifNoneMatch],
          responses: {
            '200': { description: 'OK', headers: etag, content: json('GetAnalysisResponse') },
            ...notModified(etag),
            ...errors(400, 401, 403, 404, 405),
          },
        },
        patch: {
          ...op(
            'analyses',
            'updateAnalysis',
            'Update an analysis',
            'A partial update; drawings replace the whole set; levels merge per name.',
          ),
          parameters: [ifMatch],
          requestBody: { required: true, content: json('UpdateAnalysisRequest') },
          responses: {
            '200': {
              description: 'Updated',
              headers: { ...etag, ...rateLimit },
              content: json('UpdateAnalysisResponse'),
            },
            ...writeErrors(400, 401, 403, 404, 405, 412, 413, 415, 429),
          },
        },
        delete: {
          ...op(
            'analyses',
            'deleteAnalysis',
            'Delete an analysis',
            'Afterwards every operation on it answers 404.',
          ),
          parameters: [ifMatch],
          responses: {
            '200': { description: 'Deleted', headers: rateLimit, content: json('DeleteAnalysisResponse') },
            ...writeErrors(400, 401, 403, 404, 405, 412, 429),
          },
        },
      },
      '/v1/analysis/{analysisId}/drawings': {
        parameters: analysis,
        post: {
          ...op(
            'analyses',
            'appendDrawings',
            'Append drawings',
            'Adds drawings without touching the existing ones.',
          ),
          parameters: [ifMatch, idempotencyKey],
          requestBody: { required: true, content: json('AppendDrawingsRequest') },
          responses: {
            '200': {
              description: 'Appended',
              headers: { ...etag, ...replayed, ...rateLimit },
              content: json('AppendDrawingsResponse'),
            },
            ...writeErrors(400, 401, 403, 404, 405, 409, 412, 413, 415, 422, 429),
          },
        },
      },
      '/v1/analysis/{analysisId}/preview.svg': {
        parameters: analysis,
        get: {
          ...op(
            'analyses',
            'previewAnalysis',
            'Preview an analysis as SVG',
            'The analysis as a static SVG; rendering spends a write token.',
          ),
          parameters: [
            {
              name: 'width',
              in: 'query',
              schema: { type: 'integer', minimum: 200, maximum: 2048, default: 800 },
            },
            {
              name: 'height',
              in: 'query',
              schema: { type: 'integer', minimum: 150, maximum: 2048, default: 450 },
            },
            {
              name: 'theme',
              in: 'query',
              schema: { type: 'string', enum: ['light', 'dark'], default: 'light' },
            },
            {
              name: 'candles',
              in: 'query',
              description:
                'JSON [[time, open, high, low, close], …], time in UTC seconds, at most 5,000 bars',
              schema: str,
            },
            ifNoneMatch,
          ],
          responses: {
            '200': {
              description: 'The analysis as SVG',
              headers: {
                ETag: { schema: str, description: 'Of this image: version, query and status' },
                'Cache-Control': { schema: str, description: 'private, max-age=0, must-revalidate' },
                ...rateLimit,
              },
              content: { 'image/svg+xml': { schema: str } },
            },
            ...notModified({ ETag: { schema: str, description: 'Of this image' } }),
            ...writeErrors(400, 401, 403, 404, 405, 429),
          },
        },
      },
    },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: componentSchemas(),
    },
  };
}
