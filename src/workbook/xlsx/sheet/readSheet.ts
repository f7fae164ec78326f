/**
 * Reading a worksheet part in one streamed pass: its frame (what surrounds the rows), how much of it
 * holds values, and — when asked — the values themselves, one column's formulas, or a few areas. Rows
 * are read sparsely: an empty row costs nothing, and a row is only as long as its last value, so a
 * stray value at XFD1048576 does not make a million-by-16,384 grid.
 */
import { rowValues, type ValueContext } from './cellValues';
import { sheetPieces } from './sheetStream';
import { SheetFrame } from './sheetFrame';
import { cellContent, cellSpans, rowNumber } from './rowXml';
import { translateFormula } from '../rowShift';
import { parseBox, type Box } from '../box';

export interface SheetScan {
  frame: SheetFrame;
  /** Rows and columns up to the last cell holding a value (0 and 0 for an empty sheet). */
  usedRows: number;
  usedColumns: number;
  /** The last <row> element's number, values or not (new rows go after it). */
  lastRow: number;
  /** The value of A1 (null when empty). */
  a1: unknown;
  /** Ranges of array formulas (dynamic-array spills included): a write into one would break it. */
  arrays: Box[];
}

export interface ReadRequest {
  /** Fill `values` with every row's values (rows are 0-based sheet rows, each as long as its last value). */
  values?: unknown[][];
  /** Visit each cell's value (used by readAreas). */
  onCell?: (row: number, col: number, value: unknown) => void;
  /** Rows (1-based, inclusive) the visitor wants; others are skipped quickly. */
  rowRange?: { from: number; to: number };
  /** Stop reading after `rowRange` (the scan returned is then partial: no tail, extents so far). */
  stopAfterRange?: boolean;
}

const ARRAY_FORMULA = /<(?:\w+:)?f\b[^>]*\bt\s*=\s*["']array["'][^>]*>/g;

export function readSheet(texts: Iterable<string>, ctx: ValueContext, request: ReadRequest = {}): SheetScan {
  let head = '';
  let tail = '';
  let prefix = '';
  let usedRows = 0;
  let usedColumns = 0;
  let lastRow = 0;
  let a1: unknown = null;
  const arrays: Box[] = [];
  const { values, onCell, rowRange } = request;
  for (const piece of sheetPieces(texts)) {
    if (piece.kind === 'head') {
      head = piece.xml;
      prefix = piece.prefix;
      continue;
    }
    if (piece.kind === 'tail') {
      tail = piece.xml;
      continue;
    }
    const r = rowNumber(piece.xml, lastRow + 1);
    if (request.stopAfterRange && rowRange && r > rowRange.to) break;
    lastRow = r;
    if (piece.xml.indexOf('t="array"') >= 0 || piece.xml.indexOf("t='array'") >= 0) {
      for (const m of piece.xml.matchAll(ARRAY_FORMULA)) {
        const ref = /\bref\s*=\s*["']([^"']+)["']/.exec(m[0]);
        const box = ref ? parseBox(ref[1]!) : null;
        if (box) arrays.push(box);
      }
    }
    const wanted = !rowRange || (r >= rowRange.from && r <= rowRange.to);
    let row: unknown[] | null = null;
    rowValues(piece.xml, prefix, ctx, (col, value) => {
      if (col + 1 > usedColumns) usedColumns = col + 1;
      usedRows = r;
      if (r === 1 && col === 0) a1 = value;
      if (!wanted) return;
      if (values) {
        row ??= [];
        while (row.length < col) row.push(null);
        row[col] = value;
      }
      onCell?.(r, col, value);
    });
    if (values && row) {
      while (values.length < r - 1) values.push([]);
      values[r - 1] = row;
    }
  }
  const frame = new SheetFrame(head, tail, prefix);
  if (values) {
    values.length = Math.min(values.length, usedRows);
    blankMergedFollowers(values, frame.merges());
  }
  return { frame, usedRows, usedColumns, lastRow, a1, arrays };
}

/** Excel reads a merged area's cells other than its top-left as empty, whatever the file holds there. */
function blankMergedFollowers(values: unknown[][], merges: readonly Box[]): void {
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, values.length); r++) {
      const row = values[r - 1];
      if (!row) continue;
      for (let c = m.left; c <= Math.min(m.right, row.length); c++) {
        if (r === m.top && c === m.left) continue;
        row[c - 1] = null;
      }
    }
  }
}

/**
 * One column's formulas ("=…", shared formulas written out for their cell) or values where a cell has
 * no formula ('' where empty), rows [fromRow, toRow] 1-based inclusive.
 */
export function readColumnFormulas(texts: Iterable<string>, ctx: ValueContext, col: number, fromRow: number, toRow: number): unknown[] {
  const out: unknown[] = new Array<unknown>(Math.max(0, toRow - fromRow + 1)).fill('');
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let prefix = '';
  let head = '';
  let last = 0;
  let merges: Box[] = [];
  for (const piece of sheetPieces(texts)) {
    if (piece.kind === 'head') {
      prefix = piece.prefix;
      head = piece.xml;
      continue;
    }
    if (piece.kind === 'tail') {
      merges = new SheetFrame(head, piece.xml, prefix).merges();
      continue;
    }
    const r = rowNumber(piece.xml, last + 1);
    last = r;
    const hasShared = piece.xml.includes('shared');
    if (r > toRow && !hasShared) continue;
    for (const span of cellSpans(piece.xml, prefix)) {
      const inRange = r >= fromRow && r <= toRow && span.col === col;
      if (!inRange && !hasShared) continue;
      const content = cellContent(piece.xml, span);
      const f = content.formula;
      if (f && f.type === 'shared' && f.si !== undefined && f.text !== '') masters.set(f.si, { text: f.text, row: r, col: span.col });
      if (!inRange) continue;
      if (f) {
        let text = f.text;
        if (f.type === 'shared' && text === '' && f.si !== undefined) {
          const m = masters.get(f.si);
          if (m) text = translateFormula(m.text, r - m.row, span.col - m.col);
        }
        if (text !== '') {
          out[r - fromRow] = `=${text}`;
          continue;
        }
      }
      let value: unknown = '';
      rowValues(`<row>${piece.xml.slice(span.start, span.end)}</row>`, prefix, ctx, (_c, v) => { value = v; });
      out[r - fromRow] = value;
    }
  }
  for (const m of merges) {
    if (col + 1 < m.left || col + 1 > m.right) continue;
    for (let r = Math.max(m.top, fromRow); r <= Math.min(m.bottom, toRow); r++) if (!(r === m.top && col + 1 === m.left)) out[r - fromRow] = '';
  }
  return out;
}
