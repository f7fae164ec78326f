/**
 * Just enough XML for editing a package in place: escaping, attributes of one tag, and the child
 * elements of an element as spans of the original text. Edits splice text; everything not edited stays
 * byte for byte as the user's file had it (unknown elements, extensions, comments, prefixes).
 */

/** A part whose XML is not well formed enough to read (a file cut short, or damaged). */
export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' };

/** Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex -- the control characters are what is matched
const NOT_XML = /[\0-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c]!).replace(NOT_XML, '');
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => ATTR_ESCAPES[c]!).replace(NOT_XML, '');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entities and character references back to text. */
export function decodeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const code = e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Text without the characters XML cannot hold at all. */
export function stripNotXml(s: string): string {
  return s.replace(NOT_XML, '');
}

/** Excel keeps at most this many characters in a cell. */
export const MAX_CELL_TEXT = 32_767;

/** At most Excel's 32,767 characters, never cutting a surrogate pair in two. */
export function clampCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const cut = text.slice(0, MAX_CELL_TEXT);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Cell text as Excel stores it: control characters XML cannot hold, and CR (which XML readers fold into
 * LF), are written `_xHHHH_`; text that already looks like such an escape has its underscore escaped
 * (`_x005F_`), so it reads back as typed.
 */
export function encodeCellText(s: string): string {
  return escapeText(
    s.replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1')
      // eslint-disable-next-line no-control-regex -- the control characters are what is escaped
      .replace(/[\0-\x08\x0b\x0c\x0d\x0e-\x1f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`),
  );
}

/** The reverse of encodeCellText, after decodeXml. */
export function decodeCellText(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9a-fA-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Index just past the `>` of the tag starting at `at` (quotes respected); -1 when the text ends first. */
export function tagEnd(xml: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < xml.length; i++) {
    const c = xml[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i + 1;
  }
  return -1;
}

/** The qualified name of the tag starting at `at` ("x:row" for "<x:row r=…>"). */
export function tagName(xml: string, at: number): string {
  let i = at + 1;
  if (xml[i] === '/') i++;
  const start = i;
  while (i < xml.length && !/[\s/>]/.test(xml[i]!)) i++;
  return xml.slice(start, i);
}

export const localName = (qname: string): string => qname.slice(qname.indexOf(':') + 1);

/** Attributes of one start tag, by qualified name, values decoded. */
export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([^\s=/<>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  const nameEnd = tag.search(/[\s/>]/);
  re.lastIndex = nameEnd < 0 ? tag.length : nameEnd;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1]!, decodeXml(m[3] ?? m[4] ?? ''));
  return out;
}

const ATTRIBUTE_PATTERNS = new Map<string, RegExp>();

export function attribute(tag: string, name: string): string | undefined {
  let re = ATTRIBUTE_PATTERNS.get(name);
  if (!re) {
    re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
    ATTRIBUTE_PATTERNS.set(name, re);
  }
  const m = re.exec(tag);
  return m ? decodeXml(m[2] ?? m[3] ?? '') : undefined;
}

/** The start tag with `name` set to `value` (added before the tag's end when missing), or removed when value is null. */
export function withAttribute(tag: string, name: string, value: string | null): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  if (value === null) return tag.replace(re, '');
  const text = ` ${name}="${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, text);
  const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, close)}${text}${tag.slice(close)}`;
}

export interface ElementSpan {
  qname: string;
  local: string;
  /** Where the element starts and ends (exclusive) in the text it was found in. */
  start: number;
  end: number;
  /** The start tag itself ("<row r=\"2\">"). */
  tag: string;
  selfClosing: boolean;
  /** The content between the start and end tags (empty for a self-closing element). */
  innerStart: number;
  innerEnd: number;
}

/** An element's start tag as an opening tag: a self-closed `<x a="1"/>` becomes `<x a="1">`, to take content. */
export function openTag(e: Pick<ElementSpan, 'tag' | 'selfClosing'>): string {
  return e.selfClosing ? `${e.tag.slice(0, -2)}>` : e.tag;
}

/**
 * The elements directly inside [from, to) of `xml` (comments, processing instructions and text between
 * them skipped). Throws on text that is not well formed enough to find the ends.
 */
export function childElements(xml: string, from = 0, to = xml.length): ElementSpan[] {
  const out: ElementSpan[] = [];
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    if (xml.startsWith('<!--', lt)) { i = closeOf(xml, lt, '-->'); continue; }
    if (xml.startsWith('<![CDATA[', lt)) { i = closeOf(xml, lt, ']]>'); continue; }
    if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) { i = closeOf(xml, lt, '>'); continue; }
    if (xml[lt + 1] === '/') throw new XmlError(`unexpected end tag at ${lt}`);
    const el = elementAt(xml, lt);
    out.push(el);
    i = el.end;
  }
  return out;
}

function closeOf(xml: string, at: number, close: string): number {
  const e = xml.indexOf(close, at);
  if (e < 0) throw new XmlError('unterminated markup');
  return e + close.length;
}

/** The element whose start tag is at `at`, with its end found by counting nested tags of any name. */
export function elementAt(xml: string, at: number): ElementSpan {
  const qname = tagName(xml, at);
  const open = tagEnd(xml, at);
  if (open < 0) throw new XmlError('unterminated tag');
  const tag = xml.slice(at, open);
  if (tag.endsWith('/>')) {
    return { qname, local: localName(qname), start: at, end: open, tag, selfClosing: true, innerStart: open, innerEnd: open };
  }
  let depth = 1;
  let i = open;
  while (depth > 0) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) throw new XmlError(`element ${qname} is not closed`);
    if (xml.startsWith('<!--', lt)) { i = closeOf(xml, lt, '-->'); continue; }
    if (xml.startsWith('<![CDATA[', lt)) { i = closeOf(xml, lt, ']]>'); continue; }
    if (xml.startsWith('<?', lt)) { i = closeOf(xml, lt, '?>'); continue; }
    const e = tagEnd(xml, lt);
    if (e < 0) throw new XmlError('unterminated tag');
    if (xml[lt + 1] === '/') {
      depth--;
      if (depth === 0) {
        return { qname, local: localName(qname), start: at, end: e, tag, selfClosing: false, innerStart: open, innerEnd: lt };
      }
    } else if (xml[e - 2] !== '/') depth++;
    i = e;
  }
  throw new XmlError('unreachable');
}

/** The root element of a part (after the XML declaration and comments). */
export function rootElement(xml: string): ElementSpan {
  const [root] = childElements(xml);
  if (!root) throw new XmlError('no root element');
  return root;
}

/** The namespace prefix of a qualified name, with its colon ("x:" for "x:worksheet", "" for "worksheet"). */
export const prefixOf = (qname: string): string => qname.slice(0, qname.indexOf(':') + 1);

/** Text of every `<t>` inside an `<si>` or `<is>` (rich-text runs joined; phonetic guides `<rPh>` left out). */
export function stringItemText(xml: string, from: number, to: number): string {
  let out = '';
  let i = from;
  while (i < to) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= to) break;
    const name = localName(tagName(xml, lt));
    if (name === 'rPh' && xml[lt + 1] !== '/') {
      const el = elementAt(xml, lt);
      i = el.end;
      continue;
    }
    const e = tagEnd(xml, lt);
    if (e < 0) break;
    if (name === 't' && xml[lt + 1] !== '/' && xml[e - 2] !== '/') {
      const close = xml.indexOf('<', e);
      out += xml.slice(e, close < 0 ? to : close);
      i = close < 0 ? to : close;
      continue;
    }
    i = e;
  }
  return decodeCellText(decodeXml(out));
}

/**
 * An element of a worksheet's frame without the parts that point at relationships not in `kept`: a
 * child carrying such an r:id is dropped, an attribute (pageSetup's printer settings) is removed.
 */
export function dropRelationshipsNotIn(text: string, kept: ReadonlySet<string>): string {
  const relId = /\s[\w]+:id\s*=\s*["']([^"']*)["']/;
  const open = /^<[^>]*>/.exec(text)?.[0] ?? '';
  const own = relId.exec(open);
  if (own && !kept.has(own[1]!)) {
    // The element itself points away: a printer-settings reference is dropped, the element kept.
    if (/^<(?:\w+:)?pageSetup\b/.test(open)) return text.replace(relId, '');
    return '';
  }
  // Children that point away (a tablePart, a hyperlink, an oleObject…).
  return text.replace(/<((?:\w+:)?\w+)\b[^>]*?\s\w+:id\s*=\s*["']([^"']*)["'][^>]*?(?:\/>|>[\s\S]*?<\/\1>)/g, (m, _name: string, id: string) => (kept.has(id) ? m : ''));
}
