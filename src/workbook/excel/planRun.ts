/// <reference types="office-js" />
/**
 * One plan inside one Excel.run: the preflight (one sync of loads), the checks, one more sync only when
 * existing custom conditional formats must be compared, then the writes packed into as few syncs as the
 * budget allows, in plan order. A stop is honoured up to the first write, never after: the adapter is
 * not transactional, and half a result would be worse than a finished one.
 */
import { throwIfStopped, type WriteOp } from '../port';
import { addTable, growTable, queueTableExtents } from './ops/table';
import { autoFilter, clearAutoFilter, refuseFiltersOverTables } from './ops/autoFilter';
import { chart } from './ops/chart';
import { conditionalFormat, queueCustomFormats } from './ops/conditionalFormat';
import type { OpContext } from './ops/context';
import { deleteRows } from './ops/deleteRows';
import { clearRange, deleteColumns, removeConditionalFormats, removeValidation } from './ops/columns';
import { columnWidths, format, freeze, pageLayout } from './ops/format';
import { hideColumns, protectSheet, unprotectSheet } from './ops/protection';
import { PivotChecks, pivot } from './ops/pivot';
import { addSheet, copySheet, deleteSheet } from './ops/sheets';
import { keepsOtherRule, validation } from './ops/validation';
import { writeBlock } from './ops/writeBlock';
import { checkPlan, sheetFlow } from './planCheck';
import { sheetOf } from './planShape';
import { preflight } from './preflight';
import type { Session } from './session';
import { WriteQueue } from './writeQueue';

export interface PlanRunOptions {
  /** Request bytes per sync. */
  budget: number;
  /** Whether the host can list merged areas (ExcelApi 1.13). */
  withMergedAreas: boolean;
  /** Whether the host can resize a table (Table.resize, ExcelApi 1.13). */
  canResizeTables: boolean;
  signal?: AbortSignal;
  turn?: () => Promise<void>;
  /** Validation op index → Excel's rule, made (and checked) before the run. */
  rules: ReadonlyMap<number, Excel.DataValidationRule>;
}

export async function runPlan(s: Session, ops: readonly WriteOp[], o: PlanRunOptions): Promise<void> {
  const pre = await preflight(s, ops, o.withMergedAreas, (names) => void sheetFlow(ops, names));
  const flow = checkPlan(ops, pre);
  refuseFiltersOverTables(ops, pre);
  // A second look, one sync and only when needed: existing custom rules' formulas (a re-run) and where
  // the tables that rows join are.
  const custom = queueCustomFormats(pre.conditionalFormats);
  const extents = queueTableExtents(s.context, ops, pre, o.canResizeTables);
  if (custom.size > 0 || extents.size > 0) {
    s.doing = 'looking at existing conditional formats and tables';
    await s.sync();
  }
  throwIfStopped(o.signal); // the last moment at which stopping leaves the workbook as it was
  const ctx: OpContext = { s, writes: new WriteQueue(s, o.budget), ops, pre, flow, turn: o.turn };
  const checks = new PivotChecks();
  for (let i = 0; i < ops.length; i++) {
    if (flow.skip.has(i)) continue;
    const op = ops[i] as WriteOp;
    const label = `${op.op} on "${sheetOf(op)}"`;
    switch (op.op) {
      case 'addSheet':
        await addSheet(ctx, op, label);
        break;
      case 'deleteSheet':
        await deleteSheet(ctx, op, label);
        break;
      case 'copySheet':
        await copySheet(ctx, op, label);
        break;
      case 'writeBlock':
        await writeBlock(ctx, op, label);
        break;
      case 'format':
        await format(ctx, op, label);
        break;
      case 'columnWidths':
        await columnWidths(ctx, op, label);
        break;
      case 'freeze':
        await freeze(ctx, op, label);
        break;
      case 'pageLayout':
        await pageLayout(ctx, op, label);
        break;
      case 'addTable':
        await addTable(ctx, i, op, label);
        break;
      case 'growTable':
        await growTable(ctx, op, flow.original[i] ? extents.get(i) : undefined, label);
        break;
      case 'validation': {
        const rule = o.rules.get(i);
        if (rule && !keepsOtherRule(op, pre.validations.get(i))) await validation(ctx, op, rule, label);
        break;
      }
      case 'conditionalFormat':
        await conditionalFormat(ctx, op, flow.original[i] ? custom.get(i) : undefined, label);
        break;
      case 'pivot':
        await pivot(ctx, i, op, checks, label);
        break;
      case 'chart':
        await chart(ctx, i, op, label);
        break;
      case 'deleteRows':
        await deleteRows(ctx, op, label);
        break;
      case 'autoFilter':
        await autoFilter(ctx, op, label);
        break;
      case 'clearAutoFilter':
        await clearAutoFilter(ctx, op, label);
        break;
      case 'deleteColumns':
        await deleteColumns(ctx, op, label);
        break;
      case 'clearRange':
        await clearRange(ctx, op, label);
        break;
      case 'removeConditionalFormats':
        await removeConditionalFormats(ctx, op, flow.original[i] ? custom.get(i) : undefined, label);
        break;
      case 'removeValidation':
        await removeValidation(ctx, op, flow.original[i] ? pre.validations.get(i) : undefined, label);
        break;
      case 'protectSheet':
        await protectSheet(ctx, op, label);
        break;
      case 'unprotectSheet':
        await unprotectSheet(ctx, op, label);
        break;
      case 'hideColumns':
        await hideColumns(ctx, op, label);
        break;
    }
  }
  await ctx.writes.flush();
  await checks.recheck(ctx);
}
