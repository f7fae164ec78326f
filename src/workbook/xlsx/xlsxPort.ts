/**
 * The port over an .xlsx package, edited in place: the CLI (`customer-ledger apply`) and tests on real
 * files. It reads sheets as they stream out of the zip and writes only what a plan changes — the rows a
 * write touches, the frame around them (widths, views, validations, formats), new sheets and tables —
 * so every part it does not understand (defined names, links, pivots, charts, macros, spills, images…)
 * is written back as the user's file had it.
 *
 * PivotTables and charts are not written (capabilities say so: the summary uses formulas).
 */
import {
  WorkbookError,
  throwIfStopped,
  type ApplyOptions,
  type Capabilities,
  type CellArea,
  type CellInput,
  type SheetInfo,
  type WorkbookPort,
  type WriteOp,
  type WritePlan,
} from '../port';
import { boxAddress, parseBox, parseBoxes, type Box } from './a1';
import { XlsxPackage } from './package/xlsxPackage';
import { CONTENT_TYPE, REL, Relationships, relativeTarget, relsPathOf, resolveTarget } from './package/parts';
import type { SheetState } from './package/workbookXml';
import { argbOf, type StyleChange } from './package/styles';
import { readColumnFormulas, readSheet, type SheetScan } from './sheet/readSheet';
import { RowPatcher, type CellOp } from './sheet/patchRows';
import { sheetPieces } from './sheet/sheetStream';
import { SheetFrame, intersects } from './sheet/sheetFrame';
import type { ValueContext } from './sheet/cellValues';
import { validationXml } from './sheet/validationXml';
import { newTableXml, readTable, renameTable, renameTablesInRows, uniqueTableName } from './sheet/tableXml';
import { deleteSheetRows, findRowMoveBlockers } from './sheet/deleteRows';
import { zipBytes, type ZipPart } from './zip/zipWrite';
import { MAX_CELL_TEXT, attribute, dropRelationshipsNotIn } from './xml/xml';

type Op<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;


const key = (name: string): string => name.toLowerCase();

/** Excel's rules for sheet names. */
function checkSheetName(name: string): void {
  if (name.trim() === '' || name.length > 31 || /[*?:/\\[\]]/.test(name) || /^'|'$/.test(name) || key(name) === 'history') {
    throw new WorkbookError('unsupported', `"${name}" cannot be a sheet name (1–31 characters, none of * ? : / \\ [ ], not starting or ending with ').`);
  }
}

function needBox(address: string, what: string): Box {
  const box = parseBox(address);
  if (!box) throw new WorkbookError('not-found', `${what}: "${address}" is not a range address.`);
  return box;
}

function checkColour(color: string | undefined): void {
  if (color === undefined) return;
  try {
    argbOf(color);
  } catch {
    throw new WorkbookError('unsupported', `"${color}" is not a #RRGGBB colour.`);
  }
}

interface SheetRef {
  name: string;
  path: string;
  relId: string;
  state: SheetState;
}

/** What a plan has done to one sheet so far, written out when the plan ends (or before a copy of it). */
interface Pending {
  frame: SheetFrame;
  cellOps: CellOp[];
  /** The bottom-right of everything written, for <dimension>. */
  extent: { rows: number; columns: number };
}

/** A1's text as the port reports it: text (a number or a date is not a title), null otherwise. */
function a1Text(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** The widest row of a block (a loop: a million rows would overflow Math.max's arguments). */
function widthOf(rows: readonly (readonly unknown[])[]): number {
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  return width;
}

const isBlankInput = (v: CellInput | undefined): boolean => v === null || v === undefined || v === '';

export class XlsxWorkbookPort implements WorkbookPort {
  readonly kind = 'xlsx' as const;
  private readonly scans = new Map<string, SheetScan>();
  private readonly pending = new Map<string, Pending>();

  private constructor(readonly pkg: XlsxPackage) {}

  /** Opens a workbook from its bytes; throws PackageError when they are not a usable .xlsx. */
  static open(bytes: Uint8Array): XlsxWorkbookPort {
    return new XlsxWorkbookPort(XlsxPackage.open(bytes));
  }

  async capabilities(): Promise<Capabilities> {
    return { kind: 'xlsx', pivotTables: false, dataValidation: true, conditionalFormats: true, charts: false, copySheet: true };
  }

  // ---- sheets ----------------------------------------------------------------------------------------

  private sheetRefs(): SheetRef[] {
    const rels = this.pkg.rels(this.pkg.workbookPath);
    return this.pkg.workbook.sheets().flatMap((s) => {
      const rel = rels.get(s.relId);
      if (!rel || rel.type !== REL.worksheet) return []; // chartsheets, dialog sheets: not worksheets
      return [{ name: s.name, path: resolveTarget(this.pkg.workbookPath, rel.target), relId: s.relId, state: s.state }];
    });
  }

  private ref(name: string): SheetRef {
    const ref = this.sheetRefs().find((s) => key(s.name) === key(name));
    if (!ref) throw new WorkbookError('not-found', `There is no sheet "${name}".`);
    return ref;
  }

  private get valueContext(): ValueContext {
    const sst = this.pkg.sharedStrings();
    const styles = this.pkg.styles();
    const date1904 = this.pkg.workbook.date1904;
    return { sharedString: (i) => sst[i] ?? '', isDateStyle: (s) => styles.isDateStyle(s), date1904 };
  }

  /** The sheet's frame and extent, from one streamed pass (kept until the sheet changes). */
  private scan(ref: SheetRef, values?: unknown[][]): SheetScan {
    const known = this.scans.get(ref.path);
    if (known && !values) return known;
    const scan = readSheet(this.pkg.readTexts(ref.path), this.valueContext, { values });
    this.scans.set(ref.path, scan);
    return scan;
  }

  /** The worksheets' names and visibility, from the workbook part alone (no sheet is read). */
  sheetStates(): { name: string; state: SheetState }[] {
    return this.sheetRefs().map((r) => ({ name: r.name, state: r.state }));
  }

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheetRefs().map((ref) => {
      const scan = this.scan(ref);
      return {
        name: ref.name,
        visible: ref.state === 'visible',
        visibility: ref.state,
        protected: scan.frame.isProtected,
        rowCount: scan.usedRows,
        columnCount: scan.usedColumns,
        a1: a1Text(scan.a1),
      };
    });
  }

  /** 0-based columns the user hid on the sheet. */
  async hiddenColumns(sheet: string): Promise<number[]> {
    return [...this.scan(this.ref(sheet)).frame.hiddenColumns()].map((c) => c - 1).sort((a, b) => a - b);
  }

  /** The sheet's merged areas as A1 addresses ("A1:H1"): the playground draws them as Excel does. */
  mergedAreas(sheet: string): string[] {
    return this.scan(this.ref(sheet)).frame.merges().map(boxAddress);
  }

  async readValues(sheet: string): Promise<unknown[][]> {
    const values: unknown[][] = [];
    this.scan(this.ref(sheet), values);
    return values;
  }

  async readFormulas(sheet: string, col: number, fromRow: number, toRow: number): Promise<unknown[]> {
    const ref = this.ref(sheet);
    return readColumnFormulas(this.pkg.readTexts(ref.path), this.valueContext, col, fromRow + 1, toRow + 1);
  }

  async readAreas(sheet: string, areas: readonly CellArea[]): Promise<unknown[][][]> {
    const ref = this.ref(sheet);
    const out = areas.map((a) => Array.from({ length: a.rows }, () => new Array<unknown>(Math.max(0, a.cols)).fill(null)));
    const from = Math.min(...areas.map((a) => a.row + 1));
    const to = Math.max(...areas.map((a) => a.row + a.rows));
    if (areas.length === 0) return out;
    // The frame (its merged areas) is known once the sheet was scanned: then reading stops after the
    // last row asked for instead of going through the whole sheet.
    const known = this.scans.get(ref.path);
    const scan = readSheet(this.pkg.readTexts(ref.path), this.valueContext, {
      rowRange: { from, to },
      stopAfterRange: known !== undefined,
      onCell: (r, c, v) => {
        areas.forEach((a, i) => {
          if (r - 1 >= a.row && r - 1 < a.row + a.rows && c >= a.col && c < a.col + a.cols) out[i]![r - 1 - a.row]![c - a.col] = v;
        });
      },
    });
    for (const m of (known ?? scan).frame.merges()) {
      areas.forEach((a, i) => {
        for (let r = Math.max(m.top, a.row + 1); r <= Math.min(m.bottom, a.row + a.rows); r++) {
          for (let c = Math.max(m.left, a.col + 1); c <= Math.min(m.right, a.col + a.cols); c++) {
            if (r !== m.top || c !== m.left) out[i]![r - 1 - a.row]![c - 1 - a.col] = null;
          }
        }
      });
    }
    return out;
  }

  // ---- the plan ------------------------------------------------------------------------------------

  async apply(plan: WritePlan, options: ApplyOptions = {}): Promise<void> {
    const skip = this.checkPlan(plan.ops);
    throwIfStopped(options.signal);
    const total = plan.ops.length;
    let changed = false;
    for (let i = 0; i < plan.ops.length; i++) {
      if (!skip.has(i)) {
        this.applyOp(plan.ops[i]!);
        changed = true;
      }
      options.onProgress?.({ done: i + 1, total });
      await options.turn?.();
    }
    for (const path of [...this.pending.keys()]) this.flush(path);
    if (changed) this.afterChange();
  }

  /** Excel recalculates on open (new formulas have no cached results) and rebuilds its calculation chain. */
  private afterChange(): void {
    this.pkg.workbook.setFullCalcOnLoad();
    const rels = this.pkg.rels(this.pkg.workbookPath);
    for (const rel of rels.byType(REL.calcChain)) {
      this.pkg.remove(resolveTarget(this.pkg.workbookPath, rel.target));
      rels.remove(rel.id);
      this.pkg.touchRels(this.pkg.workbookPath);
    }
  }

  /**
   * Everything that can fail without touching the workbook, before the first write: sheets exist where
   * the plan needs them (following its own adds and deletes), none it changes is protected, nothing is
   * written into part of a merged area or an array formula, rows can be moved. Returns ops to skip.
   */
  private checkPlan(ops: readonly WriteOp[]): Set<number> {
    const refs = this.sheetRefs();
    const exists = new Set(this.pkg.workbook.sheets().map((s) => key(s.name)));
    const created = new Set<string>();
    const touched = new Set<string>();
    const skip = new Set<number>();
    let structural = false;
    const mustExist = (name: string, what: string): void => {
      if (!exists.has(key(name))) throw new WorkbookError('not-found', `${what}: there is no sheet "${name}".`);
      if (!created.has(key(name)) && !refs.some((r) => key(r.name) === key(name))) {
        throw new WorkbookError('unsupported', `${what}: "${name}" is not a worksheet (a chart sheet or a macro sheet).`);
      }
    };
    const touch = (name: string): void => {
      if (!created.has(key(name))) touched.add(key(name));
    };
    ops.forEach((op, i) => {
      switch (op.op) {
        case 'addSheet':
          checkSheetName(op.name);
          if (exists.has(key(op.name))) throw new WorkbookError('exists', `addSheet: a sheet "${op.name}" already exists.`);
          exists.add(key(op.name));
          created.add(key(op.name));
          structural = true;
          return;
        case 'deleteSheet':
          if (!exists.has(key(op.name))) {
            skip.add(i);
            return;
          }
          touch(op.name);
          exists.delete(key(op.name));
          created.delete(key(op.name));
          structural = true;
          return;
        case 'copySheet':
          checkSheetName(op.to);
          mustExist(op.from, 'copySheet');
          if (exists.has(key(op.to))) throw new WorkbookError('exists', `copySheet: a sheet "${op.to}" already exists.`);
          exists.add(key(op.to));
          created.add(key(op.to));
          structural = true;
          return;
        case 'pivot':
          throw new WorkbookError('unsupported', `PivotTable "${op.name}": this tool cannot write PivotTables to a file; use the Excel add-in, or the summary's formula tables.`);
        case 'chart':
          throw new WorkbookError('unsupported', `Chart "${op.name}": this tool cannot write charts to a file; use the Excel add-in.`);
        case 'format':
          needBox(op.address, 'format');
          checkColour(op.fill);
          checkColour(op.fontColor);
          break;
        case 'addTable':
          needBox(op.address, 'addTable');
          break;
        case 'validation':
          if (parseBoxes(op.address).length === 0) needBox(op.address, 'validation');
          validationXml('', op.address, op.rule, op);
          break;
        case 'conditionalFormat':
          if (parseBoxes(op.address).length === 0) needBox(op.address, 'conditionalFormat');
          checkColour(op.fill);
          checkColour(op.fontColor);
          break;
        case 'writeBlock':
          if (op.row < 0 || op.col < 0 || op.row + op.values.length > 1_048_576 ||
            op.col + widthOf(op.values) > 16_384) {
            throw new WorkbookError('too-large', `writeBlock: row ${op.row + 1}, column ${op.col + 1} and its ${op.values.length} rows do not fit on a sheet (1,048,576 rows × 16,384 columns).`);
          }
          for (const row of op.values) {
            for (const v of row) {
              if (typeof v === 'string' && v.length > MAX_CELL_TEXT) {
                throw new WorkbookError('too-large', `A cell can hold at most ${MAX_CELL_TEXT} characters; the add-in needed to write ${v.length} into sheet "${op.sheet}". Nothing was changed.`);
              }
            }
          }
          break;
        default:
          break;
      }
      mustExist(op.sheet, op.op);
      touch(op.sheet);
    });
    if (structural && this.pkg.workbook.structureLocked) {
      throw new WorkbookError('protected', 'The workbook structure is protected, and this needs to add, delete or rename sheets; unprotect it (Review → Protect Workbook) and try again. Nothing was changed.', 'workbook-structure');
    }
    for (const name of touched) {
      const ref = refs.find((r) => key(r.name) === name);
      if (ref && this.scan(ref).frame.isProtected) {
        throw new WorkbookError('protected', `The sheet "${ref.name}" is protected; unprotect it (Review → Unprotect Sheet) and try again. Nothing was changed.`);
      }
    }
    this.checkCellWrites(ops, created);
    for (const op of ops) {
      if (op.op !== 'deleteRows' || created.has(key(op.sheet))) continue;
      const ref = refs.find((r) => key(r.name) === key(op.sheet));
      if (!ref) continue;
      const blocker = findRowMoveBlockers(this.pkg, ref, this.scan(ref), op.rows);
      if (blocker) {
        throw new WorkbookError('unsupported', `Rows of sheet "${ref.name}" cannot be moved in this file: ${blocker}. Nothing was changed.`);
      }
    }
    return skip;
  }

  /** No value lands in a merged area's cell other than its top-left, or inside an array formula's range. */
  private checkCellWrites(ops: readonly WriteOp[], created: ReadonlySet<string>): void {
    for (const op of ops) {
      if (op.op !== 'writeBlock' || created.has(key(op.sheet))) continue;
      const ref = this.sheetRefs().find((r) => key(r.name) === key(op.sheet));
      if (!ref) continue;
      const scan = this.scan(ref);
      const width = widthOf(op.values);
      if (width === 0 || op.values.length === 0) continue;
      const block: Box = { top: op.row + 1, left: op.col + 1, bottom: op.row + op.values.length, right: op.col + width };
      for (const m of scan.frame.merges()) {
        if (!intersects(m, block)) continue;
        for (let r = Math.max(m.top, block.top); r <= Math.min(m.bottom, block.bottom); r++) {
          const row = op.values[r - block.top] ?? [];
          for (let c = Math.max(m.left, block.left); c <= Math.min(m.right, block.right); c++) {
            if ((r === m.top && c === m.left) || isBlankInput(row[c - block.left])) continue;
            throw new WorkbookError('unsupported', `Cells ${boxAddress(m)} on sheet "${op.sheet}" are merged, and the add-in needs to write into ${boxAddress({ top: r, left: c, bottom: r, right: c })}; unmerge them (Home → Merge & Center) and try again. Nothing was changed.`, 'merged-cells');
          }
        }
      }
      for (const a of scan.arrays) {
        if (!intersects(a, block)) continue;
        throw new WorkbookError('unsupported', `Cells ${boxAddress(a)} on sheet "${op.sheet}" hold an array formula, and the add-in needs to write into them; move the formula and try again. Nothing was changed.`);
      }
    }
  }

  private pendingOf(ref: SheetRef): Pending {
    let p = this.pending.get(ref.path);
    if (!p) {
      p = { frame: this.scan(ref).frame.clone(), cellOps: [], extent: { rows: 0, columns: 0 } };
      this.pending.set(ref.path, p);
    }
    return p;
  }

  private applyOp(op: WriteOp): void {
    switch (op.op) {
      case 'addSheet':
        this.addSheet(op.name, op.visibility ?? 'visible');
        return;
      case 'deleteSheet':
        this.deleteSheet(this.ref(op.name));
        return;
      case 'copySheet':
        this.copySheet(this.ref(op.from), op.to);
        return;
      case 'writeBlock': {
        const p = this.pendingOf(this.ref(op.sheet));
        p.cellOps.push({ kind: 'values', top: op.row + 1, left: op.col + 1, rows: op.values, numberFormats: op.numberFormats });
        p.extent.rows = Math.max(p.extent.rows, op.row + op.values.length);
        p.extent.columns = Math.max(p.extent.columns, op.col + widthOf(op.values));
        return;
      }
      case 'format': {
        const ref = this.ref(op.sheet);
        const p = this.pendingOf(ref);
        const scan = this.scan(ref);
        const box = needBox(op.address, 'format');
        // A whole row or column is formatted over the cells in use, not a million rows.
        const bottom = Math.min(box.bottom, Math.max(box.top, scan.lastRow, p.extent.rows));
        const right = Math.min(box.right, Math.max(box.left, scan.usedColumns, p.extent.columns));
        const change: StyleChange = {};
        if (op.bold !== undefined) change.bold = op.bold;
        if (op.fill !== undefined) change.fill = op.fill;
        if (op.fontColor !== undefined) change.fontColor = op.fontColor;
        if (op.wrap !== undefined) change.wrap = op.wrap;
        if (op.align !== undefined) change.align = op.align;
        p.cellOps.push({ kind: 'style', box: { ...box, bottom, right }, change });
        return;
      }
      case 'columnWidths':
        this.pendingOf(this.ref(op.sheet)).frame.setColumnWidths(op.widths.map((w) => ({ col: w.col + 1, width: w.width })));
        return;
      case 'freeze':
        this.pendingOf(this.ref(op.sheet)).frame.freeze(Math.max(0, op.rows), Math.max(0, op.columns ?? 0));
        return;
      case 'validation': {
        const p = this.pendingOf(this.ref(op.sheet));
        const boxes = parseBoxes(op.address);
        p.frame.replaceValidation(boxes, validationXml(p.frame.prefix, boxes.map(boxAddress).join(' '), op.rule, op));
        return;
      }
      case 'conditionalFormat': {
        const p = this.pendingOf(this.ref(op.sheet));
        const boxes = parseBoxes(op.address);
        const formula = op.formula.trim().replace(/^=/, '').trim();
        const priority = p.frame.removeConditionalFormats(boxes, formula);
        p.frame.addConditionalFormat(boxes.map(boxAddress).join(' '), formula, this.pkg.styles().addDxf(op.fill, op.fontColor), priority);
        return;
      }
      case 'addTable':
        this.addTable(this.ref(op.sheet), op);
        return;
      case 'deleteRows': {
        const ref = this.ref(op.sheet);
        for (const path of [...this.pending.keys()]) this.flush(path);
        deleteSheetRows(this.pkg, this.sheetRefs(), ref, this.scan(ref), op.rows, (path) => this.scans.delete(path));
        return;
      }
      case 'pivot':
      case 'chart':
        throw new WorkbookError('unsupported', `${op.op}: this tool cannot write it to a file.`);
    }
  }

  /** Writes a sheet's pending changes into its part: its rows streamed through the patcher, in its new frame. */
  private flush(path: string): void {
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

  private *rowsOf(path: string): Generator<string> {
    for (const piece of sheetPieces(this.pkg.readTexts(path))) if (piece.kind === 'row') yield piece.xml;
  }

  private nextSheetPath(): string {
    for (let n = 1; ; n++) {
      const path = `xl/worksheets/sheet${n}.xml`;
      if (!this.pkg.has(path)) return path;
    }
  }

  /** A new sheet at the end of the tabs; its part holds `frame` with no rows (or `rows` from a copy). */
  private addSheet(name: string, state: SheetState, frame: SheetFrame = SheetFrame.blank(), rows?: Iterable<string>, path = this.nextSheetPath()): SheetRef {
    const { head, tail } = frame.split();
    const writer = this.pkg.writer(path);
    writer.write(head);
    if (rows) for (const row of rows) writer.write(row);
    writer.write(tail);
    writer.close();
    this.pkg.contentTypes.setOverride(path, CONTENT_TYPE.worksheet);
    const relId = this.pkg.relate(this.pkg.workbookPath, REL.worksheet, path);
    const sheetId = Math.max(0, ...this.pkg.workbook.sheets().map((s) => s.sheetId)) + 1;
    this.pkg.workbook.addSheet({ name, sheetId, relId, state }, this.pkg.workbook.relPrefix());
    return { name, path, relId, state };
  }

  private deleteSheet(ref: SheetRef): void {
    this.pending.delete(ref.path);
    this.scans.delete(ref.path);
    const index = this.pkg.workbook.sheets().findIndex((s) => key(s.name) === key(ref.name));
    this.pkg.workbook.removeSheet(index);
    const wbRels = this.pkg.rels(this.pkg.workbookPath);
    wbRels.remove(ref.relId);
    this.pkg.touchRels(this.pkg.workbookPath);
    // What only this sheet used goes with it: its tables, drawings, notes (the add-in deletes only its own sheets).
    for (const rel of this.pkg.rels(ref.path).list()) {
      if (rel.external) continue;
      const target = resolveTarget(ref.path, rel.target);
      if (this.pkg.has(target) && rel.type === REL.table) this.pkg.remove(target);
    }
    this.pkg.remove(`${ref.path.replace(/[^/]+$/, '')}_rels/${ref.path.slice(ref.path.lastIndexOf('/') + 1)}.rels`);
    this.pkg.remove(ref.path);
  }

  /**
   * A copy of a sheet, as Excel's Copy makes one (a backup): its rows (values, formulas, styles), its
   * frame, its tables under new names (the copy's formulas follow them), its notes and external links,
   * with the same visibility as the sheet it copies. Pictures and charts placed on it are not copied:
   * a backup is for the cells.
   */
  private copySheet(from: SheetRef, to: string): void {
    this.flush(from.path);
    const frame = this.scan(from).frame.clone();
    const path = this.nextSheetPath();
    const rels = Relationships.empty();
    const renames = new Map<string, string>();
    const kept = new Set<string>();
    for (const rel of this.pkg.rels(from.path).list()) {
      const type = rel.type.slice(rel.type.lastIndexOf('/') + 1);
      if (rel.external) {
        if (type === 'hyperlink') kept.add(rel.id);
        if (type === 'hyperlink') rels.addWithId(rel.id, rel.type, rel.target, true);
        continue;
      }
      const target = resolveTarget(from.path, rel.target);
      if (!this.pkg.has(target)) continue;
      let copyPath: string | null = null;
      if (type === 'table') {
        const xml = this.pkg.readText(target);
        const table = readTable(xml);
        const taken = new Set<string>([...this.allTables().map((t) => t.name.toLowerCase()), ...this.pkg.workbook.definedNames().map((d) => d.name.toLowerCase())]);
        const name = uniqueTableName(table.name, taken);
        renames.set(table.name, name);
        copyPath = this.freePath('xl/tables/table', '.xml');
        this.pkg.setText(copyPath, renameTable(xml, Math.max(0, ...this.allTables().map((t) => t.id)) + 1, name));
        this.pkg.contentTypes.setOverride(copyPath, CONTENT_TYPE.table);
      } else if (type === 'comments' || type === 'vmlDrawing') {
        const ext = target.slice(target.lastIndexOf('.'));
        const base = target.slice(0, target.length - ext.length).replace(/\d+$/, '');
        copyPath = this.freePath(base, ext);
        this.pkg.copyPart(target, copyPath, type === 'vmlDrawing' ? this.renumberVml(this.pkg.readText(target)) : undefined);
      }
      if (!copyPath) continue;
      rels.addWithId(rel.id, rel.type, relativeTarget(path, copyPath), false);
      kept.add(rel.id);
    }
    // Elements pointing at a relationship the copy does not have are left out of it.
    for (const local of ['drawing', 'legacyDrawing', 'legacyDrawingHF', 'picture', 'oleObjects', 'controls', 'tableParts', 'hyperlinks', 'pageSetup']) {
      frame.rewrite(local, (text) => dropRelationshipsNotIn(text, kept));
    }
    frame.rewrite('sheetPr', (text) => text.replace(/\scodeName\s*=\s*("[^"]*"|'[^']*')/, ''));
    frame.rewrite('sheetViews', (text) => text.replace(/\stabSelected\s*=\s*("[^"]*"|'[^']*')/g, ''));
    if (rels.list().length > 0) this.pkg.setText(relsPathOf(path), rels.text);
    this.addSheet(to, from.state, frame, renameTablesInRows(this.rowsOf(from.path), renames), path);
  }

  /**
   * A copied VML drawing (notes, header pictures) with a block of shape ids of its own: each drawing of
   * a workbook owns the ids 1024 × block + 1… (its <o:idmap data>), and two drawings must not share them.
   */
  private renumberVml(vml: string): string {
    let used = 0;
    for (const name of this.pkg.names().filter((n) => n.endsWith('.vml'))) {
      for (const m of this.pkg.readText(name).matchAll(/<o:idmap\b[^>]*\bdata="([\d,]+)"/g)) used = Math.max(used, ...m[1]!.split(',').map(Number));
    }
    const block = used + 1;
    const old = Number(/<o:idmap\b[^>]*\bdata="(\d+)/.exec(vml)?.[1] ?? NaN);
    if (Number.isNaN(old)) return vml;
    return vml.replace(/(<o:idmap\b[^>]*\bdata=")[\d,]+"/, `$1${block}"`)
      .replace(/_x0000_s(\d+)/g, (_m, n: string) => `_x0000_s${Number(n) - old * 1024 + block * 1024}`);
  }

  /** The first free part name `base` + n + `ext` (n = 1, 2, …). */
  private freePath(base: string, ext: string): string {
    for (let n = 1; ; n++) if (!this.pkg.has(`${base}${n}${ext}`)) return `${base}${n}${ext}`;
  }

  /**
   * An Excel table over existing cells. Where Excel would have to rename headers (blank, duplicate, not
   * text, multi-line) or the range holds merged cells, an autofilter and a bold header row instead,
   * which changes no cell value. Skipped when a table already covers the range (idempotent).
   */
  private addTable(ref: SheetRef, op: Op<'addTable'>): void {
    const box = needBox(op.address, 'addTable');
    if (box.bottom === box.top) box.bottom++; // Excel adds one empty row under a header-only table
    const tables = this.tablesOf(ref);
    if (tables.some((t) => {
      const b = parseBox(t.ref);
      return b !== null && intersects(b, box);
    })) return;
    const p = this.pendingOf(ref);
    const headers: string[] = [];
    let usable = true;
    for (let c = box.left; c <= box.right; c++) {
      const v = this.cellAfterPending(ref, p, box.top, c);
      if (typeof v !== 'string' || v.trim() === '' || /[\r\n\t]/.test(v) || v.length > 255) usable = false;
      else headers.push(v);
    }
    if (new Set(headers.map((h) => h.toLowerCase())).size !== headers.length) usable = false;
    if (p.frame.merges().some((m) => intersects(m, box))) usable = false;
    if (!usable) {
      if (!p.frame.autoFilter()) p.frame.setAutoFilter(box);
      p.cellOps.push({ kind: 'style', box: { ...box, bottom: box.top }, change: { bold: true } });
      return;
    }
    const filter = p.frame.autoFilter();
    if (filter && intersects(filter, box)) p.frame.removeAutoFilter(); // a table cannot sit under a sheet filter
    const taken = new Set<string>([...this.allTables().map((t) => t.name.toLowerCase()), ...this.pkg.workbook.definedNames().map((d) => d.name.toLowerCase())]);
    const name = uniqueTableName(op.name, taken);
    const id = Math.max(0, ...this.allTables().map((t) => t.id)) + 1;
    let n = 1;
    while (this.pkg.has(`xl/tables/table${n}.xml`)) n++;
    const path = `xl/tables/table${n}.xml`;
    this.pkg.setText(path, newTableXml({ id, name, ref: boxAddress(box) }, headers, op.style ?? 'TableStyleMedium2'));
    this.pkg.contentTypes.setOverride(path, CONTENT_TYPE.table);
    const relId = this.pkg.relate(ref.path, REL.table, path);
    p.frame.addTablePart(relId, p.frame.relPrefix());
  }

  private tablesOf(ref: SheetRef): { id: number; name: string; ref: string }[] {
    return this.pkg.rels(ref.path).byType(REL.table).flatMap((rel) => {
      const path = resolveTarget(ref.path, rel.target);
      return this.pkg.has(path) ? [readTable(this.pkg.readText(path))] : [];
    });
  }

  private allTables(): { id: number; name: string; ref: string }[] {
    return this.pkg.names().filter((n) => /^xl\/tables\/[^/]+\.xml$/.test(n)).map((n) => readTable(this.pkg.readText(n)));
  }

  /** A cell's value once the plan's earlier writes are in (1-based row and column). */
  private cellAfterPending(ref: SheetRef, p: Pending, row: number, col: number): unknown {
    for (let i = p.cellOps.length - 1; i >= 0; i--) {
      const op = p.cellOps[i]!;
      if (op.kind !== 'values' || row < op.top || row >= op.top + op.rows.length) continue;
      const v = op.rows[row - op.top]?.[col - op.left];
      if (col >= op.left && v !== undefined) return v;
    }
    let found: unknown = null;
    readSheet(this.pkg.readTexts(ref.path), this.valueContext, { rowRange: { from: row, to: row }, onCell: (r, c, v) => { if (r === row && c === col - 1) found = v; } });
    return found;
  }

  // ---- saving --------------------------------------------------------------------------------------

  /** The package's parts as they will be written (unchanged ones byte for byte). */
  zipParts(): ZipPart[] {
    for (const path of [...this.pending.keys()]) this.flush(path);
    return this.pkg.zipParts();
  }

  /** The whole file (tests, small workbooks). */
  toBytes(): Uint8Array {
    return zipBytes(this.zipParts());
  }
}
