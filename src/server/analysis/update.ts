// Update Analysis (spec §2.4) on a stored document: per-field merge, then the rules that depend
// on the stored state (level order after the merge, unique ids, references), then what changed.
import { LEVEL_NAMES } from '../../core/analysis';
import { UPDATABLE_TEXT_FIELDS as TEXTS } from '../../core/wire/fields';
import { checkLevelOrder } from '../../core/levels';
import type { StoredDrawing } from '../../schema/drawings/drawing';
import type { StoredLevels } from '../../schema/levels';
import { unknownReferenceRule } from '../../schema/cross-checks';
import type { AnalysisMetadata } from '../../schema/metadata';
import type { UpdateAnalysisRequest } from '../../schema/requests';
import { UpdatedField } from '../../schema/responses';
import { ApiError, duplicateIdError, issue } from '../api-error';
import { checkExpiryDate } from './create';
import { storeDrawing, storeExpiry, storeLevel, type WireDocument } from './document';
import { deriveLinks } from './links';
import { sameJson } from './same-json';

type Field = (typeof UpdatedField.options)[number];

/** The document after the update and the bare names of what actually changed, in a fixed order. */
export interface UpdateOutcome {
  readonly doc: WireDocument;
  readonly updatedFields: Field[];
}

/**
 * Applies a validated update. A persisted id follows its clientObjectId: a level or drawing sent
 * again under the same clientObjectId keeps its id, so clients' references stay put.
 */
export function applyUpdate(
  current: WireDocument,
  body: UpdateAnalysisRequest,
  createdAtMs: number,
  newId: () => string,
): UpdateOutcome {
  const metadata: { -readonly [K in keyof AnalysisMetadata]: AnalysisMetadata[K] } = { ...current.metadata };
  const patch = body.metadata ?? {};
  for (const key of TEXTS) {
    const value = patch[key];
    if (value === null) delete metadata[key as Exclude<typeof key, 'title'>];
    else if (value !== undefined) metadata[key] = value;
  }
  if (patch.expiry === null) delete metadata.expiry;
  else if (patch.expiry !== undefined) {
    checkExpiryDate(patch.expiry, createdAtMs);
    metadata.expiry = storeExpiry(patch.expiry);
  }

  const levels = mergeLevels(current.levels, body.levels, newId);
  const drawings = body.drawings ? replaceDrawings(current.drawings, body.drawings, newId) : current.drawings;
  const doc: WireDocument = { sender: current.sender, metadata, levels, drawings };
  checkUniqueAcross(doc, body);
  const before = deriveLinks(current).links;
  const { links, dangling } = deriveLinks(doc);
  if (dangling.length > 0) {
    throw new ApiError('unknown_reference', undefined, {
      errors: dedupe(dangling).map((d) =>
        issue(['metadata', d.field], 'unknown_reference', unknownReferenceRule(d.key)),
      ),
    });
  }

  const changed = new Set<Field>();
  for (const key of TEXTS) if (current.metadata[key] !== metadata[key]) changed.add(key);
  if (!sameJson(current.metadata.expiry, metadata.expiry)) changed.add('expiry');
  if (!sameJson(current.levels, levels)) changed.add('levels');
  if (!sameJson(current.drawings, drawings)) changed.add('drawings');
  if (!sameJson(before, links)) changed.add('links');
  // Reported in the schema's own order of the names.
  return { doc, updatedFields: UpdatedField.options.filter((f) => changed.has(f)) };
}

// One issue per key and field, as the create check reports them.
function dedupe<T extends { field: string; key: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((d) => !seen.has(`${d.field}\u0000${d.key}`) && !!seen.add(`${d.field}\u0000${d.key}`));
}

function mergeLevels(
  current: StoredLevels,
  patch: UpdateAnalysisRequest['levels'],
  newId: () => string,
): StoredLevels {
  if (!patch) return current;
  const out: { -readonly [K in keyof StoredLevels]: StoredLevels[K] } = {};
  for (const name of LEVEL_NAMES) {
    const given = patch[name];
    const old = current[name];
    if (given === undefined) {
      if (old) out[name] = old;
    } else if (given !== null) {
      out[name] = storeLevel(given, old?.clientObjectId === given.clientObjectId ? old.id : newId());
    }
  }
  const violation = checkLevelOrder(out);
  if (violation) {
    const rule = `must be above ${violation.previous} (${out[violation.previous]!.price})`;
    throw new ApiError('level_order', undefined, {
      errors: [issue(['levels', violation.level, 'price'], 'level_order', rule)],
    });
  }
  return out;
}

function replaceDrawings(
  current: readonly StoredDrawing[],
  given: NonNullable<UpdateAnalysisRequest['drawings']>,
  newId: () => string,
): StoredDrawing[] {
  const ids = new Map(current.map((d) => [d.clientObjectId, d.id]));
  return given.map((d) => storeDrawing(d, ids.get(d.clientObjectId) ?? newId()));
}

// The body's own ids are unique (the schema checks that); here something the body sends may
// collide with a level or drawing the update keeps. The path names the part the body sent.
function checkUniqueAcross(doc: WireDocument, body: UpdateAnalysisRequest): void {
  const seen = new Map<string, { path: (string | number)[]; sent: boolean }>();
  const parts: { id: string; path: (string | number)[]; sent: boolean }[] = [];
  for (const name of LEVEL_NAMES) {
    const level = doc.levels[name];
    if (level)
      parts.push({
        id: level.clientObjectId,
        path: ['levels', name, 'clientObjectId'],
        sent: !!body.levels?.[name],
      });
  }
  doc.drawings.forEach((d, i) => {
    parts.push({
      id: d.clientObjectId,
      path: ['drawings', i, 'clientObjectId'],
      sent: body.drawings !== undefined,
    });
  });

  for (const part of parts) {
    const other = seen.get(part.id);
    if (!other) {
      seen.set(part.id, part);
      continue;
    }
    const path = part.sent || !other.sent ? part.path : other.path;
    throw duplicateIdError(path, part.id);
  }
}
