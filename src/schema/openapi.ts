// OpenAPI 3.1 document of the Chart Analysis API, built from the zod schemas with z.toJSONSchema.
// Cross-field rules (level order, references, unique ids) are refinements and do not appear in
// JSON Schema; the operation descriptions name them instead.
import { z } from 'zod';
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
  return out;
}

const ref = (name: keyof typeof NAMED_SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof NAMED_SCHEMAS) => ({ 'application/json': { schema: ref(name) } });
const idParam = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: OBJECT_ID_PATTERN.source },
});
const errors = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((s) => [String(s), { description: `Error ${s}`, content: json('ErrorResponse') }]),
  );
const ifMatch = { name: 'If-Match', in: 'header', required: false, schema: { type: 'string' } };
const etag = { ETag: { schema: { type: 'string' }, description: 'The analysis version, quoted' } };

/** The OpenAPI 3.1 document of the six operations and the preview image. */
export function toOpenApi(): JsonObject {
  const channel = [idParam('communityId'), idParam('channelId')];
  const analysis = [idParam('analysisId')];
  return {
    openapi: '3.1.0',
    info: { title: 'Chart Analysis API', version: '1.0.0' },
    servers: [{ url: 'https://api.returning.ai' }, { url: 'https://integration.returning.ai/apis' }],
    security: [{ bearer: [] }],
    paths: {
      '/v1/analysis/{communityId}/channels/{channelId}': {
        parameters: channel,
        post: {
          operationId: 'createAnalysis',
          description:
            'Levels must ascend; references must name a drawing or level of the body; clientObjectIds are unique.',
          requestBody: { required: true, content: json('CreateAnalysisRequest') },
          responses: {
            '201': { description: 'Created', headers: etag, content: json('CreateAnalysisResponse') },
            ...errors(400, 401, 403, 409, 413, 415, 422, 429),
          },
        },
        get: {
          operationId: 'listAnalyses',
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
            ...errors(400, 401, 403, 429),
          },
        },
      },
      '/v1/analysis/{analysisId}': {
        parameters: analysis,
        get: {
          operationId: 'getAnalysis',
          responses: {
            '200': { description: 'OK', headers: etag, content: json('GetAnalysisResponse') },
            ...errors(400, 401, 403, 404, 429),
          },
        },
        patch: {
          operationId: 'updateAnalysis',
          parameters: [ifMatch],
          requestBody: { required: true, content: json('UpdateAnalysisRequest') },
          responses: {
            '200': { description: 'Updated', headers: etag, content: json('UpdateAnalysisResponse') },
            ...errors(400, 401, 403, 404, 412, 413, 415, 429),
          },
        },
        delete: {
          operationId: 'deleteAnalysis',
          parameters: [ifMatch],
          responses: {
            '200': { description: 'Deleted', content: json('DeleteAnalysisResponse') },
            ...errors(400, 401, 403, 404, 412, 429),
          },
        },
      },
      '/v1/analysis/{analysisId}/drawings': {
        parameters: analysis,
        post: {
          operationId: 'appendDrawings',
          parameters: [ifMatch],
          requestBody: { required: true, content: json('AppendDrawingsRequest') },
          responses: {
            '200': { description: 'Appended', headers: etag, content: json('AppendDrawingsResponse') },
            ...errors(400, 401, 403, 404, 409, 412, 413, 415, 422, 429),
          },
        },
      },
      '/v1/analysis/{analysisId}/preview.svg': {
        parameters: analysis,
        get: {
          operationId: 'previewAnalysis',
          responses: {
            '200': {
              description: 'The analysis as SVG',
              content: { 'image/svg+xml': { schema: { type: 'string' } } },
            },
            ...errors(400, 401, 403, 404, 429),
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
