/** Which of some cells hold a formula: the add-in never writes over one. One read per column, over the span asked. */
import type { WorkbookPort } from '../workbook/port';

/** "row:col" keys (1-based row, 0-based column) of the cells among `cells` that hold a formula. */
export async function formulaCellsAmong(port: WorkbookPort, sheet: string, cells: readonly { row: number; col: number }[]): Promise<Set<string>> {
  const byColumn = new Map<number, number[]>();
  for (const c of cells) {
    const rows = byColumn.get(c.col);
    if (rows) rows.push(c.row); else byColumn.set(c.col, [c.row]);
  }
  const found = new Set<string>();
  for (const [col, rows] of byColumn) {
    let from = rows[0]!;
    let to = rows[0]!;
    for (const r of rows) { if (r < from) from = r; if (r > to) to = r; }
    const formulas = await port.readFormulas(sheet, col, from - 1, to - 1);
    for (const row of rows) {
      const f = formulas[row - from];
      if (typeof f === 'string' && f.startsWith('=')) found.add(`${row}:${col}`);
    }
  }
  return found;
}
