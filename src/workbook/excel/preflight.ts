/// <reference types="office-js" />
/**
 * The preflight: one sync of loads only, before anything is written (Office.js has no rollback, so what
 * Excel would refuse is found here). It looks only at what surely exists: every sheet through the
 * collection (names, visibility, protection), the workbook's protection and PivotTables, and per op only
 * sheets the plan needs as they were (by getItem: a missing one fails this sync, and the refusal is then
 * worded from the sheet names). Nothing is loaded below an …OrNullObject.
 */
import type { SheetVisibility, WriteOp } from '../port';
import { parseRange } from '../../core/grid/a1';
import type { Rect } from '../../core/grid/rect';
import { fromSheetVisibility } from './read';
import { mergedBySheet, probeMergedAreas, queueMergedAreas, type BlockProbe, type MergedProbe } from './mergedAreas';
import { blockRect, changesStructure, madeEarlier, onOriginalSheet, sheetKey } from './planShape';
import type { Session } from './session';

export interface SheetState { name: string; visibility: SheetVisibility; protected: boolean }

/** What the preflight learned; op-indexed maps hold entries only for ops on sheets as they were. */
export interface Preflight {
  /** Every sheet before the plan, by sheetKey. */
  sheets: Map<string, SheetState>;
  /** Sheet names in tab order. */
  names: string[];
  /** Workbook structure protection, looked at when the plan adds, deletes or copies a sheet. */
  structureProtected: boolean;
  /** The workbook's PivotTables and the sheets they are on (pivot and deleteSheet ops only). */
  pivots: { name: string; sheet: string }[];
  /** addTable and autoFilter op → whether a table already overlaps its range. */
  tableThere: Map<number, boolean>;
  /** growTable op → the tables on its header row (their names: Office.js gives a table's place only through its range). */
  tablesOnRow: Map<number, { name: string; showTotals: boolean }[]>;
  /** chart op → the charts of its sheet. */
  charts: Map<number, Excel.ChartCollection>;
  /** conditionalFormat op → the conditional formats on its range. */
  conditionalFormats: Map<number, Excel.ConditionalFormatCollection>;
  /** pivot op → the header row of its source as it was. */
  pivotHeaders: Map<number, unknown[]>;
  /** validation op with keepOther, removeValidation op → the rule now on its range ('None', 'Inconsistent', 'MixedCriteria' or one rule's type). */
  validations: Map<number, Excel.DataValidation>;
  /** Sheet key → merged areas under the plan's block writes; null when the host cannot tell (below ExcelApi 1.13). */
  merged: Map<string, Rect[]> | null;
}

interface Queued {
  sheets: Excel.WorksheetCollection;
  structure: Excel.WorkbookProtection | null;
  pivots: Excel.PivotTableCollection | null;
  tables: Map<number, Excel.TableScopedCollection>;
  tablesOnRow: Map<number, Excel.TableScopedCollection>;
  charts: Map<number, Excel.ChartCollection>;
  conditionalFormats: Map<number, Excel.ConditionalFormatCollection>;
  pivotHeaders: Map<number, Excel.Range>;
  validations: Map<number, Excel.DataValidation>;
  merged: MergedProbe[] | null;
}

/** Block writes on sheets as they were: where merged cells could be in the way. */
function blocksToProbe(ops: readonly WriteOp[], original: readonly boolean[]): BlockProbe[] {
  const out: BlockProbe[] = [];
  ops.forEach((op, i) => {
    if (op.op !== 'writeBlock' || !original[i]) return;
    const rect = blockRect(op);
    if (rect) out.push({ sheet: op.sheet, rect });
  });
  return out;
}

function queue(s: Session, ops: readonly WriteOp[], withMerges: boolean): Queued {
  const workbook = s.context.workbook;
  const original = onOriginalSheet(ops);
  const ws = (name: string) => workbook.worksheets.getItem(name);
  const q: Queued = {
    sheets: workbook.worksheets.load('items/name,items/visibility,items/protection/protected'),
    structure: ops.some(changesStructure) ? workbook.protection.load('protected') : null,
    pivots: ops.some((o) => o.op === 'pivot' || o.op === 'deleteSheet') ? workbook.pivotTables.load('items/name,items/worksheet/name') : null,
    tables: new Map(),
    tablesOnRow: new Map(),
    charts: new Map(),
    conditionalFormats: new Map(),
    pivotHeaders: new Map(),
    validations: new Map(),
    merged: withMerges ? queueMergedAreas(s, blocksToProbe(ops, original)) : null,
  };
  ops.forEach((op, i) => {
    if (op.op === 'pivot') {
      // Excel refuses a PivotTable whose source has a column without a header: the header row as it is
      // now (the plan's own header writes are laid over it in the check).
      const rect = parseRange(op.source.address);
      if (rect && !madeEarlier(ops, i, op.source.sheet) && rect.c1 - rect.c0 < 1024) {
        q.pivotHeaders.set(i, ws(op.source.sheet).getRangeByIndexes(rect.r0, rect.c0, 1, rect.c1 - rect.c0 + 1).load('values'));
      }
      return;
    }
    if (!original[i]) return;
    if (op.op === 'addTable' || op.op === 'autoFilter') {
      if (parseRange(op.address)) q.tables.set(i, ws(op.sheet).getRange(op.address).getTables(false).load('items/name'));
    } else if (op.op === 'growTable') {
      q.tablesOnRow.set(i, ws(op.sheet).getRange(`${op.headerRow + 1}:${op.headerRow + 1}`).getTables(false).load('items/name,items/showTotals'));
    } else if (op.op === 'chart') q.charts.set(i, ws(op.sheet).charts.load('items/name'));
    else if (op.op === 'conditionalFormat') q.conditionalFormats.set(i, ws(op.sheet).getRange(op.address).conditionalFormats.load('items/type'));
    else if (op.op === 'validation' && op.keepOther) q.validations.set(i, ws(op.sheet).getRange(op.address).dataValidation.load('type,errorAlert'));
    // The add-in's own rules, wherever on the sheet they apply: the whole sheet's rules are looked at.
    else if (op.op === 'removeConditionalFormats') q.conditionalFormats.set(i, ws(op.sheet).getRange().conditionalFormats.load('items/type'));
    else if (op.op === 'removeValidation') q.validations.set(i, ws(op.sheet).getRange(op.address).dataValidation.load('type,errorAlert'));
  });
  return q;
}

/** The sheet names alone: to word a refusal when the full preflight failed on a missing sheet. */
export async function sheetNames(s: Session): Promise<string[]> {
  const sheets = s.context.workbook.worksheets.load('items/name');
  await s.sync();
  return sheets.items.map((w) => w.name);
}

/**
 * Loads what the checks and the idempotent ops need, in one sync. When that sync fails (a sheet the
 * plan needs is missing, or a block's cells hold more than 512 merged areas, which
 * getMergedAreasOrNullObject cannot answer), `whenRefused` words the refusal from the sheet names if it
 * can; otherwise the preflight is made again without the merged areas, which are then probed block by
 * block in smaller pieces.
 */
export async function preflight(s: Session, ops: readonly WriteOp[], withMerges: boolean, whenRefused: (names: string[]) => void): Promise<Preflight> {
  s.doing = 'checking the sheets the plan touches';
  let q = queue(s, ops, withMerges);
  let merged: Map<string, Rect[]> | null = null;
  try {
    await s.sync();
    if (q.merged) merged = mergedBySheet(q.merged);
  } catch (e) {
    whenRefused(await sheetNames(s));
    if (!withMerges) throw e;
    q = queue(s, ops, false);
    await s.sync();
    merged = await probeMergedAreas(s, blocksToProbe(ops, onOriginalSheet(ops)));
  }
  return result(q, merged);
}

function result(q: Queued, merged: Map<string, Rect[]> | null): Preflight {
  const sheets = new Map<string, SheetState>();
  for (const w of q.sheets.items) sheets.set(sheetKey(w.name), { name: w.name, visibility: fromSheetVisibility(w.visibility), protected: w.protection.protected });
  return {
    sheets,
    names: q.sheets.items.map((w) => w.name),
    structureProtected: q.structure?.protected ?? false,
    pivots: q.pivots?.items.map((p) => ({ name: p.name, sheet: p.worksheet.name })) ?? [],
    tableThere: new Map([...q.tables].map(([i, t]) => [i, t.items.length > 0])),
    tablesOnRow: new Map([...q.tablesOnRow].map(([i, t]) => [i, t.items.map((x) => ({ name: x.name, showTotals: x.showTotals }))])),
    charts: q.charts,
    conditionalFormats: q.conditionalFormats,
    pivotHeaders: new Map([...q.pivotHeaders].map(([i, r]) => [i, [...(r.values[0] ?? [])]])),
    validations: q.validations,
    merged,
  };
}

