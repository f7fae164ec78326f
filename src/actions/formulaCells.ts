/**
 * Which of some cells hold a formula: the add-in never writes over one. Cells next to each other in a
 * column are read as one area, all areas in one read (one sync in Excel while they fit the budget).
 */
import type { CellArea, WorkbookPort } from '../workbook/port';

/** "row:col" keys (1-based row, 0-based column) of the cells among `cells` that hold a formula. */
export async function formulaCellsAmong(port: WorkbookPort, sheet: string, cells: readonly { row: number; col: number }[]): Promise<Set<string>> {
  const found = new Set<string>();
  if (cells.length === 0) return found;
  const areas = columnRuns(cells);
  const grids = await port.readFormulaAreas(sheet, areas);
  areas.forEach((a, k) => {
    grids[k]?.forEach((row, i) => {
      const f = row[0];
      if (typeof f === 'string' && f.startsWith('=')) found.add(`${a.row + i + 1}:${a.col}`);
    });
  });
  return found;
}

/** Cells (1-based row, 0-based column) as areas one column wide, cells next to each other in a column as one. */
export function columnRuns(cells: readonly { row: number; col: number }[]): CellArea[] {
  const sorted = [...cells].sort((a, b) => a.col - b.col || a.row - b.row);
  const areas: CellArea[] = [];
  for (const c of sorted) {
    const last = areas[areas.length - 1];
    if (last && last.col === c.col && last.row + last.rows === c.row - 1) last.rows++;
    else if (!last || last.col !== c.col || last.row + last.rows < c.row) areas.push({ row: c.row - 1, col: c.col, rows: 1, cols: 1 });
  }
  return areas;
}
