// Errors as data (spec §1.3): the error envelope, the top-level codes with their HTTP statuses,
// and how a failed body validation maps to one top-level code.
import { z } from './zod-mini';
import { issueCode, OUR_ISSUE_CODES } from './issues';
import { MAX_ERROR_ISSUES } from './limits';

/** HTTP status of every top-level error code. */
export const ERROR_STATUS = {
  invalid_json: 400,
  validation_failed: 400,
  invalid_id: 400,
  invalid_query: 400,
  immutable_field: 400,
  empty_update: 400,
  level_order: 400,
  unknown_reference: 400,
  too_many_drawings: 400,
  body_too_complex: 400,
  duplicate_key: 400,
  idempotency_key_conflict: 400,
  unauthorized: 401,
  forbidden: 403,
  sender_mismatch: 403,
  not_found: 404,
  method_not_allowed: 405,
  duplicate_client_object_id: 409,
  idempotency_key_in_flight: 409,
  version_mismatch: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
} as const;
/** A top-level error code. */
export type ErrorCode = keyof typeof ERROR_STATUS;
/** Every top-level error code. */
export const ERROR_CODES = Object.keys(ERROR_STATUS) as ErrorCode[];

/** One issue on the wire: where, what rule, and a message naming both. */
export const ErrorIssue = z.strictObject({
  path: z.array(z.union([z.string(), z.int()])),
  code: z.string(),
  message: z.string(),
});
/** Wire type of an ErrorIssue. */
export type ErrorIssue = z.infer<typeof ErrorIssue>;

/** The error envelope of every 4xx/5xx response. */
export const ErrorResponse = z.strictObject({
  status: z.literal('error'),
  message: z.string(),
  code: z.enum(ERROR_CODES as [ErrorCode, ...ErrorCode[]]),
  errors: z.optional(z.array(ErrorIssue).check(z.maxLength(MAX_ERROR_ISSUES))),
  data: z.optional(z.record(z.string(), z.unknown())),
});
/** Wire type of an ErrorResponse. */
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** Default human message per top-level code. */
export const ERROR_MESSAGES: { readonly [C in ErrorCode]: string } = {
  invalid_json: 'Request body is not valid JSON',
  validation_failed: 'Invalid request body',
  invalid_id: 'Invalid id in path',
  invalid_query: 'Invalid query',
  immutable_field: 'direction, entryPlacement, symbol and timeframe cannot be changed',
  empty_update: 'The update changes nothing',
  level_order: 'Levels must satisfy support < pivot < resistance',
  unknown_reference: 'A reference names no drawing or level of this analysis',
  too_many_drawings: 'Too many drawings',
  body_too_complex: 'Request body is nested too deeply or holds too many values',
  duplicate_key: 'Request body repeats a key inside one object',
  idempotency_key_conflict: 'The Idempotency-Key header and the body idempotencyKey differ',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  sender_mismatch: 'sender must be the sender the token was issued for',
  not_found: 'Not found',
  method_not_allowed: 'Method not allowed on this path',
  duplicate_client_object_id: 'clientObjectId already used in this analysis',
  idempotency_key_in_flight: 'A request with this idempotency key is still running',
  version_mismatch: 'The analysis has changed since the given version',
  payload_too_large: 'Request body too large',
  unsupported_media_type: 'Content-Type must be application/json',
  idempotency_key_reused: 'Idempotency key reused with a different body',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  unavailable: 'Service unavailable',
};

/** `['drawings', 2, 'points']` → `drawings[2].points` (the empty path is `root`). */
export function formatPath(path: readonly PropertyKey[], root = 'body'): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? root : out;
}

/** A zod error's issues as wire issues (our codes lifted from `params.code`), at most 100. */
export function wireIssues(error: z.core.$ZodError, root = 'body'): ErrorIssue[] {
  const out: ErrorIssue[] = [];
  for (const issue of error.issues) {
    if (out.length === MAX_ERROR_ISSUES) break;
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
    out.push({ path, code: issueCode(issue), message: `${formatPath(path, root)}: ${issue.message}` });
  }
  return out;
}

// Issue codes that have a top-level code of their own, in precedence order. An immutable field
// wins over anything else; any other issue makes the failure a plain `validation_failed`.
const SPECIAL_CODES = ['immutable_field', 'empty_update', 'level_order', 'unknown_reference'] as const;
const OURS = new Set<string>(OUR_ISSUE_CODES);

/**
 * The top-level code a failed body validation maps to: `immutable_field` if any field is
 * immutable; otherwise `validation_failed` if any issue is not one of the special codes;
 * otherwise the first of `empty_update`, `level_order`, `unknown_reference` present.
 */
export function classifyIssues(issues: readonly { readonly code: string }[]): ErrorCode {
  const codes = new Set(issues.map((i) => i.code));
  if (codes.has('immutable_field')) return 'immutable_field';
  for (const code of codes) {
    if (!(SPECIAL_CODES as readonly string[]).includes(code) || !OURS.has(code)) return 'validation_failed';
  }
  for (const code of SPECIAL_CODES) if (codes.has(code)) return code;
  return 'validation_failed';
}

/** Builds an error envelope for any top-level code; `extra` adds `errors` or `data`. */
export function errorEnvelope(
  code: ErrorCode,
  message: string = ERROR_MESSAGES[code],
  extra: { readonly errors?: readonly ErrorIssue[]; readonly data?: Record<string, unknown> } = {},
): ErrorResponse {
  const envelope: ErrorResponse = { status: 'error', message, code };
  if (extra.errors) envelope.errors = extra.errors.slice(0, MAX_ERROR_ISSUES);
  if (extra.data) envelope.data = extra.data;
  return envelope;
}

/**
 * The error envelope of a failed validation: the top-level code from `classifyIssues` (or
 * `code`, e.g. `invalid_query` for a query), its default message (or `message`), and the issues.
 */
export function toErrorEnvelope(error: z.core.$ZodError, message?: string, code?: ErrorCode): ErrorResponse {
  const top = code ?? classifyIssues(error.issues.map((issue) => ({ code: issueCode(issue) })));
  const errors = wireIssues(error, top === 'invalid_query' ? 'query' : 'body');
  return errorEnvelope(top, message ?? ERROR_MESSAGES[top], { errors });
}

/** HTTP status of a top-level code. */
export function errorStatus(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
