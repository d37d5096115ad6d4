// A tiny strict XML parser for tests: elements, double- or single-quoted attributes, text and the
// five predefined entities plus numeric ones. It throws on anything a browser's XML parser would
// reject that our renderer could plausibly produce (mismatched tags, raw `<` or `&`, duplicate
// attributes, control characters), so a passing parse means well-formed output.

export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly (XmlElement | string)[];
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.-]*/y;
const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to reject them
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

function decode(raw: string, at: number): string {
  if (INVALID_CHAR.test(raw)) throw new Error(`xml: control character near ${at}`);
  return raw.replace(/&([^;]*);|&/g, (m, body: string | undefined) => {
    if (body === undefined) throw new Error(`xml: bare & near ${at}`);
    if (body in ENTITY) return ENTITY[body]!;
    const n = /^#x([0-9a-fA-F]+)$/.exec(body) ?? /^#([0-9]+)$/.exec(body);
    if (!n) throw new Error(`xml: unknown entity ${m} near ${at}`);
    return String.fromCodePoint(Number.parseInt(n[1]!, body.startsWith('#x') ? 16 : 10));
  });
}

/** Parses one XML document (an optional XML declaration, then one root element). */
export function parseXml(text: string): XmlElement {
  let i = 0;
  const readName = (): string => {
    NAME.lastIndex = i;
    const m = NAME.exec(text);
    if (!m) throw new Error(`xml: name expected at ${i}`);
    i += m[0].length;
    return m[0];
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const element = (): XmlElement => {
    if (text[i] !== '<') throw new Error(`xml: < expected at ${i}`);
    i++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (text.startsWith('/>', i)) {
        i += 2;
        return { name, attrs, children: [] };
      }
      if (text[i] === '>') {
        i++;
        break;
      }
      const attr = readName();
      if (attr in attrs) throw new Error(`xml: duplicate attribute ${attr} at ${i}`);
      skipSpace();
      if (text[i] !== '=') throw new Error(`xml: = expected at ${i}`);
      i++;
      skipSpace();
      const q = text[i];
      if (q !== '"' && q !== "'") throw new Error(`xml: quote expected at ${i}`);
      const end = text.indexOf(q, i + 1);
      if (end < 0) throw new Error(`xml: unterminated attribute at ${i}`);
      const raw = text.slice(i + 1, end);
      if (raw.includes('<')) throw new Error(`xml: < in attribute at ${i}`);
      attrs[attr] = decode(raw, i);
      i = end + 1;
    }
    const children: (XmlElement | string)[] = [];
    for (;;) {
      if (i >= text.length) throw new Error(`xml: <${name}> not closed`);
      if (text.startsWith('</', i)) {
        i += 2;
        const close = readName();
        if (close !== name) throw new Error(`xml: </${close}> closes <${name}> at ${i}`);
        skipSpace();
        if (text[i] !== '>') throw new Error(`xml: > expected at ${i}`);
        i++;
        return { name, attrs, children };
      }
      if (text.startsWith('<!--', i) || text.startsWith('<!', i) || text.startsWith('<?', i))
        throw new Error(`xml: unexpected markup declaration at ${i}`);
      if (text[i] === '<') children.push(element());
      else {
        const next = text.indexOf('<', i);
        const end = next < 0 ? text.length : next;
        const raw = text.slice(i, end);
        if (raw.includes('>') && raw.includes(']]>')) throw new Error(`xml: ]]> in text at ${i}`);
        children.push(decode(raw, i));
        i = end;
      }
    }
  };
  if (text.startsWith('<?xml')) {
    const end = text.indexOf('?>');
    if (end < 0) throw new Error('xml: unterminated declaration');
    i = end + 2;
  }
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== text.length) throw new Error(`xml: content after the root element at ${i}`);
  return root;
}

/** Every element in document order (the root first). */
export function allElements(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [root];
  for (const c of root.children) if (typeof c !== 'string') out.push(...allElements(c));
  return out;
}

/** The concatenated text inside an element. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** Elements matching a name and, optionally, attribute values. */
export function findAll(root: XmlElement, name: string, attrs: Record<string, string> = {}): XmlElement[] {
  return allElements(root).filter(
    (e) => e.name === name && Object.entries(attrs).every(([k, v]) => e.attrs[k] === v),
  );
}
