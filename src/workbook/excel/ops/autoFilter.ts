/// <reference types="office-js" />
/** autoFilter and clearAutoFilter: the worksheet's AutoFilter (ExcelApi 1.9), one call each. */
import { WorkbookError, type AutoFilterState, type WriteOp } from '../../port';
import type { Op } from '../planShape';
import type { Preflight } from '../preflight';
import type { Session } from '../session';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

export function autoFilter(ctx: OpContext, op: Op<'autoFilter'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    const ws = sheetIn(c, op.sheet);
    // "<>" alone is Excel's "does not equal (blank)": the rows whose cell holds anything.
    ws.autoFilter.apply(ws.getRange(op.address), op.column, { filterOn: 'Custom' as Excel.FilterOn, criterion1: '<>' });
  }, 0, 2));
}

export function clearAutoFilter(ctx: OpContext, op: Op<'clearAutoFilter'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => sheetIn(c, op.sheet).autoFilter.remove()));
}

/**
 * A filter over an Excel table is the table's own, which the worksheet's AutoFilter cannot set: refused
 * before anything is written (the preflight looked for tables under each autoFilter op's range).
 */
export function refuseFiltersOverTables(ops: readonly WriteOp[], pre: Preflight): void {
  ops.forEach((op, i) => {
    if (op.op === 'autoFilter' && pre.tableThere.get(i)) {
      throw new WorkbookError('unsupported', `The customer list on sheet "${op.sheet}" is an Excel table: use the filter button in its header instead. Nothing was changed.`);
    }
  });
}

/** The sheet's AutoFilter in one sync: its range and the columns that filter now. */
export async function readAutoFilter(s: Session, sheet: string): Promise<AutoFilterState | null> {
  const filter = s.context.workbook.worksheets.getItem(sheet).autoFilter;
  filter.load('enabled,criteria');
  const range = filter.getRangeOrNullObject().load('address');
  await s.sync();
  if (!filter.enabled || range.isNullObject) return null;
  const address = range.address.includes('!') ? range.address.slice(range.address.lastIndexOf('!') + 1) : range.address;
  const filtering = (filter.criteria ?? []).flatMap((c, i) => (c && (c as { filterOn?: string }).filterOn ? [i] : []));
  return { address: address.replace(/\$/g, ''), filtering };
}
