// `[[key:label]]` references inside analysis text fields (spec §3.11). Clients render the tokens
// as plain text plus a highlight of the target, never as HTML, so parsing stops at tokens.
import type { DrawingKind } from './drawing';
import { LEVEL_NAMES, type LevelName, type Levels } from './analysis';

const ID_CHAR = '[A-Za-z0-9_-]';
/** Longest clientObjectId in characters (spec §1.4). */
export const CLIENT_OBJECT_ID_MAX = 64;
/** The clientObjectId character set alone, for checks that report length separately (the schema). */
export const CLIENT_OBJECT_ID_CHARSET = new RegExp(`^${ID_CHAR}*$`);
/** A clientObjectId: 1–64 characters from `A–Z a–z 0–9 _ -` (spec §1.4). */
export const CLIENT_OBJECT_ID_PATTERN = new RegExp(`^${ID_CHAR}{1,${CLIENT_OBJECT_ID_MAX}}$`);
/** Longest visible label of a reference, in characters (code points). */
export const REFERENCE_LABEL_MAX = 100;

// Labels are counted in code points (the `u` flag), so an emoji is one character, not two.
const REFERENCE = new RegExp(
  `\\[\\[(${ID_CHAR}{1,${CLIENT_OBJECT_ID_MAX}}):([^\\[\\]]{1,${REFERENCE_LABEL_MAX}})\\]\\]`,
  'gu',
);

/** A piece of a parsed text field: plain text, or a reference with its UTF-16 offsets in the text. */
export type ReferenceToken =
  | { readonly type: 'text'; readonly text: string }
  | {
      readonly type: 'ref';
      readonly key: string;
      readonly label: string;
      /** Offset of the first `[` of `[[key:label]]`. */
      readonly start: number;
      /** Offset just after the last `]`. */
      readonly end: number;
    };

/** What a reference points at, or null when its key names nothing in the analysis. */
export type ReferenceTarget =
  | { readonly type: 'DRAWING'; readonly id: string; readonly kind: DrawingKind }
  | { readonly type: 'LEVEL'; readonly name: LevelName }
  | null;

/** A reference with its target looked up. */
export interface ResolvedReference {
  readonly key: string;
  readonly label: string;
  readonly target: ReferenceTarget;
}

/** The parts of an analysis that references can point at. */
export interface ReferenceScope {
  readonly drawings: readonly { readonly id: string; readonly kind: DrawingKind }[];
  readonly levels: Levels;
}

/** Splits text into text and reference tokens; malformed references stay text, adjacent text is merged. */
export function parseReferences(text: string): ReferenceToken[] {
  const tokens: ReferenceToken[] = [];
  let last = 0;
  for (const m of text.matchAll(REFERENCE)) {
    const start = m.index;
    if (start > last) tokens.push({ type: 'text', text: text.slice(last, start) });
    const end = start + m[0].length;
    tokens.push({ type: 'ref', key: m[1]!, label: m[2]!, start, end });
    last = end;
  }
  if (last < text.length) tokens.push({ type: 'text', text: text.slice(last) });
  return tokens;
}

/** The keys of every well-formed reference in text, in text order (repeats kept). */
export function referenceKeys(text: string): string[] {
  const keys: string[] = [];
  for (const t of parseReferences(text)) if (t.type === 'ref') keys.push(t.key);
  return keys;
}

/** Looks up each reference token's key among the drawings, then the levels, of the scope. */
export function resolveReferences(
  tokens: readonly ReferenceToken[],
  scope: ReferenceScope,
): ResolvedReference[] {
  const drawings = new Map(scope.drawings.map((d) => [d.id, d]));
  const levels = new Map<string, LevelName>();
  for (const name of LEVEL_NAMES) {
    const level = scope.levels[name];
    if (level) levels.set(level.id, name);
  }
  const out: ResolvedReference[] = [];
  for (const t of tokens) {
    if (t.type !== 'ref') continue;
    const drawing = drawings.get(t.key);
    const level = levels.get(t.key);
    const target: ReferenceTarget = drawing
      ? { type: 'DRAWING', id: drawing.id, kind: drawing.kind }
      : level
        ? { type: 'LEVEL', name: level }
        : null;
    out.push({ key: t.key, label: t.label, target });
  }
  return out;
}
