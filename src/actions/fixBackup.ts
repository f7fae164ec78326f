/**
 * One backup for a run of small fixes. Fixing problems one at a time ("Fix" beside each, or the ribbon's
 * Fix selected cells) used to copy the whole ledger each time: ten clicks, ten backup sheets. Such a fix
 * reuses the ledger's latest backup when that backup was taken before such a fix (not before Fix all, a
 * step the user may want to undo on its own), recently, and still holds every
 * cell this fix overwrites exactly as the cell is now — so restoring it gives back what this fix
 * changes, as a new copy would. Anything else (an edit or another fix since in those cells, a merge or
 * import since, a large fix) makes a new backup.
 */
import type { CellArea } from '../workbook/port';
import type { Ledger } from './context';
import { columnRuns } from './formulaCells';
import { backupMadeText } from './names';

/** A fix overwriting more cells than this makes its own backup (the comparison would read as much as a copy). */
const MAX_CELLS_COMPARED = 1000;
/** How old (minutes) a fix's backup may be and still serve the next fix. */
const REUSE_WITHIN_MINUTES = 60;

const minutesOf = (made: string): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(made);
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) / 60000 : null;
};

const sameCell = (a: unknown, b: unknown): boolean => (a ?? '') === (b ?? '') || (a instanceof Date && b instanceof Date && a.getTime() === b.getTime());

/**
 * The backup sheet this fix can rely on, or null when it needs its own. `cells`: what the fix overwrites
 * (1-based sheet row, 0-based column). Reads those cells of the backup (one read) only when a candidate exists.
 */
export async function reusableFixBackup(ledger: Ledger, port: { readAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]> },
  cells: readonly { row: number; col: number }[], now: Date): Promise<string | null> {
  if (cells.length === 0 || cells.length > MAX_CELLS_COMPARED) return null;
  const alive = new Map(ledger.sheets.map((s) => [s.name.toLowerCase(), s.name]));
  const mine = Object.entries(ledger.stored.backups)
    .filter(([name, r]) => r.of.toLowerCase() === ledger.sheet.toLowerCase() && alive.has(name.toLowerCase()))
    .sort((a, b) => (a[1].made < b[1].made ? -1 : a[1].made > b[1].made ? 1 : 0));
  const latest = mine[mine.length - 1];
  if (!latest || latest[1].before !== 'fix-cells') return null;
  const made = minutesOf(latest[1].made);
  const current = minutesOf(backupMadeText(now));
  if (made === null || current === null || current - made > REUSE_WITHIN_MINUTES || current < made) return null;
  const backup = alive.get(latest[0].toLowerCase())!;
  const areas = columnRuns(cells);
  const grids = await port.readAreas(backup, areas);
  const unchanged = areas.every((a, k) => Array.from({ length: a.rows }, (_, i) =>
    sameCell(grids[k]?.[i]?.[0], ledger.values[a.row + i]?.[a.col])).every(Boolean));
  return unchanged ? backup : null;
}
