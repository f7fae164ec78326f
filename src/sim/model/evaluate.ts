/**
 * Formula evaluation over the workbook model. Cells are evaluated lazily and cached per workbook
 * version; functions live in one table (./functions.ts).
 */
import { intersect, MAX_ROWS, type Rect } from './address';
import type { Node, StructRefNode } from './formula';
import { XlError, type Scalar, parseNumericText, type ErrorCode } from './values';
import type { Cell, SheetModel, WorkbookModel } from './workbook';
import { FUNCTIONS } from './functions';

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

function resolveStructRef(node: StructRefNode, ctx: EvalCtx): Val {
  const table = node.table !== undefined ? ctx.wb.tableByName(node.table) : ctx.wb.tableAt(ctx.sheet, ctx.r, ctx.c);
  if (!table) return err('#REF!');
  const names = ctx.wb.tableColumnNames(table).map((n) => n.toLowerCase());
  let c0 = table.rect.c0;
  let c1 = table.rect.c1;
  if (node.columns.length > 0) {
    const i = names.indexOf((node.columns[0] as string).toLowerCase());
    const j = names.indexOf((node.columns[node.columns.length - 1] as string).toLowerCase());
    if (i < 0 || j < 0) return err('#REF!');
    c0 = table.rect.c0 + Math.min(i, j);
    c1 = table.rect.c0 + Math.max(i, j);
  }
  const { r0, r1 } = table.rect;
  let rows: [number, number];
  switch (node.specifier) {
    case 'data':
      rows = [r0 + 1, r1];
      break;
    case 'headers':
      rows = [r0, r0];
      break;
    case 'all':
      rows = [r0, r1 + (table.showTotals ? 1 : 0)];
      break;
    case 'totals':
      if (!table.showTotals) return err('#REF!');
      rows = [r1 + 1, r1 + 1];
      break;
    case 'thisRow':
      if (ctx.sheet !== table.sheet || ctx.r <= r0 || ctx.r > r1) return err('#VALUE!');
      rows = [ctx.r, ctx.r];
      break;
  }
  return { kind: 'range', sheet: table.sheet, rect: { r0: rows[0], r1: rows[1], c0, c1 } };
}

export function evalNode(node: Node, ctx: EvalCtx): Val {
  switch (node.t) {
    case 'num':
    case 'str':
    case 'bool':
      return node.v;
    case 'err':
      return XlError.of(node.v as ErrorCode);
    case 'missing':
      return null;
    case 'ref': {
      const sheet = node.sheet !== undefined ? ctx.wb.sheet(node.sheet) : ctx.sheet;
      if (!sheet) return err('#REF!');
      const whole = node.r0 === 0 && node.r1 === MAX_ROWS - 1;
      const r0 = node.r0 + (node.absR0 || whole ? 0 : ctx.dr);
      const r1 = node.r1 + (node.absR1 || whole ? 0 : ctx.dr);
      const c0 = node.c0 + (node.absC0 ? 0 : ctx.dc);
      const c1 = node.c1 + (node.absC1 ? 0 : ctx.dc);
      if (r0 < 0 || c0 < 0 || r1 >= MAX_ROWS) return err('#REF!');
      return { kind: 'range', sheet, rect: { r0, c0, r1, c1 } };
    }
    case 'sref':
      return resolveStructRef(node, ctx);
    case 'name':
      return err('#NAME?');
    case 'fn': {
      const def = FUNCTIONS[node.name];
      if (!def) return err('#NAME?');
      if (node.args.length < def.min || node.args.length > def.max) return err('#VALUE!');
      const thunks = node.args.map((a) => () => evalNode(a, ctx));
      try {
        return def.fn(thunks, ctx);
      } catch (e) {
        if (e instanceof ErrSignal) return e.error;
        throw e;
      }
    }
    case 'unary': {
      const v = toScalar(ctx, evalNode(node.e, ctx));
      if (v instanceof XlError) return v;
      try {
        const n = toNumber(v);
        return node.op === '-' ? -n : n;
      } catch (e) {
        if (e instanceof ErrSignal) return e.error;
        throw e;
      }
    }
    case 'pct': {
      const v = toScalar(ctx, evalNode(node.e, ctx));
      try {
        return toNumber(v) / 100;
      } catch (e) {
        if (e instanceof ErrSignal) return e.error;
        throw e;
      }
    }
    case 'isect': {
      const a = evalNode(node.a, ctx);
      if (a instanceof XlError) return a;
      const b = evalNode(node.b, ctx);
      if (b instanceof XlError) return b;
      if (!isRange(a) || !isRange(b)) return err('#VALUE!');
      const x = a.sheet === b.sheet ? intersect(a.rect, b.rect) : null;
      return x ? { kind: 'range', sheet: a.sheet, rect: x } : err('#NULL!');
    }
    case 'bin': {
      const a = toScalar(ctx, evalNode(node.a, ctx));
      const b = toScalar(ctx, evalNode(node.b, ctx));
      if (a instanceof XlError) return a;
      if (b instanceof XlError) return b;
      try {
        switch (node.op) {
          case '+':
            return toNumber(a) + toNumber(b);
          case '-':
            return toNumber(a) - toNumber(b);
          case '*':
            return toNumber(a) * toNumber(b);
          case '/': {
            const d = toNumber(b);
            const n = toNumber(a);
            return d === 0 ? err('#DIV/0!') : n / d;
          }
          case '^': {
            const p = Math.pow(toNumber(a), toNumber(b));
            return Number.isFinite(p) ? p : err('#NUM!');
          }
          case '&':
            return toText(a) + toText(b);
          case '=':
            return compare(a, b) === 0;
          case '<>':
            return compare(a, b) !== 0;
          case '<':
            return compare(a, b) < 0;
          case '>':
            return compare(a, b) > 0;
          case '<=':
            return compare(a, b) <= 0;
          case '>=':
            return compare(a, b) >= 0;
        }
      } catch (e) {
        if (e instanceof ErrSignal) return e.error;
        throw e;
      }
    }
  }
}

/** Evaluates a parsed formula for one cell; a formula's blank result reads as 0. */
export function evaluateFormula(ast: Node, ctx: EvalCtx): Scalar {
  const v = toScalar(ctx, evalNode(ast, ctx));
  return v === null ? 0 : v;
}

export class Evaluator {
  private readonly active = new Set<Cell>();
  constructor(private readonly wb: WorkbookModel) {}

  evaluateCell(sheet: SheetModel, r: number, c: number, cell: Cell): Scalar {
    if (cell.calc === this.wb.version) return cell.v;
    if (!cell.ast) {
      cell.v = err('#NAME?');
      cell.calc = this.wb.version;
      return cell.v;
    }
    // A circular reference reads as 0, as Excel shows it (after its warning).
    if (this.active.has(cell)) return 0;
    this.active.add(cell);
    try {
      cell.v = evaluateFormula(cell.ast, { wb: this.wb, sheet, r, c, dr: 0, dc: 0 });
      cell.calc = this.wb.version;
      return cell.v;
    } finally {
      this.active.delete(cell);
    }
  }
}
