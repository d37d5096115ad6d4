// JSON text kept with the object it was made from, so a detail serialised once for the response
// is not serialised again for its outbox row, nor a new document for its analyses row. Only for
// objects that are never mutated after their text is recorded (the routes build every document
// and detail as a new object); the PostgreSQL adapter does not read it and serialises as before.
const texts = new WeakMap<object, string>();

/** Records `text` (which must equal `JSON.stringify(value)`) as the JSON of `value`; returns `value`. */
export function withJsonText<T extends object>(value: T, text: string): T {
  texts.set(value, text);
  return value;
}

/** `JSON.stringify(value)`, or the text recorded for this very object by `withJsonText`. */
export function jsonText(value: unknown): string {
  return (typeof value === 'object' && value !== null && texts.get(value)) || JSON.stringify(value);
}

/**
 * `JSON.stringify(obj)` for a plain object (no toJSON) whose member `key` is already serialised
 * as `keyText`: the other members are serialised here, in the same order and with the same
 * omissions (undefined, functions) as JSON.stringify would.
 */
export function stringifyWith(obj: object, key: string, keyText: string): string {
  let out = '{';
  for (const [k, v] of Object.entries(obj)) {
    const text = k === key ? keyText : (JSON.stringify(v) as string | undefined);
    if (text === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${JSON.stringify(k)}:${text}`;
  }
  return `${out}}`;
}
