// Structure limits of a JSON body (spec §5.4), checked in one pass over the text as it is read,
// before any full parse: nesting depth, number of values, and duplicate keys inside one object.
// A hostile 1 MiB body of tiny tokens costs JSON.parse hundreds of milliseconds and much memory;
// this scan stops at the first value over the limit, having allocated only the keys it has seen.
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

// What each ASCII character does to the scan: one table lookup per character instead of a chain
// of comparisons. Characters at or above 128 only occur inside strings (or malformed JSON,
// which JSON.parse reports after the scan) and count as scalar characters.
const SCALAR = 0;
const SKIP = 1; // whitespace and ':'
const OPEN = 2;
const CLOSE = 3;
const NEXT = 4; // ','
const STRING = 5;
const CLASS = new Uint8Array(128);
for (const c of [0x20, 0x0a, 0x0d, 0x09, COLON]) CLASS[c] = SKIP;
CLASS[OPEN_OBJECT] = OPEN;
CLASS[OPEN_ARRAY] = OPEN;
CLASS[CLOSE_OBJECT] = CLOSE;
CLASS[CLOSE_ARRAY] = CLOSE;
CLASS[COMMA] = NEXT;
CLASS[QUOTE] = STRING;
const classOf = (c: number) => (c < 128 ? CLASS[c]! : SCALAR);

// An object's keys are kept in an array while it has few (a linear search beats a Set there, and
// most objects of a body have a handful), then in a Set.
const FEW_KEYS = 16;

const tooComplex = (rule: string) => new ApiError('body_too_complex', `Request body ${rule}`);

// What a counting scan keeps for an object: no keys, only that the container is one (a
// counting scan never adds to it).
const COUNTED: string[] = [];

/**
 * The structure scan, fed the body's text piece by piece as it arrives (spec §5.4: the limits are
 * checked while reading): a hostile body is refused at the first value over a limit, before the
 * rest of it is read, decoded or parsed. Throws 400 `body_too_complex` when the text nests deeper
 * than maxDepth or holds more than maxValues values, and 400 `duplicate_key` (with the object's
 * path) when an object repeats a key. Malformed JSON is left to JSON.parse, after the scan.
 */
export class JsonStructureScan {
  // Per open container: its keys so far (objects) or null (arrays), and its place in the path.
  private readonly keys: (string[] | Set<string> | null)[] = [];
  private readonly path: (string | number)[] = [];
  private values = 0;
  private expectKey = false;
  // A string, key or scalar that the previous piece ended inside of.
  private inString = false;
  private inKey = false;
  // In a string: the previous piece ended on an unpaired backslash (the next character is escaped).
  private escaped = false;
  private inScalar = false;
  private key = '';
  /** The object members (keys) seen so far; a counting scan checks nothing else about keys. */
  members = 0;

  /**
   * `keys: 'check'` (default) refuses a repeated key as it is read; `'count'` only counts the
   * members, allocating nothing per key — see `parseWhole` in body.ts, which compares that count
   * with the parsed value's.
   */
  constructor(
    private readonly limits: JsonLimits = JSON_LIMITS,
    private readonly keyMode: 'check' | 'count' = 'check',
  ) {}

  /** Scans the next piece of the text. */
  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.inString) i = this.continueString(text, 0);
    else if (this.inScalar) i = this.skipScalar(text, 0);
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      switch (classOf(c)) {
        case SKIP:
          break;
        case OPEN: {
          this.count();
          if (this.keys.length >= this.limits.maxDepth)
            throw tooComplex(`nests deeper than ${this.limits.maxDepth} levels`);
          const object = c === OPEN_OBJECT;
          this.keys.push(object ? (this.keyMode === 'count' ? COUNTED : []) : null);
          this.path.push(object ? '' : 0);
          this.expectKey = object;
          break;
        }
        case CLOSE:
          this.keys.pop();
          this.path.pop();
          this.expectKey = false;
          break;
        case NEXT: {
          const top = this.keys.length - 1;
          if (top >= 0 && this.keys[top] === null) this.path[top] = (this.path[top] as number) + 1;
          this.expectKey = top >= 0 && this.keys[top] !== null;
          break;
        }
        case STRING:
          this.inString = true;
          this.inKey = this.expectKey;
          this.key = '';
          if (!this.inKey) this.count();
          i = this.continueString(text, i + 1) - 1;
          break;
        default:
          // A number, true, false or null: one value up to the next delimiter.
          this.count();
          i = this.skipScalar(text, i + 1) - 1;
      }
    }
  }

  private count(): void {
    if (++this.values > this.limits.maxValues)
      throw tooComplex(`holds more than ${this.limits.maxValues} JSON values`);
  }

  /** Skips the rest of a scalar from `from`; returns the index of the delimiter after it. */
  private skipScalar(text: string, from: number): number {
    let i = from;
    while (i < text.length && classOf(text.charCodeAt(i)) === SCALAR) i++;
    this.inScalar = i === text.length;
    return i;
  }

  /** Reads a string from `from` to its closing quote; returns the index after that quote. */
  private continueString(text: string, from: number): number {
    const n = text.length;
    let i = from;
    for (;;) {
      const q = text.indexOf('"', i);
      const end = q < 0 ? n : q;
      // The backslashes right before `end`; when they reach back to `from`, an unpaired one
      // carried over from the previous piece comes before them.
      let k = end - 1;
      while (k >= i && text.charCodeAt(k) === BACKSLASH) k--;
      const run = end - 1 - k + (k < from && this.escaped ? 1 : 0);
      if (q < 0) {
        if (this.inKey && this.keyMode === 'check') this.key += text.slice(from, n);
        this.escaped = run % 2 === 1;
        return n;
      }
      this.escaped = false;
      if (run % 2 === 0) {
        if (this.inKey) {
          if (this.keyMode === 'check') this.endKey(this.key + text.slice(from, q));
          else this.expectKey = false;
          this.members++;
        }
        this.inString = false;
        return q + 1;
      }
      i = q + 1;
    }
  }

  private endKey(raw: string): void {
    let key = raw;
    // Escapes spell the same key several ways ("a" and "\u0061"): compare decoded keys.
    if (raw.includes('\\')) {
      try {
        key = JSON.parse(`"${raw}"`) as string;
      } catch {}
    }
    this.key = '';
    this.expectKey = false;
    const top = this.keys.length - 1;
    const seen = this.keys[top]!;
    if (Array.isArray(seen) ? seen.includes(key) : seen.has(key)) {
      throw new ApiError('duplicate_key', undefined, {
        errors: [
          issue(
            [...this.path.slice(0, top), key],
            'duplicate_key',
            `key "${key}" appears twice in one object`,
          ),
        ],
      });
    }
    if (!Array.isArray(seen)) seen.add(key);
    else if (seen.length < FEW_KEYS) seen.push(key);
    else this.keys[top] = new Set([...seen, key]);
    this.path[top] = key;
  }
}

/** The structure scan (JsonStructureScan) of a whole text at once. */
export function checkJsonStructure(text: string, limits: JsonLimits = JSON_LIMITS): void {
  new JsonStructureScan(limits).push(text);
}

/**
 * The members (own keys) of every object in a parsed JSON value. JSON.parse keeps the last of a
 * repeated key, so this is less than the text's member count exactly when some object of the
 * text repeats a key (the outermost such object survives the parse, one member short).
 */
export function countMembers(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let n = 0;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) n += countMembers(value[i]);
    return n;
  }
  const object = value as Record<string, unknown>;
  // for…in allocates nothing; hasOwn keeps an enumerable inherited key from being counted.
  for (const key in object) if (Object.hasOwn(object, key)) n += 1 + countMembers(object[key]);
  return n;
}
