/**
 * Formula evaluation over the workbook model. Cells are evaluated lazily and cached per workbook
 * version; functions live in one table (./functions.ts).
 */
import { MAX_ROWS } from '../../core/grid/a1';
import { intersect } from '../../core/grid/rect';
import type { Node, StructRefNode } from './formula';
import { FUNCTIONS } from './functions';
import { ErrSignal, compare, err, isRange, toNumber, toScalar, toText, type EvalCtx, type Val } from './operands';
import { XlError, type ErrorCode, type Scalar } from './values';
import type { Cell, SheetModel, WorkbookModel } from './workbook';

export { toScalar, type EvalCtx };

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
