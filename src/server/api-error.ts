// Errors the routes throw; app.ts turns each into its envelope and status. Thrown inside a
// storage decision they also roll the transaction back, so a rejected write leaves no trace.
import {
  type ErrorCode,
  type ErrorIssue,
  errorEnvelope,
  errorStatus,
  formatPath,
  type ErrorResponse,
} from '../schema/errors';

/** An error response: status, envelope and extra headers. */
export class ApiError extends Error {
  /** HTTP status of the code. */
  readonly status: number;
  /** The body. */
  readonly body: ErrorResponse;
  /** Headers to add (e.g. Retry-After). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    code: ErrorCode,
    message?: string,
    extra: {
      readonly errors?: readonly ErrorIssue[];
      readonly data?: Record<string, unknown>;
      readonly headers?: Record<string, string>;
    } = {},
  ) {
    const body = errorEnvelope(code, message, extra);
    super(body.message);
    this.name = 'ApiError';
    this.status = errorStatus(code);
    this.body = body;
    this.headers = extra.headers ?? {};
  }

  /** Builds an ApiError from a ready envelope (e.g. `toErrorEnvelope` of a zod error). */
  static of(body: ErrorResponse): ApiError {
    return new ApiError(body.code, body.message, { errors: body.errors, data: body.data });
  }
}

/** 409 duplicate_client_object_id at `path`: `id` is already held by a level or drawing of the analysis. */
export function duplicateIdError(path: readonly (string | number)[], id: string): ApiError {
  return new ApiError('duplicate_client_object_id', undefined, {
    errors: [issue(path, 'duplicate_client_object_id', `"${id}" is already used in this analysis`)],
  });
}

/** One issue with the path rendered into the message, as the schema's issues are. */
export function issue(path: readonly (string | number)[], code: string, rule: string): ErrorIssue {
  return { path: [...path], code, message: `${formatPath(path)}: ${rule}` };
}
