/**
 * A1 addresses: parsing, formatting, rectangles. Rows and columns are 0-based here; Excel's limits are
 * 1,048,576 rows × 16,384 columns (XFD).
 */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number; // inclusive
  c1: number; // inclusive
}

export interface ParsedAddress extends Rect {
  sheet?: string;
}

export function columnName(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d{1,7})$/;

interface Part {
  r?: number;
  c?: number;
}

function parsePart(s: string): Part | null {
  let m = CELL_RE.exec(s);
  if (m) {
    const c = columnIndex(m[1] as string);
    const r = Number(m[2]) - 1;
    if (c < 0 || c >= MAX_COLS || r < 0 || r >= MAX_ROWS) return null;
    return { r, c };
  }
  m = COL_RE.exec(s);
  if (m) {
    const c = columnIndex(m[1] as string);
    return c < 0 || c >= MAX_COLS ? null : { c };
  }
  m = ROW_RE.exec(s);
  if (m) {
    const r = Number(m[1]) - 1;
    return r < 0 || r >= MAX_ROWS ? null : { r };
  }
  return null;
}

/** Splits `Sheet1!A1`, `'My sheet'!A1:B2` into the sheet name (unquoted) and the rest. */
export function splitSheet(address: string): { sheet?: string; rest: string } {
  const s = address.trim();
  if (s.startsWith("'")) {
    let i = 1;
    let name = '';
    while (i < s.length) {
      const ch = s[i] as string;
      if (ch === "'") {
        if (s[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += ch;
      i++;
    }
    if (s[i + 1] === '!') return { sheet: name, rest: s.slice(i + 2) };
    return { rest: s };
  }
  const bang = s.lastIndexOf('!');
  if (bang > 0) return { sheet: s.slice(0, bang), rest: s.slice(bang + 1) };
  return { rest: s };
}

/** Parses one rectangular A1 address (no unions). Returns null when it is not a valid address. */
export function parseAddress(address: string): ParsedAddress | null {
  const { sheet, rest } = splitSheet(address);
  const pieces = rest.split(':');
  if (pieces.length < 1 || pieces.length > 2) return null;
  const a = parsePart(pieces[0] as string);
  const b = pieces.length === 2 ? parsePart(pieces[1] as string) : a;
  if (!a || !b) return null;
  let rect: Rect;
  if (a.r !== undefined && a.c !== undefined && b.r !== undefined && b.c !== undefined) {
    rect = { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  } else if (pieces.length === 2 && a.r === undefined && b.r === undefined && a.c !== undefined && b.c !== undefined) {
    rect = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  } else if (pieces.length === 2 && a.c === undefined && b.c === undefined && a.r !== undefined && b.r !== undefined) {
    rect = { c0: 0, c1: MAX_COLS - 1, r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r) };
  } else {
    return null;
  }
  return sheet === undefined ? rect : { ...rect, sheet };
}

/** Whether Excel would quote this sheet name in an address. */
export function needsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  // Names that read as a cell reference (A1, XFD100) or an R1C1 reference must be quoted.
  if (CELL_RE.test(name) || /^[Rr]\d*[Cc]?\d*$/.test(name)) return true;
  return false;
}

export function quoteSheet(name: string): string {
  return needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function cellAddress(r: number, c: number): string {
  return `${columnName(c)}${r + 1}`;
}

/** `A1`, `A1:C3`, `A:C` (whole columns), `2:5` (whole rows), as Excel prints them. */
export function rectAddress(rect: Rect): string {
  const wholeCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  if (wholeCols && !wholeRows) return `${columnName(rect.c0)}:${columnName(rect.c1)}`;
  if (wholeRows && !wholeCols) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return cellAddress(rect.r0, rect.c0);
  return `${cellAddress(rect.r0, rect.c0)}:${cellAddress(rect.r1, rect.c1)}`;
}

export function fullAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rectAddress(rect)}`;
}

export function rectRows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function rectCols(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

export function rectCells(rect: Rect): number {
  return rectRows(rect) * rectCols(rect);
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r0 = Math.max(a.r0, b.r0);
  const r1 = Math.min(a.r1, b.r1);
  const c0 = Math.max(a.c0, b.c0);
  const c1 = Math.min(a.c1, b.c1);
  return r0 <= r1 && c0 <= c1 ? { r0, r1, c0, c1 } : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

/** `a` minus `b`, as up to four rectangles. */
export function subtract(a: Rect, b: Rect): Rect[] {
  const x = intersect(a, b);
  if (!x) return [a];
  const out: Rect[] = [];
  if (a.r0 < x.r0) out.push({ r0: a.r0, r1: x.r0 - 1, c0: a.c0, c1: a.c1 });
  if (x.r1 < a.r1) out.push({ r0: x.r1 + 1, r1: a.r1, c0: a.c0, c1: a.c1 });
  if (a.c0 < x.c0) out.push({ r0: x.r0, r1: x.r1, c0: a.c0, c1: x.c0 - 1 });
  if (x.c1 < a.c1) out.push({ r0: x.r0, r1: x.r1, c0: x.c1 + 1, c1: a.c1 });
  return out;
}

export function inBounds(rect: Rect): boolean {
  return rect.r0 >= 0 && rect.c0 >= 0 && rect.r1 < MAX_ROWS && rect.c1 < MAX_COLS && rect.r0 <= rect.r1 && rect.c0 <= rect.c1;
}
