/// <reference types="office-js" />
/**
 * Reading blocks of cells under the payload budget: row chunks of one or more areas, as many per sync as
 * the byte budget allows, sized from a bytes-per-cell estimate corrected after every sync by what came
 * back. A sync refused for its size (…PayloadSizeLimitExceeded) is retried with smaller chunks.
 */
import { jsonBytes } from '../../core/grid/bytes';
import { isPayloadTooLarge } from './errors';
import type { Session } from './session';

export type GridProp = 'values' | 'formulas' | 'numberFormat';

/** 0-based top-left and size of a block. */
export interface GridArea { top: number; left: number; rows: number; columns: number }

export interface GridReadOptions extends GridArea {
  sheet: string;
  props: readonly GridProp[];
  /** Response budget per sync in bytes. */
  budget: number;
  /** First guess of the response bytes per row (all props together). */
  bytesPerRow: number;
}

export type Grids = Record<GridProp, unknown[][]>;

/** Most rows in one range load (Microsoft's advice: blocks of 5k–20k rows). */
const MAX_ROWS_PER_RANGE = 20_000;
/** Most cells in one range load (Excel refuses to read more than 5,000,000 cells at once). */
const MAX_CELLS_PER_RANGE = 1_000_000;
/** JSON framing and object paths per sync / per range. */
const SYNC_OVERHEAD = 512;
const RANGE_OVERHEAD = 256;
const MAX_SHRINKS = 16;

interface Piece {
  area: number;
  range: Excel.Range;
  rows: number;
}

/** One block, rows × columns per prop. */
export async function readGrid(s: Session, o: GridReadOptions): Promise<Grids> {
  const [got] = await readGridAreas(s, o.sheet, [o], o.props, o.budget, o.bytesPerRow / Math.max(1, o.columns * o.props.length));
  return got ?? emptyGrids();
}

/**
 * Several blocks of one sheet, in order, packed together into syncs: a block's last chunk and the next
 * block's first share a sync. `bytesPerCell` is the first guess (per prop).
 */
export async function readGridAreas(s: Session, sheet: string, areas: readonly GridArea[], props: readonly GridProp[], budget: number, bytesPerCell: number): Promise<Grids[]> {
  const out = areas.map(emptyGrids);
  let perCell = Math.max(0.5, bytesPerCell);
  let measuredBytes = 0;
  let measuredCells = 0;
  let shrinks = 0;
  // Where reading stands: area index and rows done in it.
  let at = 0;
  let done = 0;
  const skipEmpty = (): void => {
    while (at < areas.length && (done >= (areas[at]?.rows ?? 0) || (areas[at]?.columns ?? 0) <= 0)) {
      at++;
      done = 0;
    }
  };
  skipEmpty();
  while (at < areas.length) {
    const ws = s.context.workbook.worksheets.getItem(sheet);
    const pieces: Piece[] = [];
    let room = budget - SYNC_OVERHEAD;
    let a = at;
    let from = done;
    while (a < areas.length && room > 0) {
      const area = areas[a] as GridArea;
      const cellsPerRow = area.columns * props.length;
      const rowsPerRange = Math.max(1, Math.min(MAX_ROWS_PER_RANGE, Math.floor(MAX_CELLS_PER_RANGE / cellsPerRow)));
      const rowBytes = cellsPerRow * perCell + RANGE_OVERHEAD / rowsPerRange;
      const fit = Math.floor(room / rowBytes);
      // Always at least one row per sync; otherwise only what fits.
      const want = Math.min(area.rows - from, pieces.length === 0 ? Math.max(1, fit) : fit);
      if (want <= 0) break;
      for (let k = 0; k < want; k += rowsPerRange) {
        const n = Math.min(rowsPerRange, want - k);
        const range = ws.getRangeByIndexes(area.top + from + k, area.left, n, area.columns);
        if (props.includes('values')) range.load('values');
        if (props.includes('formulas')) range.load('formulas');
        if (props.includes('numberFormat')) range.load('numberFormat');
        pieces.push({ area: a, range, rows: n });
      }
      room -= want * rowBytes + RANGE_OVERHEAD;
      from += want;
      if (from < area.rows) break;
      a++;
      from = 0;
    }
    try {
      await s.sync();
    } catch (e) {
      const rows = pieces.reduce((n, p) => n + p.rows, 0);
      if (!isPayloadTooLarge(e) || rows <= 1 || shrinks >= MAX_SHRINKS) throw e;
      shrinks++;
      // Read as if every cell were twice as big, and never more than half of what was refused.
      const cells = pieces.reduce((n, p) => n + p.rows * ((areas[p.area]?.columns ?? 1) * props.length), 0);
      perCell = Math.max(perCell * 2, (2 * budget) / Math.max(1, cells));
      continue;
    }
    let bytes = 0;
    let cells = 0;
    for (const p of pieces) {
      const grids = out[p.area] as Grids;
      for (const prop of props) {
        const grid = p.range[prop] as unknown[][];
        bytes += jsonBytes(grid);
        for (const row of grid) grids[prop].push(row);
      }
      cells += p.rows * ((areas[p.area]?.columns ?? 1) * props.length);
    }
    at = a;
    done = from;
    skipEmpty();
    measuredBytes += bytes;
    measuredCells += cells;
    // The average so far, but never below the last sync's (data often grows toward the bottom).
    perCell = Math.max(0.5, measuredBytes / measuredCells, bytes / Math.max(1, cells));
  }
  return out;
}

function emptyGrids(): Grids {
  return { values: [], formulas: [], numberFormat: [] };
}
