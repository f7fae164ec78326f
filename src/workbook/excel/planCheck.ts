/**
 * The checks between the preflight and the first write: everything Excel would refuse halfway through a
 * plan is refused here, with nothing written.
 */
import { WorkbookError, type WriteOp } from '../port';
import { columnLetter, parseRange } from '../../core/grid/a1';
import { checkMergedWrites } from './mergedAreas';
import type { Preflight } from './preflight';
import { changesStructure, sheetKey, sheetOf, type Op } from './planShape';

export interface SheetFlow {
  /** Ops with nothing to do (deleting a sheet that is not there). */
  skip: Set<number>;
  /** Per op, whether its sheet is the one the preflight looked at. */
  original: boolean[];
  /** Keys of the sheets as they were that the plan changes. */
  touched: Set<string>;
}

/**
 * Sheets exist where the plan needs them and not where it adds them, following the plan's own adds and
 * deletes. Needs the sheet names only.
 */
export function sheetFlow(ops: readonly WriteOp[], names: readonly string[]): SheetFlow {
  const exists = new Set(names.map(sheetKey));
  const changed = new Set<string>();
  const flow: SheetFlow = { skip: new Set(), original: [], touched: new Set() };
  // Sheets whose first op in the plan unprotects them: their protection is no refusal.
  const opened = new Set<string>();
  const mustExist = (name: string, what: string): void => {
    if (!exists.has(sheetKey(name))) throw new WorkbookError('not-found', `${what}: there is no sheet "${name}".`);
  };
  ops.forEach((op, i) => {
    const sheet = sheetKey(sheetOf(op));
    flow.original[i] = !changed.has(sheet);
    switch (op.op) {
      case 'addSheet':
      case 'copySheet':
        if (op.op === 'copySheet') mustExist(op.from, 'copySheet');
        if (exists.has(sheet)) throw new WorkbookError('exists', `${op.op}: a sheet "${sheetOf(op)}" already exists.`);
        exists.add(sheet);
        changed.add(sheet);
        return;
      case 'deleteSheet':
        if (!exists.has(sheet)) {
          flow.skip.add(i);
          return;
        }
        if (!changed.has(sheet)) flow.touched.add(sheet);
        exists.delete(sheet);
        changed.add(sheet);
        return;
      case 'pivot':
        mustExist(op.source.sheet, 'pivot source');
        break;
      case 'unprotectSheet':
        mustExist(op.sheet, op.op);
        if (!changed.has(sheet) && !flow.touched.has(sheet)) opened.add(sheet);
        return;
      default:
        break;
    }
    mustExist(sheetOf(op), op.op);
    if (!changed.has(sheet) && !opened.has(sheet)) flow.touched.add(sheet);
  });
  return flow;
}

/** Every check, in the order the refusals are worded: sheets, PivotTable sources, merged cells, structure, protection. */
export function checkPlan(ops: readonly WriteOp[], pre: Preflight): SheetFlow {
  const flow = sheetFlow(ops, pre.names);
  ops.forEach((op, i) => {
    if (op.op === 'pivot') checkPivotSource(ops, i, op, pre.pivotHeaders.get(i));
  });
  if (pre.merged) checkMergedWrites(ops, flow.original, pre.merged);
  if (pre.structureProtected && ops.some((op, i) => changesStructure(op) && !flow.skip.has(i))) {
    throw new WorkbookError('protected', 'The workbook structure is protected, and this needs to add, delete or rename sheets; unprotect it (Review → Protect Workbook) and try again. Nothing was changed.', 'workbook-structure');
  }
  for (const key of flow.touched) {
    const sheet = pre.sheets.get(key);
    if (sheet?.protected) {
      throw new WorkbookError('protected', `The sheet "${sheet.name}" is protected; unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed.`);
    }
  }
  return flow;
}

/** The pivot's source as it will be when the pivot is made: a data row, and a header on every column after the plan's earlier block writes. */
function checkPivotSource(ops: readonly WriteOp[], i: number, op: Op<'pivot'>, headerBefore: unknown[] | undefined): void {
  const rect = parseRange(op.source.address);
  if (!rect) throw new WorkbookError('unsupported', `PivotTable "${op.name}": "${op.source.address}" is not a range address. Nothing was changed.`);
  if (rect.r1 <= rect.r0) {
    throw new WorkbookError('unsupported', `PivotTable "${op.name}": its source ${op.source.address} has no data rows below the header. Nothing was changed.`);
  }
  if (!headerBefore) return;
  const header = [...headerBefore];
  for (let j = 0; j < i; j++) {
    const w = ops[j] as WriteOp;
    if (w.op !== 'writeBlock' || sheetKey(w.sheet) !== sheetKey(op.source.sheet)) continue;
    const row = w.values[rect.r0 - w.row];
    if (!row) continue;
    row.forEach((v, k) => {
      const c = w.col + k - rect.c0;
      if (c >= 0 && c < header.length) header[c] = v;
    });
  }
  const blank = header.findIndex((v) => v === null || v === undefined || (typeof v === 'string' && v.trim() === ''));
  if (blank >= 0) {
    throw new WorkbookError('unsupported', `PivotTable "${op.name}": column ${columnLetter(rect.c0 + blank)} of sheet "${op.source.sheet}" has no header, and Excel needs one for every column of a PivotTable's source. Give it a header and try again. Nothing was changed.`);
  }
}
