// Structure limits of a JSON body (spec §5.4), checked in one pass over the text before any
// full parse: nesting depth, number of values, and duplicate keys inside one object. A hostile
// 1 MiB body of tiny tokens costs JSON.parse hundreds of milliseconds and much memory; this scan
// stops at the first value over the limit, having allocated only the keys it has seen.
import { ApiError, issue } from './api-error';

/** Deepest nesting and most values (objects, arrays and scalars) a body may hold [ours]. */
export const JSON_LIMITS = { maxDepth: 32, maxValues: 100_000 } as const;

/** The limits of {@link checkJsonStructure}. */
export interface JsonLimits {
  readonly maxDepth: number;
  readonly maxValues: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
const isDelimiter = (c: number) =>
  c === COMMA ||
  c === COLON ||
  c === QUOTE ||
  c === OPEN_OBJECT ||
  c === CLOSE_OBJECT ||
  c === OPEN_ARRAY ||
  c === CLOSE_ARRAY ||
  isSpace(c);

/** Index of the quote that closes the string opening at `start`, or the text length. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const j = text.indexOf('"', i);
    if (j < 0) return text.length;
    // An odd run of backslashes before the quote escapes it.
    let k = j - 1;
    while (k > start && text.charCodeAt(k) === BACKSLASH) k--;
    if ((j - 1 - k) % 2 === 0) return j;
    i = j + 1;
  }
}

/**
 * Throws 400 `body_too_complex` when `text` nests deeper than maxDepth or holds more than
 * maxValues values, and 400 `duplicate_key` (with the object's path) when an object repeats a
 * key. Malformed JSON is left to JSON.parse, which reports it after this check.
 */
export function checkJsonStructure(text: string, limits: JsonLimits = JSON_LIMITS): void {
  // Per open container: its keys so far (objects) or null (arrays), and its place in the path.
  const keys: (Set<string> | null)[] = [];
  const path: (string | number)[] = [];
  let values = 0;
  let expectKey = false;
  const tooComplex = (rule: string) => new ApiError('body_too_complex', `Request body ${rule}`);
  const count = () => {
    if (++values > limits.maxValues) throw tooComplex(`holds more than ${limits.maxValues} JSON values`);
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === COLON) continue;
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      count();
      if (keys.length >= limits.maxDepth) throw tooComplex(`nests deeper than ${limits.maxDepth} levels`);
      const object = c === OPEN_OBJECT;
      keys.push(object ? new Set() : null);
      path.push(object ? '' : 0);
      expectKey = object;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      keys.pop();
      path.pop();
      expectKey = false;
    } else if (c === COMMA) {
      const top = keys.length - 1;
      if (top >= 0 && keys[top] === null) path[top] = (path[top] as number) + 1;
      expectKey = top >= 0 && keys[top] !== null;
    } else if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        let key = raw;
        // Escapes spell the same key several ways ("a" and "\u0061"): compare decoded keys.
        if (raw.includes('\\')) {
          try {
            key = JSON.parse(text.slice(i, end + 1)) as string;
          } catch {}
        }
        const top = keys.length - 1;
        const seen = keys[top]!;
        if (seen.has(key)) {
          throw new ApiError('duplicate_key', undefined, {
            errors: [
              issue(
                [...path.slice(0, top), key],
                'duplicate_key',
                `key "${key}" appears twice in one object`,
              ),
            ],
          });
        }
        seen.add(key);
        path[top] = key;
        expectKey = false;
      } else count();
      i = end;
    } else {
      // A number, true, false or null: one value up to the next delimiter.
      count();
      while (i + 1 < n && !isDelimiter(text.charCodeAt(i + 1))) i++;
    }
  }
}
