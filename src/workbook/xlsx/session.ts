/**
 * What one open .xlsx package carries between calls: the package, each sheet's scan (its frame and
 * extent, from one streamed pass, kept until the sheet changes) and what a plan has done to each sheet
 * so far, written out when the plan ends (or before a copy of it). The reads, the checks and every op
 * work on it, as the Office.js adapter's steps work on its Session.
 */
import { WorkbookError } from '../port';
import { attribute } from './xml/xml';
import type { XlsxPackage } from './package/xlsxPackage';
import { REL, resolveTarget } from './package/parts';
import type { SheetState } from './package/workbookXml';
import { readSheet, type SheetScan } from './sheet/readSheet';
import { RowPatcher, type CellOp } from './sheet/patchRows';
import { sheetPieces } from './sheet/sheetStream';
import type { SheetFrame } from './sheet/sheetFrame';
import type { ValueContext } from './sheet/cellValues';

/** Sheet names compare without case, as Excel compares them. */
export const key = (name: string): string => name.toLowerCase();

export interface SheetRef {
  name: string;
  path: string;
  relId: string;
  state: SheetState;
}

/** What a plan has done to one sheet so far. */
export interface Pending {
  frame: SheetFrame;
  cellOps: CellOp[];
  /** The bottom-right of everything written, for <dimension>. */
  extent: { rows: number; columns: number };
}

/** The widest row of a block (a loop: a million rows would overflow Math.max's arguments). */
export function widthOf(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  return width;
}

export class XlsxSession {
  readonly scans = new Map<string, SheetScan>();
  readonly pending = new Map<string, Pending>();

  constructor(readonly pkg: XlsxPackage) {}

  /** The worksheets in tab order (chartsheets and dialog sheets are not worksheets). */
  sheetRefs(): SheetRef[] {
    const rels = this.pkg.rels(this.pkg.workbookPath);
    return this.pkg.workbook.sheets().flatMap((x) => {
      const rel = rels.get(x.relId);
      if (!rel || rel.type !== REL.worksheet) return [];
      return [{ name: x.name, path: resolveTarget(this.pkg.workbookPath, rel.target), relId: x.relId, state: x.state }];
    });
  }

  ref(name: string): SheetRef {
    const ref = this.sheetRefs().find((x) => key(x.name) === key(name));
    if (!ref) throw new WorkbookError('not-found', `There is no sheet "${name}".`);
    return ref;
  }

  get valueContext(): ValueContext {
    const sst = this.pkg.sharedStrings();
    const styles = this.pkg.styles();
    const date1904 = this.pkg.workbook.date1904;
    return { sharedString: (i) => sst[i] ?? '', isDateStyle: (s) => styles.isDateStyle(s), date1904 };
  }

  /** The sheet's frame and extent, from one streamed pass (kept until the sheet changes). */
  scan(ref: SheetRef, values?: unknown[][]): SheetScan {
    const known = this.scans.get(ref.path);
    if (known && !values) return known;
    const scan = readSheet(this.pkg.readTexts(ref.path), this.valueContext, { values });
    this.scans.set(ref.path, scan);
    return scan;
  }

  pendingOf(ref: SheetRef): Pending {
    let p = this.pending.get(ref.path);
    if (!p) {
      p = { frame: this.scan(ref).frame.clone(), cellOps: [], extent: { rows: 0, columns: 0 } };
      this.pending.set(ref.path, p);
    }
    return p;
  }

  *rowsOf(path: string): Generator<string> {
    for (const piece of sheetPieces(this.pkg.readTexts(path))) if (piece.kind === 'row') yield piece.xml;
  }

  flushAll(): void {
    for (const path of [...this.pending.keys()]) this.flush(path);
  }

  /** Writes a sheet's pending changes into its part: its rows streamed through the patcher, in its new frame. */
  flush(path: string): void {
    const p = this.pending.get(path);
    if (!p) return;
    this.pending.delete(path);
    const scan = this.scans.get(path);
    const styles = this.pkg.styles();
    const columns = p.frame.columns().map((c) => ({ min: c.min, max: c.max, style: Number(attribute(c.tag, 'style') ?? 0) }));
    const patcher = new RowPatcher(p.cellOps, {
      prefix: p.frame.prefix,
      derive: (base, change) => styles.derive(base, change),
      columnStyle: (col) => columns.find((c) => col >= c.min && col <= c.max)?.style ?? 0,
    });
    const rows = this.rowsOf(path);
    if (p.cellOps.length > 0) {
      const old = p.frame.dimension() ?? { top: 1, left: 1, bottom: Math.max(1, scan?.usedRows ?? 1), right: Math.max(1, scan?.usedColumns ?? 1) };
      p.frame.setDimension({
        top: 1, left: 1,
        bottom: Math.max(old.bottom, p.extent.rows, scan?.lastRow ?? 0, 1),
        right: Math.max(old.right, p.extent.columns, 1),
      });
    }
    const { head, tail } = p.frame.split();
    const writer = this.pkg.writer(path);
    writer.write(head);
    for (const row of patcher.patch(rows)) writer.write(row);
    writer.write(tail);
    writer.close();
    // The sheet as it is now, without reading it again: what was there and what was written.
    if (!scan) {
      this.scans.delete(path);
      return;
    }
    const w = patcher.written;
    this.scans.set(path, {
      frame: p.frame,
      usedRows: Math.max(scan.usedRows, w.rows),
      usedColumns: Math.max(scan.usedColumns, w.columns),
      lastRow: Math.max(scan.lastRow, patcher.lastRow),
      a1: w.a1 === undefined ? scan.a1 : w.a1,
      arrays: scan.arrays,
    });
  }
}
