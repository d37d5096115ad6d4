// Rules that span several fields of one body (spec §1.4, §3.11, §2.4). Each is one pass over the
// body, written against unknown input so that it also reports beside other issues.
import type { z } from './zod-mini';
import { LEVEL_NAMES } from '../core/analysis';
import { referenceKeys } from '../core/references';
import { REFERENCE_FIELDS } from '../core/wire/fields';
import { isRecord, pushIssue } from './issues';

type Payload = z.core.ParsePayload<unknown>;

/** Metadata fields that may hold `[[key:text]]` references, named once in core/wire. */
export { REFERENCE_FIELDS };

/** The rule an `unknown_reference` issue states for `key` (the server's update check says it too). */
export function unknownReferenceRule(key: string): string {
  return `[[${key}:…]] names no drawing or level of this analysis`;
}

/** The clientObjectIds of a body; `complete` is false when a malformed part may have hidden some. */
export interface BodyIds {
  readonly ids: Set<string>;
  readonly complete: boolean;
}

/**
 * Issues `duplicate_client_object_id` at the second occurrence of a clientObjectId among the
 * body's levels (support, pivot, resistance) then drawings; returns every id seen.
 */
export function checkUniqueIds(payload: Payload, body: Record<string, unknown>): BodyIds {
  const ids = new Set<string>();
  let complete = true;
  const note = (owner: unknown, path: PropertyKey[]) => {
    const id = isRecord(owner) ? owner.clientObjectId : undefined;
    if (typeof id !== 'string') {
      complete = false;
      return;
    }
    if (ids.has(id)) pushIssue(payload, 'duplicate_client_object_id', `"${id}" is already used`, path);
    else ids.add(id);
  };
  const levels = body.levels;
  if (isRecord(levels)) {
    for (const name of LEVEL_NAMES) {
      const level = levels[name];
      // null removes a level in an update; absent keeps it.
      if (level !== undefined && level !== null) note(level, ['levels', name, 'clientObjectId']);
    }
  } else if (levels !== undefined) complete = false;
  const drawings = body.drawings;
  if (Array.isArray(drawings)) {
    for (let i = 0; i < drawings.length; i++) note(drawings[i], ['drawings', i, 'clientObjectId']);
  } else if (drawings !== undefined) complete = false;
  return { ids, complete };
}

/**
 * Issues `unknown_reference` at `['metadata', field]` for each distinct key that is not among
 * the body's ids. Skipped when the ids are incomplete, which would report references falsely.
 */
export function checkReferences(
  payload: Payload,
  body: Record<string, unknown>,
  { ids, complete }: BodyIds,
): void {
  const metadata = body.metadata;
  if (!complete || !isRecord(metadata)) return;
  for (const field of REFERENCE_FIELDS) {
    const text = metadata[field];
    // Cheap pre-test: most texts hold no reference at all.
    if (typeof text !== 'string' || !text.includes('[[')) continue;
    const reported = new Set<string>();
    for (const key of referenceKeys(text)) {
      if (ids.has(key) || reported.has(key)) continue;
      reported.add(key);
      pushIssue(payload, 'unknown_reference', unknownReferenceRule(key), ['metadata', field]);
    }
  }
}

/** Issues `empty_update` when an update body carries nothing but `sender`. */
export function checkNotEmpty(payload: Payload, body: Record<string, unknown>): void {
  const hasKeys = (v: unknown) => isRecord(v) && Object.keys(v).length > 0;
  if (hasKeys(body.metadata) || hasKeys(body.levels) || body.drawings !== undefined) return;
  pushIssue(payload, 'empty_update', 'nothing to update: give metadata, levels or drawings');
}
