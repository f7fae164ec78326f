/**
 * Who made a change Excel reported through Worksheet.onChanged: the add-in itself, or a person.
 *
 * - triggerSource 'ThisLocalAddin' (ExcelApi 1.14+): the add-in, whenever the event arrives.
 * - source 'Remote': a co-author, never this add-in (its writes are local).
 * - Otherwise — triggerSource 'Unknown', which Microsoft documents as "unknown or currently
 *   unsupported", or no triggerSource at all (hosts before ExcelApi 1.14) — the add-in's when it lies
 *   where the add-in is writing or wrote within the last OWN_WRITE_GRACE_MS (ownWrites.ts); a person's
 *   otherwise. The price: an edit a person makes in exactly those cells in that time is not seen.
 */
import type { ChangeOrigin } from '../workbook/excel/events';
import type { OwnWrites } from './ownWrites';

export type ChangeAuthor = 'addin' | 'user';

export function changeAuthor(sheet: string, address: string, origin: ChangeOrigin, registry: OwnWrites): ChangeAuthor {
  if (origin.triggerSource === 'ThisLocalAddin') return 'addin';
  if (origin.source === 'Remote') return 'user';
  return registry.covers(sheet, address) ? 'addin' : 'user';
}
