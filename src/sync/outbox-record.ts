// Pure transitions of an outbox record: record an edit, freeze the next request, confirm it.
// The engine does the I/O; everything that decides what is sent lives here, easy to test.
import type { AnalysisDetail } from '../schema/responses';
import type { InFlight, OutboxRecord } from './outbox';
import { OUTBOX_SCHEMA_VERSION } from './outbox-types';
import { NOTHING_TOUCHED, rebase, renameTouched, type Touched, unionTouched } from './rebase';
import {
  appendBody,
  createBody,
  docFromDetail,
  patchBody,
  planChange,
  sameDoc,
  type SyncDoc,
} from './sync-doc';

/** A record for a new draft (no analysis yet) or for an opened analysis. */
export function newRecord(
  communityId: string,
  channelId: string,
  keyPrefix: string,
  saved?: { readonly analysisId: string; readonly version: number; readonly doc: SyncDoc },
): OutboxRecord {
  return {
    schemaVersion: OUTBOX_SCHEMA_VERSION,
    communityId,
    channelId,
    analysisId: saved?.analysisId ?? null,
    keyPrefix,
    base: saved ? { version: saved.version, doc: saved.doc } : null,
    entries: [],
    desired: null,
    inFlight: null,
    sent: [],
    known: [],
    nextSeq: 1,
  };
}

/** Remembers the drawings a request introduces, before it is sent. */
function withSent(record: OutboxRecord, flight: InFlight): OutboxRecord {
  const known = new Set((record.base?.doc.drawings ?? []).map((d) => d.clientObjectId));
  const fresh = flight.doc.drawings.filter((d) => !known.has(d.clientObjectId));
  return { ...record, inFlight: flight, sent: [...record.sent, ...fresh] };
}

/** Appends one local edit: what it touched and the editor's document after it. */
export function addEntry(record: OutboxRecord, touched: Touched, doc: SyncDoc): OutboxRecord {
  return {
    ...record,
    entries: [...record.entries, { seq: record.nextSeq, touched }],
    desired: doc,
    nextSeq: record.nextSeq + 1,
  };
}

/** Everything the pending entries touched. */
export function pendingTouched(record: OutboxRecord): Touched {
  return record.entries.length ? unionTouched(...record.entries.map((e) => e.touched)) : NOTHING_TOUCHED;
}

/**
 * Every drawing id the record knows of — confirmed, sent, in flight, wanted or touched (a deleted
 * drawing's id stays touched until the server has confirmed the delete). A reopened editor reserves
 * them: a new drawing given one of them would be taken for that drawing by the server and by rebase.
 */
export function idsInRecord(record: OutboxRecord): string[] {
  const ids = new Set<string>(record.known);
  const docs = [record.base?.doc, record.inFlight?.doc, record.desired];
  for (const doc of docs) for (const d of doc?.drawings ?? []) ids.add(d.clientObjectId);
  for (const d of record.sent) ids.add(d.clientObjectId);
  for (const e of record.entries) for (const id of e.touched.drawings) ids.add(id);
  return [...ids];
}

/** The create idempotency key of a draft: made with the draft, the same on every resend. */
export const createKeyOf = (record: OutboxRecord): string => `${record.keyPrefix}-create`;

/**
 * Freezes the request that moves the server to `desired`: a Create for a draft, else an append
 * or a PATCH. Returns the record unchanged and null when nothing is pending; drops entries whose
 * edits cancelled out.
 */
export function prepareFlight(
  record: OutboxRecord,
  sender: string,
): { readonly record: OutboxRecord; readonly flight: InFlight | null } {
  if (record.inFlight) return { record, flight: record.inFlight };
  const last = record.entries.at(-1);
  const desired = record.desired;
  if (!last || !desired) return { record, flight: null };
  const upTo = last.seq;
  if (record.analysisId === null || record.base === null) {
    const flight: InFlight = {
      op: 'create',
      body: createBody(sender, desired, createKeyOf(record)),
      upTo,
      doc: desired,
    };
    return { record: withSent(record, flight), flight };
  }
  const plan = planChange(record.base.doc, desired);
  if (plan.kind === 'none') return { record: { ...record, entries: [], desired: null }, flight: null };
  if (plan.kind === 'append') {
    const key = `${record.keyPrefix}-a${record.nextSeq}`;
    const flight: InFlight = {
      op: 'append',
      body: appendBody(sender, plan.drawings, key),
      upTo,
      doc: desired,
    };
    return { record: { ...withSent(record, flight), nextSeq: record.nextSeq + 1 }, flight };
  }
  const flight: InFlight = {
    op: 'patch',
    body: patchBody(sender, record.base.doc, desired),
    ifMatch: record.base.version,
    upTo,
    doc: desired,
  };
  return { record: withSent(record, flight), flight };
}

/** What the server answered to a frozen request. */
export type FlightAnswer =
  | { readonly op: 'create'; readonly detail: AnalysisDetail; readonly replayed: boolean }
  | { readonly op: 'append' | 'patch'; readonly version: number; readonly replayed: boolean };

/**
 * Confirms the frozen request: the base moves to what was sent, the entries it covered go.
 * `stale` is true when the server may hold changes this client has not seen (a replay, or a
 * version that jumped by more than one), so the engine must fetch before the next PATCH.
 */
export function ackFlight(
  record: OutboxRecord,
  answer: FlightAnswer,
): { readonly record: OutboxRecord; readonly stale: boolean } {
  const flight = record.inFlight;
  if (!flight) throw new Error('ackFlight: no request in flight');
  const entries = record.entries.filter((e) => e.seq > flight.upTo);
  // Once confirmed, what it sent is in the base; other unconfirmed sends were refused ones.
  const rest = { entries, desired: entries.length ? record.desired : null, inFlight: null, sent: [] };
  if (answer.op === 'create') {
    const d = answer.detail;
    const base = { version: d.version, doc: docFromDetail(d) };
    return { record: { ...record, ...rest, analysisId: d.id, base }, stale: answer.replayed };
  }
  // Stryker disable next-line OptionalChaining: prepareFlight freezes an append or a PATCH only over a base
  const expected = (record.base?.version ?? 0) + 1;
  const base = { version: answer.version, doc: flight.doc };
  return { record: { ...record, ...rest, base }, stale: answer.replayed || answer.version !== expected };
}

/** A merge's record, the document the editor must show, and the local drawings renamed because another client took their ids. */
export interface MergeResult {
  readonly record: OutboxRecord;
  readonly doc: SyncDoc;
  readonly renamed: ReadonlyMap<string, string>;
}

const NO_RENAMES: ReadonlyMap<string, string> = new Map();

/**
 * Takes in the server's document at `version`: pending local work (`local`, what the editor shows)
 * is rebased on it. With a request still in flight the base stays until that request is answered.
 * Returns the new record and the document the editor must show.
 */
export function mergeServer(
  record: OutboxRecord,
  server: SyncDoc,
  version: number,
  local: SyncDoc,
): MergeResult {
  const base = { version, doc: server };
  if (record.entries.length === 0 && !record.inFlight) {
    return {
      record: { ...record, base, desired: null, sent: [], known: [] },
      doc: server,
      renamed: NO_RENAMES,
    };
  }
  const inBase = new Set((record.base?.doc.drawings ?? []).map((d) => d.clientObjectId));
  // The new drawings of the request still on the wire: whether the server's copies are ours waits for its answer.
  const unanswered = (record.inFlight?.doc.drawings ?? [])
    .map((d) => d.clientObjectId)
    .filter((id) => !inBase.has(id));
  const { doc, renamed } = rebase(
    server,
    local,
    pendingTouched(record),
    record.base?.doc ?? null,
    record.sent,
    record.known,
    unanswered,
  );
  const entries = record.entries.map((e) => ({ ...e, touched: renameTouched(e.touched, renamed) }));
  if (record.inFlight) {
    // The base waits for the answer, but what the server showed is known from now on: a local edit
    // of one of its drawings is an edit, not a new drawing that happens to share its id. Not the
    // request's own new drawings: if it is refused, the server's copy is another client's.
    const waiting = new Set(unanswered);
    const seen = server.drawings
      .map((d) => d.clientObjectId)
      .filter((id) => !inBase.has(id) && !waiting.has(id));
    const known = [...new Set([...record.known, ...seen])];
    return { record: { ...record, entries, desired: entries.length ? doc : null, known }, doc, renamed };
  }
  const clean = sameDoc(doc, server);
  return {
    record: {
      ...record,
      base,
      entries: clean ? [] : entries,
      desired: clean ? null : doc,
      sent: [],
      known: [],
    },
    doc,
    renamed,
  };
}

/**
 * The record for an analysis being opened: the saved one with its pending work rebased on the
 * server's detail, or a fresh one (keeping the saved key prefix and counter, so keys never repeat).
 */
export function openRecord(
  saved: OutboxRecord | undefined,
  detail: AnalysisDetail,
  communityId: string,
  channelId: string,
  keyPrefix: () => string,
): MergeResult {
  const server = docFromDetail(detail);
  if (!saved || (saved.entries.length === 0 && !saved.inFlight)) {
    const base = { analysisId: detail.id, version: detail.version, doc: server };
    const fresh = newRecord(communityId, channelId, saved?.keyPrefix ?? keyPrefix(), base);
    return { record: { ...fresh, nextSeq: saved?.nextSeq ?? 1 }, doc: server, renamed: NO_RENAMES };
  }
  const local = saved.desired ?? saved.inFlight?.doc ?? server;
  return mergeServer(saved, server, detail.version, local);
}
