/**
 * format, columnWidths, freeze, pageLayout: cell styles through the package's style table, the sheet
 * frame's columns, view and page setup; print titles are a defined name in the workbook part.
 */
import type { WriteOp } from '../../port';
import type { StyleChange } from '../package/styles';
import { needBox, needTitleRows } from '../planCheck';
import { key, type XlsxSession } from '../session';

type Op<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;

export function format(s: XlsxSession, op: Op<'format'>): void {
  const ref = s.ref(op.sheet);
  const p = s.pendingOf(ref);
  const scan = s.scan(ref);
  const box = needBox(op.address, 'format');
  // A whole row or column is formatted over the cells in use, not a million rows. Unlocked rows below the
  // data are asked for by a bounded range, and kept: they are where a protected ledger takes new entries.
  const keepRows = op.locked === false && box.bottom < 1_048_576;
  const bottom = keepRows ? box.bottom : Math.min(box.bottom, Math.max(box.top, scan.lastRow, p.extent.rows));
  const right = Math.min(box.right, Math.max(box.left, scan.usedColumns, p.extent.columns));
  const change: StyleChange = {};
  if (op.bold !== undefined) change.bold = op.bold;
  if (op.fill !== undefined) change.fill = op.fill;
  if (op.fontColor !== undefined) change.fontColor = op.fontColor;
  if (op.wrap !== undefined) change.wrap = op.wrap;
  if (op.align !== undefined) change.align = op.align;
  if (op.locked !== undefined) change.locked = op.locked;
  p.cellOps.push({ kind: 'style', box: { ...box, bottom, right }, change });
}

export function columnWidths(s: XlsxSession, op: Op<'columnWidths'>): void {
  s.pendingOf(s.ref(op.sheet)).frame.setColumnWidths(op.widths.map((w) => ({ col: w.col + 1, width: w.width })));
}

export function freeze(s: XlsxSession, op: Op<'freeze'>): void {
  s.pendingOf(s.ref(op.sheet)).frame.freeze(Math.max(0, op.rows), Math.max(0, op.columns ?? 0));
}

export function pageLayout(s: XlsxSession, op: Op<'pageLayout'>): void {
  const ref = s.ref(op.sheet);
  s.pendingOf(ref).frame.setPageSetup({ orientation: op.orientation, fitToWidth: op.fitToWidth });
  if (op.printTitleRows === undefined) return;
  const index = s.pkg.workbook.sheets().findIndex((x) => key(x.name) === key(ref.name));
  if (index >= 0) s.pkg.workbook.setPrintTitleRows(index, ref.name, needTitleRows(op.printTitleRows));
}
