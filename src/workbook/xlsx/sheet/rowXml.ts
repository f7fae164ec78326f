/**
 * One <row> element: its number, and its cells as spans of the original text (so a cell nobody
 * changes is copied as it is). Rows and cells may omit their `r` attribute; they then follow the one
 * before, as the file format says.
 */
import { XmlError, attribute, decodeXml, elementAt, localName, tagEnd, tagName } from '../xml/xml';

export interface CellSpan {
  /** 0-based column. */
  col: number;
  start: number;
  end: number;
  /** The start tag, e.g. `<c r="B2" s="3" t="s">`. */
  tag: string;
  innerStart: number;
  innerEnd: number;
}

/** "AB12" → column 27 (0-based), row 12; null when it is not a cell reference. */
export function parseCellRef(ref: string): { col: number; row: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
  }
  if (i === 0 || i === ref.length || i > 3) return null;
  const row = Number(ref.slice(i));
  if (!Number.isInteger(row) || row < 1) return null;
  return { col: col - 1, row };
}

/** The row's number from its start tag, or `fallback` when it has none. */
export function rowNumber(rowXml: string, fallback: number): number {
  const end = rowXml.indexOf('>');
  const r = attribute(rowXml.slice(0, end + 1), 'r');
  const n = r === undefined ? NaN : Number(r);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
}

/** The start tag of the row. */
export function rowTag(rowXml: string): string {
  return rowXml.slice(0, tagEnd(rowXml, 0));
}

/** The cells of a row, in their order in the text. */
export function cellSpans(rowXml: string, prefix: string): CellSpan[] {
  const out: CellSpan[] = [];
  const open = `<${prefix}c`;
  const first = tagEnd(rowXml, 0);
  if (rowXml.charCodeAt(first - 2) === 47) return out; // <row …/>
  let i = first;
  let col = -1;
  for (;;) {
    const lt = rowXml.indexOf(open, i);
    if (lt < 0) break;
    const next = rowXml.charCodeAt(lt + open.length);
    // "<c " or "<c>" or "<c/>", not "<cols" (never inside a row anyway) — and skip an <extLst>.
    if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) {
      i = lt + open.length;
      continue;
    }
    const tagClose = tagEnd(rowXml, lt);
    const tag = rowXml.slice(lt, tagClose);
    const ref = attribute(tag, 'r');
    const at = ref === undefined ? null : parseCellRef(ref);
    col = at ? at.col : col + 1;
    if (rowXml.charCodeAt(tagClose - 2) === 47) {
      out.push({ col, start: lt, end: tagClose, tag, innerStart: tagClose, innerEnd: tagClose });
      i = tagClose;
      continue;
    }
    const close = rowXml.indexOf(`</${prefix}c>`, tagClose);
    if (close < 0) throw new XmlError('a cell is not closed');
    out.push({ col, start: lt, end: close + prefix.length + 4, tag, innerStart: tagClose, innerEnd: close });
    i = close + prefix.length + 4;
  }
  return out;
}

export interface FormulaXml {
  /** The formula text without "=" (empty for a shared formula's follower). */
  text: string;
  type: string | undefined;
  /** Shared formulas: the group index and, on the group's first cell, the range it covers. */
  si: string | undefined;
  ref: string | undefined;
}

export interface CellContent {
  /** The t attribute: s, str, inlineStr, b, e, n, d (undefined = number). */
  type: string | undefined;
  style: number;
  formula: FormulaXml | null;
  /** Text of <v>, still XML-escaped; null when absent. */
  value: string | null;
  /** The <is> element's span (inline rich text), when there is one. */
  inline: { start: number; end: number } | null;
}

export function cellContent(rowXml: string, cell: CellSpan): CellContent {
  const type = attribute(cell.tag, 't');
  const s = attribute(cell.tag, 's');
  let formula: FormulaXml | null = null;
  let value: string | null = null;
  let inline: CellContent['inline'] = null;
  let i = cell.innerStart;
  while (i < cell.innerEnd) {
    const lt = rowXml.indexOf('<', i);
    if (lt < 0 || lt >= cell.innerEnd) break;
    const name = localName(tagName(rowXml, lt));
    const el = elementAt(rowXml, lt);
    if (name === 'f') {
      formula = {
        text: el.selfClosing ? '' : decodeXml(rowXml.slice(el.innerStart, el.innerEnd)),
        type: attribute(el.tag, 't'),
        si: attribute(el.tag, 'si'),
        ref: attribute(el.tag, 'ref'),
      };
    } else if (name === 'v') {
      value = el.selfClosing ? '' : rowXml.slice(el.innerStart, el.innerEnd);
    } else if (name === 'is') {
      inline = { start: el.innerStart, end: el.innerEnd };
    }
    i = el.end;
  }
  return { type, style: s === undefined ? 0 : Number(s), formula, value, inline };
}
