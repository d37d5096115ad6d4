// Our own issue codes travel inside zod's `custom` issues as `params.code`; error formatting
// (errors.ts) lifts them to the issue's `code` on the wire.
import type { z } from './zod-mini';

/** Issue codes of ours (spec §1.3), beside the validator's own. */
export const OUR_ISSUE_CODES = [
  'forbidden_character',
  'level_order',
  'unknown_reference',
  'duplicate_client_object_id',
  'immutable_field',
  'empty_update',
] as const;
/** One of our issue codes. */
export type OurIssueCode = (typeof OUR_ISSUE_CODES)[number];

type Payload = z.core.ParsePayload<unknown>;

/** Pushes an issue with one of our codes onto a check's payload; `path` is relative to the checked value. */
export function pushIssue(
  payload: Payload,
  code: OurIssueCode,
  message: string,
  path: readonly PropertyKey[] = [],
): void {
  payload.issues.push({
    code: 'custom',
    params: { code },
    message,
    input: payload.value,
    path: [...path],
  });
}

/** The wire code of a zod issue: ours from `params.code`, else zod's own. */
export function issueCode(issue: z.core.$ZodIssue): string {
  if (issue.code === 'custom') {
    const ours = (issue.params as { code?: unknown } | undefined)?.code;
    if (typeof ours === 'string') return ours;
  }
  return issue.code;
}

/** True for a plain JSON object (not null, not an array) — cross-field checks run on unparsed input too. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
