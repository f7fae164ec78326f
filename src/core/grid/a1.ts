/**
 * A1 addresses on Excel's grid, 0-based: column letters, cells, rectangles, sheet prefixes. The one
 * conversion every layer uses (engine, adapters, simulator, playground), so "A:C" or "'My sheet'!B2"
 * means the same rectangle everywhere. Nothing but rect.ts: the pane's first load uses it too.
 */
import { MAX_COLUMNS, MAX_ROWS, type Rect } from './rect';

export { MAX_COLUMNS, MAX_ROWS };

/** Excel column letters for a 0-based index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index for Excel column letters (A → 0, aa → 26); -1 when the text holds anything but letters A–Z. */
export function columnIndex(letters: string): number {
  if (letters === '') return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** "B3" for row 2, column 1. */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

/** "B2:D9" for a block of `rows` × `cols` cells whose top-left is (row, col); "B2" for one cell. */
export function blockAddress(row: number, col: number, rows: number, cols: number): string {
  const a = cellAddress(row, col);
  if (rows === 1 && cols === 1) return a;
  return `${a}:${cellAddress(row + rows - 1, col + cols - 1)}`;
}

/** `A1`, `A1:C3`, `A:C` (whole columns), `2:5` (whole rows), as Excel prints them. */
export function rangeAddress(rect: Rect): string {
  const wholeCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  const wholeRows = rect.c0 === 0 && rect.c1 === MAX_COLUMNS - 1;
  if (wholeCols && !wholeRows) return `${columnLetter(rect.c0)}:${columnLetter(rect.c1)}`;
  if (wholeRows && !wholeCols) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return cellAddress(rect.r0, rect.c0);
  return `${cellAddress(rect.r0, rect.c0)}:${cellAddress(rect.r1, rect.c1)}`;
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
    const c = columnIndex(m[1]!);
    const r = Number(m[2]) - 1;
    return c < 0 || c >= MAX_COLUMNS || r < 0 || r >= MAX_ROWS ? null : { r, c };
  }
  m = COL_RE.exec(s);
  if (m) {
    const c = columnIndex(m[1]!);
    return c < 0 || c >= MAX_COLUMNS ? null : { c };
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
      const ch = s[i]!;
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

/** The address without its sheet prefix ("'My sheet'!A1:B2" → "A1:B2"). */
export function stripSheet(address: string): string {
  return splitSheet(address).rest;
}

export interface ParsedRange extends Rect {
  sheet?: string;
}

/**
 * One rectangle: "A1", "$A$1:C9", "A:C" (whole columns), "2:5" (whole rows), with or without a sheet
 * prefix; corners in any order. Null when it is not one rectangle on the grid (unions, names, "A").
 */
export function parseRange(address: string): ParsedRange | null {
  const { sheet, rest } = splitSheet(address);
  const pieces = rest.trim().split(':');
  if (pieces.length < 1 || pieces.length > 2) return null;
  const a = parsePart(pieces[0]!);
  const b = pieces.length === 2 ? parsePart(pieces[1]!) : a;
  if (!a || !b) return null;
  let rect: Rect;
  if (a.r !== undefined && a.c !== undefined && b.r !== undefined && b.c !== undefined) {
    rect = { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  } else if (pieces.length === 2 && a.r === undefined && b.r === undefined && a.c !== undefined && b.c !== undefined) {
    rect = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  } else if (pieces.length === 2 && a.c === undefined && b.c === undefined && a.r !== undefined && b.r !== undefined) {
    rect = { r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r), c0: 0, c1: MAX_COLUMNS - 1 };
  } else {
    return null;
  }
  return sheet === undefined ? rect : { ...rect, sheet };
}

/** A space-separated list of ranges ("A1:A9 C1:C9"), as sqref and conditional-format refs are; the ones that parse. */
export function parseRanges(list: string): Rect[] {
  return list
    .trim()
    .split(/\s+/)
    .map(parseRange)
    .filter((r): r is ParsedRange => r !== null);
}

/**
 * Ranges separated by commas, as Excel reports a multi-area address ("H2:H9, 'My, sheet'!B2:C3"): the
 * rectangles that parse, sheet prefixes dropped. Commas inside a quoted sheet name do not split.
 */
export function parseRangeList(address: string): Rect[] {
  const pieces: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted; // '' inside a name toggles twice
    else if (ch === ',' && !quoted) {
      pieces.push(address.slice(start, i));
      start = i + 1;
    }
  }
  pieces.push(address.slice(start));
  return pieces.flatMap((piece) => {
    const r = piece.trim() === '' ? null : parseRange(piece);
    return r ? [{ r0: r.r0, c0: r.c0, r1: r.r1, c1: r.c1 }] : [];
  });
}

/** Whether Excel would quote this sheet name in an address. */
export function needsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  // Names that read as a cell reference (A1, XFD100) or an R1C1 reference must be quoted.
  return CELL_RE.test(name) || /^[Rr]\d*[Cc]?\d*$/.test(name);
}

export function quoteSheet(name: string): string {
  return needsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "'My sheet'!A1:C3". */
export function fullAddress(sheet: string, rect: Rect): string {
  return `${quoteSheet(sheet)}!${rangeAddress(rect)}`;
}
