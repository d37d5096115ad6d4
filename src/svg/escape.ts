// Escaping for SVG output. Everything an author typed reaches the SVG only through these helpers,
// so no text can become markup, and no colour can become a URL or a style injection.

// XML 1.0 forbids C0 controls other than tab, LF and CR, lone surrogates and U+FFFE/U+FFFF: a
// document with them does not parse. Bidi overrides and isolates are dropped too, because they
// can make a label read differently from what it contains (spec §1.5 rejects them on input).
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uFFFE\uFFFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Removes characters that are not allowed in XML text or that reorder the display (bidi overrides). */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** Escapes `& < > " '` (after `cleanText`), safe for both element text and quoted attribute values. */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

/** Colours reach SVG attributes and canvases through core's `safeColor` (only `#hex` passes). */
export { safeColor } from '../core/style';

// The hundredths part of each number num writes, by its two digits: "", ".01" … ".1" … ".99"
// (pure: a bundle without num, such as the read-only view's, leaves the table out).
const HUNDREDTHS = /* @__PURE__ */ Array.from({ length: 100 }, (_, f) =>
  f === 0 ? '' : `.${f < 10 ? '0' : ''}${f % 10 === 0 ? f / 10 : f}`,
);

/** A number for an SVG attribute: at most 2 decimals, no `-0`, non-finite → 0, so output is stable. */
export function num(value: number): string {
  const n = Math.round(value * 100);
  // Hundredths below 1e15 in magnitude have at most 15 digits, so String(n / 100) prints exactly
  // n's digits with the point moved: written from the integer and a table of the two last digits,
  // which is several times faster and allocates one string less.
  if (n > -1e15 && n < 1e15) {
    const a = n < 0 ? -n : n;
    const f = a % 100;
    return (n < 0 ? '-' : '') + (a - f) / 100 + HUNDREDTHS[f];
  }
  return Number.isFinite(value) ? String(n / 100) : '0';
}

/** Keeps an id usable as an XML id: only letters, digits, `_` and `-`. */
export function safeId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 64);
}

/**
 * `markup`, flattened now. V8 keeps a concatenation as a rope, one node per piece, until it is
 * read; reading the first character here flattens it while its nodes are young, so one flat
 * string lives on in the document instead of dozens of nodes that the collector would copy and
 * promote (a 1,000-drawing SVG spent a third of its time in the collector). Throws unless the
 * markup opens with a tag.
 */
export function flatMarkup(markup: string): string {
  if (markup.charCodeAt(0) !== 60)
    throw new Error(`flatMarkup: markup opens with a tag, got ${markup.slice(0, 20)}`);
  return markup;
}
