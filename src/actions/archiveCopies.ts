/**
 * Rows the archive already holds word for word. Restoring the backup taken before an archive brings the
 * rows back while the archive keeps its copies; archiving them again must point at those copies, not
 * write each row a second time. A row is matched by the user's columns alone (the add-in's group and
 * note columns change from run to run), and each copy serves one row.
 */
import { cellText } from '../core/text';
import type { WorkbookPort } from '../workbook/port';

/** What a cell holds, as text that tells a number from the same digits typed as text. */
function cellKey(v: unknown): string {
  if (v instanceof Date) return `d${v.getTime()}`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${typeof v}:${String(v)}`;
  return `s:${cellText(v).trim()}`;
}

export const rowKey = (row: readonly unknown[] | undefined, width: number): string =>
  Array.from({ length: width }, (_, c) => cellKey(row?.[c])).join('\u0001');

export interface ArchiveCopies {
  /** The archive row (1-based) holding a copy of this ledger row, taken (each copy serves once); null when none. */
  take(row: readonly unknown[] | undefined): number | null;
  /** 0-based columns of the archive's group and note cells, found by their headers; null when absent. */
  groupCol: number | null;
  noteCol: number | null;
}

/**
 * The archive's rows by their user cells, when its header's first `width` cells are the ledger's (else
 * the columns moved since, and nothing is matched). One read of the archive sheet.
 */
export async function archiveCopies(port: WorkbookPort, archive: string, ledgerHeader: readonly unknown[], width: number,
  headers: { group: readonly string[]; note: readonly string[] }): Promise<ArchiveCopies> {
  const values = await port.readValues(archive);
  const header = values[0] ?? [];
  const none: ArchiveCopies = { take: () => null, groupCol: null, noteCol: null };
  if (width === 0 || rowKey(header, width) !== rowKey(ledgerHeader, width)) return none;
  const rows = new Map<string, number[]>();
  for (let r = 1; r < values.length; r++) {
    const key = rowKey(values[r], width);
    const list = rows.get(key);
    if (list) list.push(r + 1);
    else rows.set(key, [r + 1]);
  }
  const find = (words: readonly string[]) => {
    const c = header.findIndex((h) => words.includes(cellText(h).trim()));
    return c < 0 ? null : c;
  };
  return {
    take: (row) => rows.get(rowKey(row, width))?.shift() ?? null,
    groupCol: find(headers.group),
    noteCol: find(headers.note),
  };
}
