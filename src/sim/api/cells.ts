/**
 * A range's cells as the API layer reads and writes them, with no proxy class: what a write checks
 * (protection, shape, merged cells, references) and stores, and the colours Excel accepts. Every API
 * object that touches cells uses these, so none of them needs Range itself.
 */
import { rectCells, rectCols, rectRows, type Rect } from '../../core/grid/rect';
import { checkMergedWrite } from '../model/layout';
import { checkReferences } from '../model/references';
import { interpretInput, type Interpreted } from '../model/values';
import { ModelError, type SheetModel } from '../model/workbook';
import { MAX_READ_CELLS } from './base';

export interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

export function checkWritable(sheet: SheetModel): void {
  if (sheet.protection.protected) throw new ModelError('AccessDenied', `The worksheet "${sheet.name}" is protected.`);
}

/**
 * Values and formulas on a protected sheet go only into unlocked cells; one locked cell refuses the
 * whole write, as Excel does ("The cell or chart you're trying to change is on a protected sheet").
 */
export function checkCellsWritable(ref: RangeRef): void {
  const { sheet, rect } = ref;
  if (!sheet.protection.protected) return;
  for (let r = rect.r0; r <= rect.r1; r++) {
    for (let c = rect.c0; c <= rect.c1; c++) {
      if (sheet.format(r, c, 'locked') !== false) {
        throw new ModelError('AccessDenied', `The cell you're trying to change is on the protected sheet "${sheet.name}".`);
      }
    }
  }
}

export function checkReadable(ref: RangeRef): void {
  if (rectCells(ref.rect) > MAX_READ_CELLS) {
    throw new ModelError('RangeExceedsLimit', `The range has ${rectCells(ref.rect)} cells; reading is limited to ${MAX_READ_CELLS} cells.`);
  }
}

export function grid<V>(ref: RangeRef, f: (r: number, c: number) => V): V[][] {
  checkReadable(ref);
  const { r0, r1, c0, c1 } = ref.rect;
  const out: V[][] = [];
  for (let r = r0; r <= r1; r++) {
    const row: V[] = [];
    for (let c = c0; c <= c1; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

/** A 2-D input matching the range, or one value for every cell. */
export function cellInput(ref: RangeRef, input: unknown, what: string): (i: number, j: number) => unknown {
  if (!Array.isArray(input)) return () => input;
  const rows = rectRows(ref.rect);
  const cols = rectCols(ref.rect);
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    const got = `${input.length}×${Array.isArray(input[0]) ? (input[0] as unknown[]).length : '?'}`;
    throw new ModelError('InvalidArgument', `The number of rows or columns in the ${what} array (${got}) doesn't match the size of the range (${rows}×${cols}).`);
  }
  return (i, j) => (input[i] as unknown[])[j];
}

export function writeContents(ref: RangeRef, input: unknown, what: string): void {
  checkCellsWritable(ref);
  const at = cellInput(ref, input, what);
  const { r0, r1, c0, c1 } = ref.rect;
  // Interpret everything first: a value Excel rejects fails the whole operation.
  const out: Interpreted[] = [];
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      const v = interpretInput(at(r - r0, c - c0), ref.sheet.numberFormat(r, c));
      if (v.kind === 'formula' && v.ast) checkReferences(v.ast, ref.sheet, r, c);
      out.push(v);
    }
  }
  if (ref.sheet.merges.length > 0) {
    const width = c1 - c0 + 1;
    checkMergedWrite(ref.sheet, ref.rect, (r, c) => {
      const v = out[(r - r0) * width + (c - c0)] as Interpreted;
      return v.kind === 'formula' || (v.kind === 'value' && v.value !== null);
    });
  }
  let k = 0;
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) ref.sheet.store(r, c, out[k++] as Interpreted);
}

export function writeNumberFormat(ref: RangeRef, input: unknown): void {
  checkWritable(ref.sheet);
  if (!Array.isArray(input)) {
    if (input === null) return;
    ref.sheet.setFormat(ref.rect, 'numberFormat', String(input));
    return;
  }
  const at = cellInput(ref, input, 'numberFormat');
  const { r0, r1, c0, c1 } = ref.rect;
  for (let r = r0; r <= r1; r++)
    for (let c = c0; c <= c1; c++) {
      const v = at(r - r0, c - c0);
      if (v !== null && v !== undefined) ref.sheet.setFormatCell(r, c, 'numberFormat', String(v));
    }
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
  pink: '#FFC0CB',
  purple: '#800080',
};

export function normalizeColor(color: unknown): string {
  if (typeof color !== 'string') throw new ModelError('InvalidArgument', `"${String(color)}" is not a color`);
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  if (/^#[0-9a-f]{6}$/i.test(color)) return color.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(color)) return `#${color.slice(1).split('').map((h) => h + h).join('')}`.toUpperCase();
  throw new ModelError('InvalidArgument', `"${color}" is not a color Excel understands (use #RRGGBB or an HTML color name)`);
}
