/**
 * What deleting whole rows does to A1 references, as Excel does it: rows below move up, ranges shrink,
 * a reference to nothing but deleted rows becomes #REF!. exceljs's spliceRows moves cell values only;
 * the adapter uses these to keep formulas, conditional formats, validations, merges and tables right.
 */
import { MAX_COLUMNS, columnIndex, columnLetter } from '../../core/grid/a1';
import { MAX_ROWS, type Box } from './box';

/** Sorted, distinct, 1-based sheet rows being deleted. */
export class DeletedRows {
  readonly rows: readonly number[];

  constructor(rows: Iterable<number>) {
    this.rows = [...new Set(rows)].filter((r) => Number.isInteger(r) && r >= 1).sort((a, b) => a - b);
  }

  /** How many deleted rows are above `row` (strictly, or including it). */
  countBelow(row: number, inclusive = false): number {
    let lo = 0;
    let hi = this.rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const r = this.rows[mid] as number;
      if (r < row || (inclusive && r === row)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Runs of consecutive rows, bottom run first: [start, count]. */
  runsBottomUp(): [number, number][] {
    const runs: [number, number][] = [];
    for (const r of this.rows) {
      const last = runs[runs.length - 1];
      if (last && last[0] + last[1] === r) last[1]++;
      else runs.push([r, 1]);
    }
    return runs.reverse();
  }

  /** Top and bottom after the deletion; null when every row of the span is deleted. */
  span(top: number, bottom: number): [number, number] | null {
    const newTop = top - this.countBelow(top);
    const newBottom = bottom === MAX_ROWS ? MAX_ROWS : bottom - this.countBelow(bottom, true);
    return newBottom < newTop ? null : [newTop, newBottom];
  }

  box(b: Box): Box | null {
    const s = this.span(b.top, b.bottom);
    return s ? { top: s[0], bottom: s[1], left: b.left, right: b.right } : null;
  }
}

export interface ShiftContext {
  /** The sheet whose rows are deleted. */
  sheet: string;
  deleted: DeletedRows;
  /** The sheet the formula lives on (unqualified references point there). */
  host: string;
  /**
   * For formulas relative to a range's top-left (conditional formats, validations): row-relative
   * references on the deleted sheet move by this much instead of following the deletion.
   */
  relativeDelta?: number;
}

/** A reference never follows one of these (a "!" without a sheet name before it ends an external "[1]Sheet!"). */
const ID_CHAR = /[\w.$!\u0080-\uffff]/;
const REF = new RegExp(
  String.raw`(?:('(?:[^']|'')+'|[A-Za-z_\u0080-\uffff][\w.\u0080-\uffff]*)!)?` +
    String.raw`(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})` +
    String.raw`(?![\w.(\[!\u0080-\uffff])`,
  'y',
);
const EXTERNAL_SHEET = /[\w.\u0080-\uffff]+!/y;
const WORD = /[\w.$\u0080-\uffff]+/y;
const ENDPOINT = /^(\$?[A-Za-z]{0,3})(\$?)(\d*)$/;

function sheetName(prefix: string): string {
  return prefix.startsWith("'") ? prefix.slice(1, -1).replace(/''/g, "'") : prefix;
}

function shiftRef(ref: string, ctx: ShiftContext): string {
  const parts = ref.split(':');
  const ends = parts.map((p) => ENDPOINT.exec(p));
  if (ends.some((e) => !e || e[3] === '')) return ref; // whole columns: rows do not matter
  const a = ends[0] as RegExpExecArray;
  const b = (ends[1] ?? a) as RegExpExecArray;
  const rowA = Number(a[3]);
  const rowB = Number(b[3]);
  const absA = a[2] === '$';
  const absB = b[2] === '$';
  let top: number;
  let bottom: number;
  if (ctx.relativeDelta !== undefined && !absA && !absB) {
    top = rowA + ctx.relativeDelta;
    bottom = rowB + ctx.relativeDelta;
  } else {
    const s = ctx.deleted.span(Math.min(rowA, rowB), Math.max(rowA, rowB));
    if (!s) return '#REF!';
    [top, bottom] = rowA <= rowB ? s : [s[1], s[0]];
    if (ctx.relativeDelta !== undefined) {
      // Mixed: the relative end follows the range's top-left, the absolute end follows the deletion.
      if (!absA) top = rowA + ctx.relativeDelta;
      if (!absB) bottom = rowB + ctx.relativeDelta;
    }
  }
  if (top < 1 || bottom < 1) return '#REF!';
  const out = `${a[1]}${a[2]}${top}`;
  return parts.length === 1 ? out : `${out}:${b[1]}${b[2]}${bottom}`;
}

/** A reference as found in a formula: its sheet (null when unqualified) and the A1 text after any "!". */
export interface FoundReference {
  sheet: string | null;
  ref: string;
}

/**
 * The formula (without "=") with every A1 reference replaced by what `replace` returns for it (its
 * text without the sheet prefix, which is kept). Strings, structured references and external
 * workbook references are copied as they are.
 */
export function mapReferences(formula: string, replace: (found: FoundReference) => string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i] as string;
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      // An external reference ("[1]Data!A7") names another workbook's sheet: copy its name too.
      EXTERNAL_SHEET.lastIndex = j + 1;
      const end = EXTERNAL_SHEET.exec(formula) ? EXTERNAL_SHEET.lastIndex : j + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '[') {
      // Structured references and external workbook indexes: copied as they are.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      EXTERNAL_SHEET.lastIndex = j + 1;
      const end = EXTERNAL_SHEET.exec(formula) ? EXTERNAL_SHEET.lastIndex : j + 1;
      out += formula.slice(i, end);
      i = end;
      continue;
    }
    const prev = i > 0 ? (formula[i - 1] as string) : '';
    if (prev === '' || !ID_CHAR.test(prev)) {
      REF.lastIndex = i;
      const m = REF.exec(formula);
      if (m) {
        const prefix = m[1];
        out += (prefix !== undefined ? `${prefix}!` : '') + replace({ sheet: prefix === undefined ? null : sheetName(prefix), ref: m[2] as string });
        i = REF.lastIndex;
        continue;
      }
      WORD.lastIndex = i;
      if (WORD.exec(formula) && WORD.lastIndex > i) {
        out += formula.slice(i, WORD.lastIndex);
        i = WORD.lastIndex;
        continue;
      }
    }
    out += ch;
    i++;
  }
  return out;
}

/** The formula (without "=") with its references to `ctx.sheet` adjusted for the deleted rows. */
export function shiftFormula(formula: string, ctx: ShiftContext): string {
  const target = ctx.sheet.toLowerCase();
  return mapReferences(formula, ({ sheet, ref }) => ((sheet ?? ctx.host).toLowerCase() === target ? shiftRef(ref, ctx) : ref));
}


function moveEnd(text: string, dRow: number, dCol: number): string | null {
  const m = ENDPOINT.exec(text);
  if (!m) return null;
  let col = m[1] as string;
  const colAbs = col.startsWith('$');
  let letters = colAbs ? col.slice(1) : col;
  if (letters !== '' && !colAbs && dCol !== 0) {
    const n = columnIndex(letters) + dCol;
    if (n < 0 || n >= MAX_COLUMNS) return null;
    letters = columnLetter(n);
    col = letters;
  }
  let row = m[3] as string;
  // "$5" in a rows-only reference ("$5:$9"): the "$" belongs to the row.
  const rowAbs = m[2] === '$' || (letters === '' && colAbs);
  if (row !== '' && !rowAbs && dRow !== 0) {
    const r = Number(row) + dRow;
    if (r < 1 || r > MAX_ROWS) return null;
    row = String(r);
  }
  return `${col}${m[2]}${row}`;
}

/**
 * A formula moved by (dRow, dCol), as Excel moves a shared formula from its first cell to the others:
 * relative rows and columns follow, $-anchored ones stay; a reference pushed off the sheet is #REF!.
 */
export function translateFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return mapReferences(formula, ({ ref }) => {
    const ends = ref.split(':').map((p) => moveEnd(p, dRow, dCol));
    return ends.some((e) => e === null) ? '#REF!' : ends.join(':');
  });
}
