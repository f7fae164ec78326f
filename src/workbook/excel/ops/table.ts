/// <reference types="office-js" />
/**
 * addTable, named in the same request as it is made: Excel checks a structured reference when a
 * formula is entered, so a plan writes the table's formulas after this op. Skipped when a table already
 * overlaps the range (a re-run), as the preflight saw it.
 */
import { WorkbookError, type WriteOp } from '../../port';
import { parseRange } from '../../../core/grid/a1';
import type { Preflight } from '../preflight';
import type { Op } from '../planShape';
import { simpleUnit } from '../writeQueue';
import { sheetIn, type OpContext } from './context';

export async function addTable(ctx: OpContext, i: number, op: Op<'addTable'>, label: string): Promise<void> {
  if (!parseRange(op.address)) throw new WorkbookError('host', `addTable: "${op.address}" is not a range address.`);
  if (ctx.flow.original[i] && ctx.pre.tableThere.get(i)) return;
  await ctx.writes.push(simpleUnit(label, (c) => {
    const table = sheetIn(c, op.sheet).tables.add(op.address, true);
    table.name = op.name;
    if (op.style) table.style = op.style;
  }, 0, 3));
}

/** Where a table the preflight found on a growTable op's header row is: loaded in the second look's sync. */
export interface TableExtent { name: string; range: Excel.Range }

/** A growTable op's tables, and the tables over its new rows (a table there that is none of them is in the way). */
export interface TableExtents { tables: TableExtent[]; overNewRows: Excel.TableScopedCollection }

/**
 * growTable ops' tables (by the preflight: those on the header row, without a totals row) with their
 * ranges, and the tables the new rows cross, queued for loading; the caller syncs once when the map is
 * not empty. Below ExcelApi 1.13 there is no Table.resize: nothing is queued and the rows stay below the
 * table, as they would from a paste.
 */
export function queueTableExtents(c: Excel.RequestContext, ops: readonly WriteOp[], pre: Preflight, canResize: boolean): Map<number, TableExtents> {
  const out = new Map<number, TableExtents>();
  if (!canResize) return out;
  for (const [i, found] of pre.tablesOnRow) {
    const op = ops[i];
    if (op?.op !== 'growTable') continue;
    const ws = sheetIn(c, op.sheet);
    const tables = found.filter((t) => !t.showTotals)
      .map((t) => ({ name: t.name, range: ws.tables.getItem(t.name).getRange().load('rowIndex,columnIndex,rowCount,columnCount') }));
    if (tables.length === 0) continue;
    const overNewRows = ws.getRangeByIndexes(op.fromRow, op.firstCol, op.lastRow - op.fromRow + 1, op.lastCol - op.firstCol + 1).getTables(false).load('items/name');
    out.set(i, { tables, overNewRows });
  }
  return out;
}

/**
 * Each table headed on the op's header row over the written columns grows down to its last row, when it
 * ends within reach and no other table lies across the new rows (Excel would refuse the resize, and the
 * rows are written by then). The new range is given as a Range of the op's sheet, never a bare address.
 */
export async function growTable(ctx: OpContext, op: Op<'growTable'>, extents: TableExtents | undefined, label: string): Promise<void> {
  if (!extents) return;
  const ours = new Set(extents.tables.map((t) => t.name.toLowerCase()));
  if (extents.overNewRows.items.some((t) => !ours.has(t.name.toLowerCase()))) return;
  for (const { name, range } of extents.tables) {
    const last = range.rowIndex + range.rowCount - 1;
    const overColumns = range.columnIndex <= op.lastCol && range.columnIndex + range.columnCount - 1 >= op.firstCol;
    if (range.rowIndex !== op.headerRow || !overColumns || last >= op.lastRow || last + 1 < op.fromRow) continue;
    const rows = op.lastRow - op.headerRow + 1;
    await ctx.writes.push(simpleUnit(label, (c) => {
      const ws = sheetIn(c, op.sheet);
      ws.tables.getItem(name).resize(ws.getRangeByIndexes(op.headerRow, range.columnIndex, rows, range.columnCount));
    }, 0, 3));
  }
}
