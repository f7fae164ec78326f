/// <reference types="office-js" />
/**
 * Where a sheet's values are, without reading the rectangle of its used range: one stray value at
 * XFD1048576 makes that rectangle 17 billion cells. Bands of whole rows are probed with
 * Range.getUsedRangeOrNullObject(true) (ExcelApi 1.4), all in one sync; a band whose used area is still
 * too large to read as it is (mostly empty) is probed again in smaller bands, until what is left is
 * the few small areas that hold values.
 */
import { MAX_COLUMNS, MAX_ROWS } from '../../core/grid/rect';
import type { GridArea } from './gridRead';
import type { Session } from './session';

/** Bands of the first probe: the sheet's 1,048,576 rows in 16. */
const FIRST_BAND_ROWS = MAX_ROWS / 16;
/** Each further probe cuts an area into this many bands of rows. */
const SPLIT = 16;
/** An area of at most this many cells is read as it is (its empty cells cost ~3 bytes each). */
export const MAX_AREA_CELLS = 2_000_000;
/** Rounds of probing after the first: 65,536-row bands reach single rows in four. */
const MAX_ROUNDS = 4;

type Probe = Excel.Range;

/** Queues the first probe (whole-width bands over the whole sheet), to be sent with the caller's sync. */
export function queueBandProbes(ws: Excel.Worksheet): Probe[] {
  const probes: Probe[] = [];
  for (let top = 0; top < MAX_ROWS; top += FIRST_BAND_ROWS) probes.push(probeRows(ws, top, FIRST_BAND_ROWS));
  return probes;
}

function probeRows(ws: Excel.Worksheet, top: number, rows: number): Probe {
  return ws.getRangeByIndexes(top, 0, rows, MAX_COLUMNS).getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount');
}

function areaOf(p: Probe): GridArea | null {
  return p.isNullObject ? null : { top: p.rowIndex, left: p.columnIndex, rows: p.rowCount, columns: p.columnCount };
}

const cellsOf = (a: GridArea): number => a.rows * a.columns;

/**
 * The areas holding the sheet's values, top to bottom, from the first probe's answers: areas too large
 * to read as they are are probed again (one sync per round, every such area at once).
 */
export async function usedAreas(s: Session, ws: Excel.Worksheet, first: readonly Probe[]): Promise<GridArea[]> {
  let settled: GridArea[] = [];
  let open = first.map(areaOf).filter((a): a is GridArea => a !== null);
  for (let round = 0; ; round++) {
    const large = open.filter((a) => cellsOf(a) > MAX_AREA_CELLS && a.rows > 1);
    settled = settled.concat(open.filter((a) => !large.includes(a)));
    if (large.length === 0 || round >= MAX_ROUNDS) {
      settled = settled.concat(large);
      break;
    }
    const probes: Probe[] = [];
    for (const a of large) {
      const step = Math.ceil(a.rows / SPLIT);
      for (let top = a.top; top < a.top + a.rows; top += step) probes.push(probeRows(ws, top, Math.min(step, a.top + a.rows - top)));
    }
    s.doing = 'finding the cells that hold values';
    await s.sync();
    open = probes.map(areaOf).filter((a): a is GridArea => a !== null);
  }
  return settled.sort((a, b) => a.top - b.top);
}
