/** deleteRows: every pending write goes in first, then the rows below move up through the whole package. */
import type { WriteOp } from '../../port';
import { deleteSheetRows } from '../sheet/deleteRows';
import type { XlsxSession } from '../session';

export function deleteRows(s: XlsxSession, op: Extract<WriteOp, { op: 'deleteRows' }>): void {
  const ref = s.ref(op.sheet);
  s.flushAll();
  deleteSheetRows(s.pkg, s.sheetRefs(), ref, s.scan(ref), op.rows, (path) => s.scans.delete(path));
}
