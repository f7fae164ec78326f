/**
 * What formulas compute with, shared by the evaluator and the function table: values and ranges,
 * Excel's coercions and comparison, errors as signals. Neither of them is needed here, so the
 * function table does not depend on the evaluator that calls it.
 */
import { MAX_ROWS } from '../../core/grid/a1';
import type { Rect } from '../../core/grid/rect';
import { XlError, type Scalar, parseNumericText, type ErrorCode } from './values';
import type { SheetModel, WorkbookModel } from './workbook';

export interface RangeVal {
  kind: 'range';
  sheet: SheetModel;
  rect: Rect;
}
export type Val = Scalar | RangeVal;
export type Thunk = () => Val;

export interface EvalCtx {
  wb: WorkbookModel;
  sheet: SheetModel;
  /** The cell the formula is evaluated for (implicit intersection, [@Column]). */
  r: number;
  c: number;
  /** Shift applied to relative references (conditional-format and validation formulas). */
  dr: number;
  dc: number;
}

/** Thrown inside helpers to return an Excel error from a function. */
export class ErrSignal {
  constructor(readonly error: XlError) {}
}

export const err = (code: ErrorCode): XlError => XlError.of(code);

export function isRange(v: Val): v is RangeVal {
  return typeof v === 'object' && v !== null && !(v instanceof XlError);
}

/** Rows of a whole-column reference beyond every used cell are blank: clip them. */
export function clipRect(ctx: EvalCtx, rect: Rect): Rect {
  if (rect.r1 < MAX_ROWS - 1) return rect;
  const last = ctx.wb.memoFor('lastUsedRow', () => {
    let m = 0;
    for (const s of ctx.wb.sheets) m = Math.max(m, s.usedRect(true)?.r1 ?? 0);
    return m;
  });
  return { ...rect, r1: Math.max(rect.r0, Math.min(rect.r1, last)) };
}

/** Values of a range, row-major, memoized for the workbook version. */
export function rangeValues(ctx: EvalCtx, range: RangeVal): Scalar[] {
  const rect = clipRect(ctx, range.rect);
  const key = `vals:${range.sheet.id}:${rect.r0}:${rect.c0}:${rect.r1}:${rect.c1}`;
  return ctx.wb.memoFor(key, () => {
    const out: Scalar[] = [];
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) out.push(range.sheet.value(r, c));
    return out;
  });
}

export function rangeShape(ctx: EvalCtx, range: RangeVal): { rows: number; cols: number } {
  const rect = clipRect(ctx, range.rect);
  return { rows: rect.r1 - rect.r0 + 1, cols: rect.c1 - rect.c0 + 1 };
}

/** A range used where one value is expected: 1×1, or implicit intersection with the formula's row/column. */
export function toScalar(ctx: EvalCtx, v: Val): Scalar {
  if (!isRange(v)) return v;
  const { rect, sheet } = v;
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) return sheet.value(rect.r0, rect.c0);
  if (rect.c0 === rect.c1 && ctx.r >= rect.r0 && ctx.r <= rect.r1) return sheet.value(ctx.r, rect.c0);
  if (rect.r0 === rect.r1 && ctx.c >= rect.c0 && ctx.c <= rect.c1) return sheet.value(rect.r0, ctx.c);
  return err('#VALUE!');
}

export function toNumber(v: Scalar): number {
  if (v instanceof XlError) throw new ErrSignal(v);
  if (v === null) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const parsed = parseNumericText(v);
  if (!parsed) throw new ErrSignal(err('#VALUE!'));
  return parsed.value;
}

export function numberText(n: number): string {
  return String(Number(n.toPrecision(15)));
}

export function toText(v: Scalar): string {
  if (v instanceof XlError) throw new ErrSignal(v);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberText(v);
  return v;
}

export function toBool(v: Scalar): boolean {
  if (v instanceof XlError) throw new ErrSignal(v);
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const u = v.toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  throw new ErrSignal(err('#VALUE!'));
}

function typeRank(v: Exclude<Scalar, null | XlError>): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** Excel's comparison: numbers < text < logicals; text case-insensitive; blank takes the other side's type. */
export function compare(a: Scalar, b: Scalar): number {
  // The common case (COUNTIF "<"&x over a number column) first: no type juggling.
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0;
  if (a instanceof XlError) throw new ErrSignal(a);
  if (b instanceof XlError) throw new ErrSignal(b);
  const blankLike = (x: Scalar, other: Scalar): Exclude<Scalar, null | XlError> =>
    x !== null ? (x as Exclude<Scalar, null | XlError>) : typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
  const x = blankLike(a, b);
  const y = blankLike(b, a);
  const tx = typeRank(x);
  const ty = typeRank(y);
  if (tx !== ty) return tx < ty ? -1 : 1;
  if (typeof x === 'string') {
    const p = x.toLowerCase();
    const q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x);
  const q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}
