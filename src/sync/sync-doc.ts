// The part of an analysis that sync owns (metadata, levels, drawings) in one normalised wire form,
// so that the editor's state and the server's answer compare byte for byte, and the choice of
// request (append or PATCH) and its body follow from two documents.
import {
  type AnalysisMetadata as DomainMetadata,
  LEVEL_NAMES,
  type Levels as DomainLevels,
} from '../core/analysis';
import type { Drawing as DomainDrawing } from '../core/drawing';
import { metadataFromWire, metadataToWire, levelFromWire, levelToWire } from '../core/wire/analysis';
import { drawingFromWire, drawingToWire } from '../core/wire/drawing';
import type { Drawing } from '../schema/drawings/drawing';
import type { LevelEntry, Levels } from '../schema/levels';
import { MAX_APPEND } from '../schema/limits';
import type { AnalysisMetadata, MetadataPatch } from '../schema/metadata';
import type { AppendDrawingsRequest, CreateAnalysisRequest, UpdateAnalysisRequest } from '../schema/requests';
import type { AnalysisDetail } from '../schema/responses';

/** Metadata, levels and drawings in request form (no server ids, every default explicit). */
export interface SyncDoc {
  readonly metadata: AnalysisMetadata;
  readonly levels: Levels;
  readonly drawings: readonly Drawing[];
}

/** The document part of an editor state or of a domain analysis. */
export interface DomainDoc {
  readonly metadata: DomainMetadata;
  readonly levels: DomainLevels;
  readonly drawings: readonly DomainDrawing[];
}

// Editor drawings are immutable objects, so their wire form can be kept per object: a snapshot
// after one edit converts only the drawings that edit replaced.
const wireOf = new WeakMap<DomainDrawing, Drawing>();

function drawingWire(d: DomainDrawing): Drawing {
  let w = wireOf.get(d);
  // Stryker disable next-line ConditionalExpression: converting again on every call gives the same wire form, only slower
  if (!w) {
    w = drawingToWire({ ...d, persistedId: undefined }) as Drawing;
    wireOf.set(d, w);
  }
  return w;
}

/** Domain document → normalised wire document (persisted ids dropped). */
export function docFromDomain(d: DomainDoc): SyncDoc {
  const levels: { -readonly [K in keyof Levels]: LevelEntry } = {};
  for (const name of LEVEL_NAMES) {
    const level = d.levels[name];
    if (level) levels[name] = levelToWire({ ...level, persistedId: undefined }) as LevelEntry;
  }
  return {
    metadata: metadataToWire(d.metadata),
    levels,
    drawings: d.drawings.map(drawingWire),
  };
}

/** A server detail → normalised wire document (through the domain, so defaults match the editor's). */
export function docFromDetail(detail: AnalysisDetail): SyncDoc {
  return docFromDomain(domainFromDetail(detail));
}

/** A server detail → domain document with persisted ids kept. */
export function domainFromDetail(detail: AnalysisDetail): DomainDoc {
  const levels: { -readonly [K in keyof DomainLevels]: DomainLevels[K] } = {};
  for (const name of LEVEL_NAMES) {
    const entry = detail.levels[name];
    if (entry) levels[name] = levelFromWire(entry);
  }
  return {
    metadata: metadataFromWire(detail.metadata),
    levels,
    drawings: detail.drawings.map(drawingFromWire),
  };
}

/** Wire document → domain document. */
export function domainFromDoc(doc: SyncDoc): DomainDoc {
  const levels: { -readonly [K in keyof DomainLevels]: DomainLevels[K] } = {};
  for (const name of LEVEL_NAMES) {
    const entry = doc.levels[name];
    if (entry) levels[name] = levelFromWire(entry);
  }
  return { metadata: metadataFromWire(doc.metadata), levels, drawings: doc.drawings.map(drawingFromWire) };
}

/**
 * JSON with object keys sorted, so that equal values give equal text whatever their key order.
 * An empty `style` is left out: it says nothing, and records saved before the wire form dropped
 * it (they hold `style: {}`) must compare equal to today's documents.
 */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const o = v as Record<string, unknown>;
    if (key === 'style' && Object.keys(o).length === 0) return undefined;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, o[k]]),
    );
  });
}

/** True when two documents say the same thing. */
export function sameDoc(a: SyncDoc, b: SyncDoc): boolean {
  return canonical(a) === canonical(b);
}

/** What it takes to move the server from `base` to `desired`. */
export type Plan =
  | { readonly kind: 'none' }
  | { readonly kind: 'append'; readonly drawings: readonly Drawing[] }
  | { readonly kind: 'patch' };

/**
 * Append when the only difference is new drawings on top (in paint order, after every existing
 * one, unchanged); anything else is a PATCH of the whole set.
 */
export function planChange(base: SyncDoc, desired: SyncDoc): Plan {
  if (sameDoc(base, desired)) return { kind: 'none' };
  const n = base.drawings.length;
  const added = desired.drawings.length - n;
  if (added < 1 || added > MAX_APPEND) return { kind: 'patch' };
  if (canonical(base.metadata) !== canonical(desired.metadata)) return { kind: 'patch' };
  if (canonical(base.levels) !== canonical(desired.levels)) return { kind: 'patch' };
  for (let i = 0; i < n; i++) {
    if (canonical(base.drawings[i]) !== canonical(desired.drawings[i])) return { kind: 'patch' };
  }
  return { kind: 'append', drawings: desired.drawings.slice(n) };
}

/** Create body for a draft. */
export function createBody(sender: string, doc: SyncDoc, idempotencyKey: string): CreateAnalysisRequest {
  return {
    sender,
    metadata: doc.metadata,
    levels: doc.levels,
    drawings: [...doc.drawings],
    idempotencyKey,
  };
}

/** Append body for drawings added on top. */
export function appendBody(
  sender: string,
  drawings: readonly Drawing[],
  idempotencyKey: string,
): AppendDrawingsRequest {
  return { sender, drawings: [...drawings], idempotencyKey };
}

/**
 * PATCH body from `base` to `desired`: always the whole drawing set; metadata and levels only when
 * they differ, written out in full (null clears), so the body states the result, not a delta.
 */
export function patchBody(sender: string, base: SyncDoc, desired: SyncDoc): UpdateAnalysisRequest {
  const body: UpdateAnalysisRequest = { sender, drawings: [...desired.drawings] };
  if (canonical(base.metadata) !== canonical(desired.metadata)) {
    const m = desired.metadata;
    const metadata: MetadataPatch = {
      title: m.title,
      preferenceText: m.preferenceText ?? null,
      alternativeText: m.alternativeText ?? null,
      comments: m.comments ?? null,
      expiry: m.expiry ?? null,
    };
    body.metadata = metadata;
  }
  if (canonical(base.levels) !== canonical(desired.levels)) {
    body.levels = {
      support: desired.levels.support ?? null,
      pivot: desired.levels.pivot ?? null,
      resistance: desired.levels.resistance ?? null,
    };
  }
  return body;
}
