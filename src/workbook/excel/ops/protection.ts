/// <reference types="office-js" />
/** protectSheet, unprotectSheet (Worksheet.protection, ExcelApi 1.2) and hideColumns (Range.columnHidden, ExcelApi 1.2). */
import { columnLetter } from '../../../core/grid/a1';
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

/** What a protected ledger still lets its user do: format, sort and filter (sorting moves only unlocked cells). */
export const PROTECTION_ALLOWS: Excel.WorksheetProtectionOptions = {
  allowFormatCells: true, allowFormatColumns: true, allowFormatRows: true, allowSort: true, allowAutoFilter: true,
};

export function protectSheet(ctx: OpContext, op: Op<'protectSheet'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    sheetIn(c, op.sheet).protection.protect(PROTECTION_ALLOWS, op.password);
  }));
}

export function unprotectSheet(ctx: OpContext, op: Op<'unprotectSheet'>, label: string): Promise<void> {
  return ctx.writes.push(simpleUnit(label, (c) => {
    sheetIn(c, op.sheet).protection.unprotect(op.password);
  }));
}

/** Neighbouring columns share one call ("C:E"). */
export function hideColumns(ctx: OpContext, op: Op<'hideColumns'>, label: string): Promise<void> {
  const runs: [number, number][] = [];
  for (const col of [...new Set(op.cols)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last[1] === col - 1) last[1] = col; else runs.push([col, col]);
  }
  return ctx.writes.push(simpleUnit(label, (c) => {
    const ws = sheetIn(c, op.sheet);
    for (const [a, b] of runs) ws.getRange(`${columnLetter(a)}:${columnLetter(b)}`).columnHidden = op.hidden;
  }, 0, Math.max(1, runs.length)));
}
