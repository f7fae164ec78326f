/** protectSheet, unprotectSheet and hideColumns on the sheet's frame (the password was checked in planCheck). */
import type { WriteOp } from '../../port';
import { protectionAttributes } from '../sheet/sheetProtection';
import type { XlsxSession } from '../session';

type Op<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;

export function protectSheet(s: XlsxSession, op: Op<'protectSheet'>): void {
  s.pendingOf(s.ref(op.sheet)).frame.protect(protectionAttributes(op.password));
}

export function unprotectSheet(s: XlsxSession, op: Op<'unprotectSheet'>): void {
  s.pendingOf(s.ref(op.sheet)).frame.unprotect();
}

export function hideColumns(s: XlsxSession, op: Op<'hideColumns'>): void {
  s.pendingOf(s.ref(op.sheet)).frame.setColumnsHidden(op.cols.map((c) => c + 1), op.hidden);
}
