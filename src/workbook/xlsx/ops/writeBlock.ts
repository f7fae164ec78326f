/** writeBlock: values and formulas queued on the sheet's pending rows, written when the plan ends. */
import type { WriteOp } from '../../port';
import { widthOf, type XlsxSession } from '../session';

export function writeBlock(s: XlsxSession, op: Extract<WriteOp, { op: 'writeBlock' }>): void {
  const p = s.pendingOf(s.ref(op.sheet));
  p.cellOps.push({ kind: 'values', top: op.row + 1, left: op.col + 1, rows: op.values, numberFormats: op.numberFormats });
  p.extent.rows = Math.max(p.extent.rows, op.row + op.values.length);
  p.extent.columns = Math.max(p.extent.columns, op.col + widthOf(op.values));
}
