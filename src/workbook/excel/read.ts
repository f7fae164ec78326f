/// <reference types="office-js" />
/**
 * The port's reads over Office.js, each inside the caller's Excel.run: the sheet list, a sheet's values
 * (sparse: only the areas holding values are read), one column's formulas, a few areas. Every read is
 * chunked under the byte budget (gridRead).
 */
import type { CellArea, SheetInfo, SheetVisibility } from '../port';
import { jsonBytes } from '../../core/grid/bytes';
import { isPayloadTooLarge } from './errors';
import { readGrid, readGridAreas, type GridArea } from './gridRead';
import type { Session } from './session';
import { queueBandProbes, usedAreas } from './usedAreas';

/** Response bytes per cell guessed when no sample is available (a long-ish string and its quotes). */
export const GUESS_BYTES_PER_CELL = 48;
/** The corner of the sheet whose values give the first bytes-per-cell estimate. */
const SAMPLE_ROWS = 64;
const SAMPLE_COLUMNS = 256;
/** Up to this many cells (rows from A1 × columns from A), values come back as a full grid; beyond it, rows as long as their values. */
const DENSE_CELLS = 5_000_000;

export function fromSheetVisibility(v: string): SheetVisibility {
  return v === 'Hidden' ? 'hidden' : v === 'VeryHidden' ? 'veryHidden' : 'visible';
}

/** Two syncs: the sheet list, then every sheet's protection, used range and A1 together. */
export async function listSheets(s: Session): Promise<SheetInfo[]> {
  const sheets = s.context.workbook.worksheets;
  sheets.load('items/name,items/visibility');
  await s.sync();
  const probes = sheets.items.map((ws) => {
    const protection = ws.protection.load('protected');
    const used = ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
    const a1 = ws.getRange('A1').load('values');
    return { ws, protection, used, a1 };
  });
  await s.sync();
  return probes.map(({ ws, protection, used, a1 }) => {
    const visibility = fromSheetVisibility(ws.visibility);
    const first: unknown = a1.values[0]?.[0];
    return {
      name: ws.name,
      visible: visibility === 'visible',
      visibility,
      protected: protection.protected,
      rowCount: used.isNullObject ? 0 : used.rowIndex + used.rowCount,
      columnCount: used.isNullObject ? 0 : used.columnIndex + used.columnCount,
      a1: typeof first === 'string' && first !== '' ? first : null,
    };
  });
}

/**
 * Values from A1. First sync: the used range, a sample of the top-left corner (for the bytes per cell)
 * and the band probes; then, if a band is still large, more probes; then the areas holding values,
 * packed into syncs under the budget. Rows are a full grid when that is small, otherwise each row is
 * as long as its values ([] for an empty row), as the .xlsx adapter gives them.
 */
export async function readValues(s: Session, sheet: string, budget: number): Promise<unknown[][]> {
  const ws = s.context.workbook.worksheets.getItem(sheet);
  const queue = (withSample: boolean) => ({
    used: ws.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
    sample: withSample ? ws.getRangeByIndexes(0, 0, SAMPLE_ROWS, SAMPLE_COLUMNS).getUsedRangeOrNullObject(true).load('rowCount,columnCount,values') : null,
    bands: queueBandProbes(ws),
  });
  let first = queue(true);
  try {
    await s.sync();
  } catch (e) {
    // Even the sample was too big (very wide rows of long texts): size the chunks without it.
    if (!isPayloadTooLarge(e)) throw e;
    first = queue(false);
    await s.sync();
  }
  if (first.used.isNullObject) return [];
  const { sample } = first;
  const perCell = sample && !sample.isNullObject ? jsonBytes(sample.values) / (sample.rowCount * sample.columnCount) : GUESS_BYTES_PER_CELL;
  const areas = await usedAreas(s, ws, first.bands);
  s.doing = `reading sheet "${sheet}"`;
  const grids = await readGridAreas(s, sheet, areas, ['values'], budget, perCell);
  return fromA1(areas, grids.map((g) => g.values), first.used.rowIndex + first.used.rowCount);
}

/** The areas' values placed from A1 (see readValues for the shape). */
function fromA1(areas: readonly GridArea[], values: readonly unknown[][][], rowCount: number): unknown[][] {
  const width = areas.reduce((w, a) => Math.max(w, a.left + a.columns), 0);
  const dense = rowCount * width <= DENSE_CELLS;
  const out: unknown[][] = new Array<unknown[]>(rowCount);
  areas.forEach((a, k) => {
    const rows = values[k] ?? [];
    for (let i = 0; i < a.rows; i++) {
      const row = rows[i] ?? [];
      const target = (out[a.top + i] ??= []);
      while (target.length < a.left) target.push('');
      for (let j = 0; j < row.length; j++) target[a.left + j] = row[j];
    }
  });
  for (let r = 0; r < rowCount; r++) {
    const row = (out[r] ??= []);
    if (dense) while (row.length < width) row.push('');
  }
  return out;
}

/** Formulas (or values where a cell has none) of one column's rows [fromRow, toRow], 0-based. */
export async function readFormulas(s: Session, sheet: string, col: number, fromRow: number, toRow: number, budget: number): Promise<unknown[]> {
  const got = await readGrid(s, { sheet, top: fromRow, left: col, rows: toRow - fromRow + 1, columns: 1, props: ['formulas'], budget, bytesPerRow: 64 });
  return got.formulas.map((row) => row[0]);
}

/** One sync for all the areas when their guessed size fits the budget; otherwise in budget-sized chunks. */
export async function readAreas(s: Session, sheet: string, areas: readonly CellArea[], budget: number, prop: 'values' | 'formulas' = 'values'): Promise<unknown[][][]> {
  const wanted = areas.filter((a) => a.rows > 0 && a.cols > 0);
  const out = new Map<CellArea, unknown[][]>();
  const cells = wanted.reduce((n, a) => n + a.rows * a.cols, 0);
  if (cells * GUESS_BYTES_PER_CELL <= budget && cells <= 1_000_000) {
    const ws = s.context.workbook.worksheets.getItem(sheet);
    const ranges = wanted.map((a) => ({ a, range: ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols).load(prop) }));
    try {
      await s.sync();
      for (const { a, range } of ranges) out.set(a, range[prop]);
    } catch (e) {
      if (!isPayloadTooLarge(e)) throw e;
    }
  }
  const rest = wanted.filter((a) => !out.has(a));
  const grids = await readGridAreas(s, sheet, rest.map((a) => ({ top: a.row, left: a.col, rows: a.rows, columns: a.cols })), [prop], budget, GUESS_BYTES_PER_CELL);
  rest.forEach((a, k) => out.set(a, grids[k]?.[prop] ?? []));
  return areas.map((a) => out.get(a) ?? []);
}
