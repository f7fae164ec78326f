/** Excel.Range and its format objects. */
import { fullAddress, quoteSheet, rangeAddress, MAX_COLUMNS, MAX_ROWS, parseRange } from '../../core/grid/a1';
import { intersect, type Rect, rectCells, rectCols, rectRows, inBounds, subtractRect } from '../../core/grid/rect';
import { formatValue, toApiValue, valueType } from '../model/values';
import { ModelError, SheetModel, type FmtKey, type FmtValue } from '../model/workbook';
import { SimObject, SimRichApiError, orNullObject, requireSet, type Getter, type SimContext } from './base';
import { ConditionalFormatCollection } from './conditionalFormat';
import { checkPartialDelete, deleteWholeRows, hiddenColumnCount, hiddenRowCount, planMerge, tri } from '../model/layout';
import { DataValidation } from './dataValidation';
import { checkWholeColumnDelete, deleteWholeColumns } from '../model/deleteColumns';
import { TableScopedCollection } from './table';
import { cellInput, checkReadable, checkWritable, grid, normalizeColor, writeContents, writeNumberFormat, type RangeRef } from './cells';
import { newWorksheet, provideRange, type WorksheetProxy } from './factories';
import { dataChanged, deleteChangeType } from './changeEvents';

/** Most merged areas Range.getMergedAreasOrNullObject returns (ExcelApi 1.13). */
export const MAX_MERGED_AREAS = 512;

/** One value when every cell agrees, null otherwise (as Excel reports mixed formats). */
function uniform(ref: RangeRef, key: FmtKey, map: (v: FmtValue) => unknown = (v) => v): unknown {
  checkReadable(ref);
  const { r0, r1, c0, c1 } = ref.rect;
  const first = map(ref.sheet.format(r0, c0, key));
  const limit = Math.min(r1, r0 + 100_000);
  for (let r = r0; r <= limit; r++) for (let c = c0; c <= c1; c++) if (map(ref.sheet.format(r, c, key)) !== first) return null;
  return first;
}

export function makeRange(ctx: SimContext, resolve: () => RangeRef | null, path: string): Range {
  return new Range(ctx, resolve, path);
}

export class Range extends SimObject<RangeRef> {
  protected _scalars(): Record<string, Getter<RangeRef>> {
    return {
      address: (t) => fullAddress(t.sheet.name, t.rect),
      addressLocal: (t) => fullAddress(t.sheet.name, t.rect),
      rowIndex: (t) => t.rect.r0,
      columnIndex: (t) => t.rect.c0,
      rowCount: (t) => rectRows(t.rect),
      columnCount: (t) => rectCols(t.rect),
      cellCount: (t) => rectCells(t.rect),
      isEntireColumn: (t) => t.rect.r0 === 0 && t.rect.r1 === MAX_ROWS - 1,
      isEntireRow: (t) => t.rect.c0 === 0 && t.rect.c1 === MAX_COLUMNS - 1,
      values: (t) => grid(t, (r, c) => toApiValue(t.sheet.value(r, c))),
      formulas: (t) => grid(t, (r, c) => t.sheet.formula(r, c) ?? toApiValue(t.sheet.value(r, c))),
      formulasLocal: (t) => grid(t, (r, c) => t.sheet.formula(r, c) ?? toApiValue(t.sheet.value(r, c))),
      numberFormat: (t) => grid(t, (r, c) => t.sheet.numberFormat(r, c)),
      text: (t) => grid(t, (r, c) => formatValue(t.sheet.value(r, c), t.sheet.numberFormat(r, c))),
      valueTypes: (t) => grid(t, (r, c) => valueType(t.sheet.value(r, c))),
      rowHidden: (t) => tri(hiddenRowCount(t.sheet, t.rect.r0, t.rect.r1), rectRows(t.rect)),
      columnHidden: (t) => tri(hiddenColumnCount(t.sheet, t.rect.c0, t.rect.c1), rectCols(t.rect)),
    };
  }

  protected override _navigation(name: string): SimObject<unknown> | undefined {
    if (name === 'format') return this.format as SimObject<unknown>;
    if (name === 'worksheet') return this.worksheet as SimObject<unknown>;
    return undefined;
  }

  private _derive(name: string, f: (t: RangeRef) => RangeRef | null): Range {
    return new Range(
      this.context,
      () => {
        const t = this._resolve();
        if (t === null) return null;
        const out = f(t);
        if (out && !inBounds(out.rect)) throw new ModelError('InvalidArgument', `${name} goes outside the worksheet`);
        return out;
      },
      `${this._path}.${name}`,
    );
  }

  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
  get isEntireColumn(): boolean {
    return this._get('isEntireColumn');
  }
  get isEntireRow(): boolean {
    return this._get('isEntireRow');
  }
  get text(): string[][] {
    return this._get('text');
  }
  get valueTypes(): string[][] {
    return this._get('valueTypes');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  set values(v: unknown[][]) {
    this._setProp('values', v, (t) => { writeContents(t, v, 'values'); dataChanged(this.context, t); });
  }
  get formulas(): unknown[][] {
    return this._get('formulas');
  }
  set formulas(v: unknown[][]) {
    this._setProp('formulas', v, (t) => { writeContents(t, v, 'formulas'); dataChanged(this.context, t); });
  }
  get formulasLocal(): unknown[][] {
    return this._get('formulasLocal');
  }
  set formulasLocal(v: unknown[][]) {
    this._setProp('formulasLocal', v, (t) => { writeContents(t, v, 'formulasLocal'); dataChanged(this.context, t); });
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this._setProp('numberFormat', v, (t) => writeNumberFormat(t, v));
  }

  private _format?: RangeFormat;
  get format(): RangeFormat {
    this._format ??= new RangeFormat(this.context, () => this._resolve(), `${this._path}.format`);
    return this._format;
  }
  private _worksheet?: WorksheetProxy;
  get worksheet(): WorksheetProxy {
    this._worksheet ??= newWorksheet(this.context, () => this._resolve()?.sheet ?? null, `${this._path}.worksheet`);
    return this._worksheet;
  }
  private _cf?: ConditionalFormatCollection;
  get conditionalFormats(): ConditionalFormatCollection {
    this._cf ??= new ConditionalFormatCollection(
      this.context,
      () => {
        requireSet(this.context.host, '1.6', 'Range.conditionalFormats');
        return this._resolve();
      },
      `${this._path}.conditionalFormats`,
    );
    return this._cf;
  }
  private _dv?: DataValidation;
  get dataValidation(): DataValidation {
    this._dv ??= new DataValidation(
      this.context,
      () => {
        requireSet(this.context.host, '1.8', 'Range.dataValidation');
        return this._resolve();
      },
      `${this._path}.dataValidation`,
    );
    return this._dv;
  }

  /** For DataValidation list sources given as a Range: its absolute address as a formula. */
  _resolveAddress(): string {
    const t = this._resolve();
    if (!t) throw new ModelError('InvalidArgument', 'The range does not exist');
    const abs = rangeAddress(t.rect).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2').replace(/^([A-Z]+):([A-Z]+)$/, '$$$1:$$$2');
    return `=${quoteSheet(t.sheet.name)}!${abs}`;
  }

  getCell(row: number, column: number): Range {
    return this._derive(`getCell(${row},${column})`, (t) => ({ sheet: t.sheet, rect: { r0: t.rect.r0 + row, c0: t.rect.c0 + column, r1: t.rect.r0 + row, c1: t.rect.c0 + column } }));
  }
  getRow(row: number): Range {
    return this._derive(`getRow(${row})`, (t) => ({ sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row } }));
  }
  getColumn(column: number): Range {
    return this._derive(`getColumn(${column})`, (t) => ({ sheet: t.sheet, rect: { ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column } }));
  }
  getRows(_count?: number): Range {
    throw new SimRichApiError('NotImplemented', 'Range.getRows is not simulated');
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._derive(`getResizedRange(${deltaRows},${deltaColumns})`, (t) => ({ sheet: t.sheet, rect: { ...t.rect, r1: t.rect.r1 + deltaRows, c1: t.rect.c1 + deltaColumns } }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._derive(`getOffsetRange(${rowOffset},${columnOffset})`, (t) => ({
      sheet: t.sheet,
      rect: { r0: t.rect.r0 + rowOffset, r1: t.rect.r1 + rowOffset, c0: t.rect.c0 + columnOffset, c1: t.rect.c1 + columnOffset },
    }));
  }
  getEntireColumn(): Range {
    return this._derive('getEntireColumn()', (t) => ({ sheet: t.sheet, rect: { ...t.rect, r0: 0, r1: MAX_ROWS - 1 } }));
  }
  getEntireRow(): Range {
    return this._derive('getEntireRow()', (t) => ({ sheet: t.sheet, rect: { ...t.rect, c0: 0, c1: MAX_COLUMNS - 1 } }));
  }
  getLastRow(): Range {
    return this._derive('getLastRow()', (t) => ({ sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r1 } }));
  }
  getLastColumn(): Range {
    return this._derive('getLastColumn()', (t) => ({ sheet: t.sheet, rect: { ...t.rect, c0: t.rect.c1 } }));
  }
  getLastCell(): Range {
    return this._derive('getLastCell()', (t) => ({ sheet: t.sheet, rect: { ...t.rect, r0: t.rect.r1, c0: t.rect.c1 } }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this._derive('getAbsoluteResizedRange()', (t) => ({ sheet: t.sheet, rect: { ...t.rect, r1: t.rect.r0 + numRows - 1, c1: t.rect.c0 + numColumns - 1 } }));
  }
  private _otherRect(t: RangeRef, other: Range | string): Rect {
    if (typeof other === 'string') {
      const p = parseRange(other);
      if (!p) throw new ModelError('InvalidArgument', `"${other}" is not a valid address`);
      return p;
    }
    const o = other._resolve();
    if (!o || o.sheet !== t.sheet) throw new ModelError('InvalidArgument', 'The ranges are on different worksheets');
    return o.rect;
  }
  getIntersection(other: Range | string): Range {
    return this._derive('getIntersection()', (t) => {
      const x = intersect(t.rect, this._otherRect(t, other));
      if (!x) throw new ModelError('ItemNotFound', 'The ranges do not intersect');
      return { sheet: t.sheet, rect: x };
    });
  }
  getIntersectionOrNullObject(other: Range | string): Range {
    return orNullObject(this._derive('getIntersectionOrNullObject()', (t) => {
      const x = intersect(t.rect, this._otherRect(t, other));
      return x ? { sheet: t.sheet, rect: x } : null;
    }), this);
  }
  getBoundingRect(other: Range | string): Range {
    return this._derive('getBoundingRect()', (t) => {
      const o = this._otherRect(t, other);
      return { sheet: t.sheet, rect: { r0: Math.min(t.rect.r0, o.r0), c0: Math.min(t.rect.c0, o.c0), r1: Math.max(t.rect.r1, o.r1), c1: Math.max(t.rect.c1, o.c1) } };
    });
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this._derive('getUsedRange()', (t) => {
      const x = t.sheet.usedRectIn(t.rect, Boolean(valuesOnly));
      return { sheet: t.sheet, rect: x ?? { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0, c1: t.rect.c0 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return orNullObject(this._derive('getUsedRangeOrNullObject()', (t) => {
      const x = t.sheet.usedRectIn(t.rect, Boolean(valuesOnly));
      return x ? { sheet: t.sheet, rect: x } : null;
    }), this);
  }

  clear(applyTo?: string): void {
    this._op('clear', [applyTo ?? 'All'], (t) => {
      checkWritable(t.sheet);
      const what = applyTo ?? 'All';
      if (what === 'All' || what === 'Contents' || what === 'ResetContents') { t.sheet.clearContents(t.rect); dataChanged(this.context, t); }
      if (what === 'All' || what === 'Formats') {
        t.sheet.clearFormats(t.rect);
        const wb = t.sheet.wb;
        for (const cf of wb.conditionalFormats) if (cf.sheet === t.sheet) cf.rects = cf.rects.flatMap((r) => subtractRect(r, t.rect));
        for (let i = wb.conditionalFormats.length - 1; i >= 0; i--) if (wb.conditionalFormats[i]?.rects.length === 0) wb.conditionalFormats.splice(i, 1);
      }
    });
  }

  /** Deletes the cells and shifts the ones below up (or to the right, left). Formulas are not re-pointed. */
  delete(shift: string): void {
    this._op('delete', [shift], (t) => {
      checkWritable(t.sheet);
      const { r0, r1, c0, c1 } = t.rect;
      if (shift !== 'Up' && shift !== 'Left') throw new ModelError('InvalidArgument', `"${shift}" is not a DeleteShiftDirection`);
      const wholeRows = shift === 'Up' && c0 === 0 && c1 === MAX_COLUMNS - 1;
      const wholeColumns = shift === 'Left' && r0 === 0 && r1 === MAX_ROWS - 1;
      if (!wholeRows) checkPartialDelete(t.sheet, t.rect, shift);
      if (wholeColumns) checkWholeColumnDelete(t.sheet, t.rect);
      const tables = wholeRows ? tablesAfterRowDelete(t.sheet, r0, r1) : null;
      if (wholeRows) {
        // A merged area that loses its top rows keeps its contents: they move to its first remaining row.
        for (const m of t.sheet.merges) {
          if (m.r0 < r0 || m.r0 > r1 || m.r1 <= r1) continue;
          const top = t.sheet.cells.get(SheetModel.key(m.r0, m.c0));
          if (!top) continue;
          t.sheet.cells.delete(SheetModel.key(m.r0, m.c0));
          t.sheet.cells.set(SheetModel.key(r1 + 1, m.c0), top);
        }
      }
      for (const k of [...t.sheet.cells.keys()]) {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        if (r >= r0 && r <= r1 && c >= c0 && c <= c1) t.sheet.cells.delete(k);
      }
      if (shift === 'Up') t.sheet.shiftDown({ r0: r1 + 1, r1: MAX_ROWS - 1, c0, c1 }, -(r1 - r0 + 1));
      else t.sheet.shiftRight({ r0, r1, c0: c1 + 1, c1: MAX_COLUMNS - 1 }, -(c1 - c0 + 1));
      if (wholeRows) deleteWholeRows(t.sheet, r0, r1);
      if (tables) tables();
      if (wholeColumns) deleteWholeColumns(t.sheet, c0, c1);
      dataChanged(this.context, t, deleteChangeType(t.rect, shift, MAX_ROWS, MAX_COLUMNS));
    });
  }

  /** ExcelApi 1.2. Keeps the top-left value of each new area; `across` merges each row on its own. */
  merge(across?: boolean): void {
    this._op('merge', [Boolean(across)], (t) => {
      checkWritable(t.sheet);
      const wb = t.sheet.wb;
      if (wb.tables.some((tb) => tb.sheet === t.sheet && intersect(tb.rect, t.rect))) throw new ModelError('InvalidOperation', 'Cells in a table cannot be merged');
      const { add, replaced } = planMerge(t.sheet, t.rect, Boolean(across));
      t.sheet.merges = t.sheet.merges.filter((m) => !replaced.includes(m));
      for (const m of add) {
        const others: Rect[] = [];
        for (let r = m.r0; r <= m.r1; r++) for (let c = m.c0; c <= m.c1; c++) if (r !== m.r0 || c !== m.c0) others.push({ r0: r, r1: r, c0: c, c1: c });
        for (const o of others) t.sheet.clearContents(o);
        t.sheet.merges.push(m);
      }
    });
  }
  /** ExcelApi 1.2: every merged area that intersects the range is unmerged. */
  unmerge(): void {
    this._op('unmerge', [], (t) => {
      checkWritable(t.sheet);
      t.sheet.merges = t.sheet.merges.filter((m) => !intersect(m, t.rect));
    });
  }
  /** ExcelApi 1.9: the tables overlapping the range (only those wholly inside it with `fullyContained`). */
  getTables(fullyContained?: boolean): TableScopedCollection {
    return new TableScopedCollection(this.context, () => {
      requireSet(this.context.host, '1.9', 'Range.getTables');
      return this._resolve();
    }, `${this._path}.getTables()`, Boolean(fullyContained));
  }
  /** ExcelApi 1.13: the merged areas intersecting the range, or a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreas {
    return orNullObject(new RangeAreas(
      this.context,
      () => {
        requireSet(this.context.host, '1.13', 'Range.getMergedAreasOrNullObject');
        const t = this._resolve();
        if (!t) return null;
        const rects = t.sheet.merges.filter((m) => intersect(m, t.rect));
        // Office's typings: "if the merged areas count in this range is more than 512, then this method
        // will fail to return the result" (which error is not said: the generic one here).
        if (rects.length > MAX_MERGED_AREAS) throw new ModelError('GeneralException', `The range holds ${rects.length} merged areas; getMergedAreasOrNullObject fails above ${MAX_MERGED_AREAS}.`);
        return rects.length ? { sheet: t.sheet, rects } : null;
      },
      `${this._path}.getMergedAreasOrNullObject()`,
    ), this);
  }
  /** ExcelApi 1.2 (on Range, not Range.format): true when every row is hidden, false when none is, null when mixed. */
  get rowHidden(): boolean {
    return this._get('rowHidden');
  }
  set rowHidden(v: boolean) {
    this._setProp('rowHidden', v, (t) => setRowsHidden(t, v));
  }
  get columnHidden(): boolean {
    return this._get('columnHidden');
  }
  set columnHidden(v: boolean) {
    this._setProp('columnHidden', v, (t) => setColumnsHidden(t, v));
  }

  select(): void {
    this._op('select', [], (t) => {
      t.sheet.wb.activeSheet = t.sheet;
      t.sheet.wb.selection = { sheet: t.sheet, rect: t.rect };
    });
  }

  setCellProperties(cellPropertiesData: { format?: { fill?: { color?: string }; font?: { bold?: boolean; color?: string; italic?: boolean } } }[][]): void {
    this._op('setCellProperties', [cellPropertiesData], (t) => {
      requireSet(this.context.host, '1.9', 'Range.setCellProperties');
      checkWritable(t.sheet);
      const at = cellInput(t, cellPropertiesData, 'cellProperties');
      for (let r = t.rect.r0; r <= t.rect.r1; r++)
        for (let c = t.rect.c0; c <= t.rect.c1; c++) {
          const p = at(r - t.rect.r0, c - t.rect.c0) as { format?: { fill?: { color?: string }; font?: { bold?: boolean; color?: string; italic?: boolean } } } | null;
          const f = p?.format;
          if (!f) continue;
          if (f.fill?.color !== undefined) t.sheet.setFormatCell(r, c, 'fill', normalizeColor(f.fill.color));
          if (f.font?.bold !== undefined) t.sheet.setFormatCell(r, c, 'bold', f.font.bold);
          if (f.font?.italic !== undefined) t.sheet.setFormatCell(r, c, 'italic', f.font.italic);
          if (f.font?.color !== undefined) t.sheet.setFormatCell(r, c, 'fontColor', normalizeColor(f.font.color));
        }
    });
  }

  /** Requires ExcelApi 1.9; the sim checks the requirement set but does not compute special cells. */
  getSpecialCells(cellType: string, _valueType?: string): Range {
    return this._derive(`getSpecialCells(${cellType})`, () => {
      requireSet(this.context.host, '1.9', 'Range.getSpecialCells');
      throw new ModelError('NotImplemented', 'Range.getSpecialCells is not simulated');
    });
  }
}

/** Hides or shows whole rows (showing also shows rows a filter hid, as in Excel). */
function setRowsHidden(t: RangeRef, hidden: boolean): void {
  checkWritable(t.sheet);
  if (hidden && rectRows(t.rect) > 100_000) throw new ModelError('NotImplemented', 'Hiding more than 100,000 rows at once is not simulated.');
  if (hidden) for (let r = t.rect.r0; r <= t.rect.r1; r++) t.sheet.hiddenRows.add(r);
  else {
    for (const set of [t.sheet.hiddenRows, t.sheet.autoFilter?.hidden]) {
      if (!set) continue;
      for (const r of [...set]) if (r >= t.rect.r0 && r <= t.rect.r1) set.delete(r);
    }
  }
}

function setColumnsHidden(t: RangeRef, hidden: boolean): void {
  checkWritable(t.sheet);
  for (let c = t.rect.c0; c <= t.rect.c1; c++) {
    if (hidden) t.sheet.hiddenColumns.add(c);
    else t.sheet.hiddenColumns.delete(c);
  }
}

/** Excel.RangeAreas, as getMergedAreasOrNullObject returns it: its address, area and cell counts. */
export class RangeAreas extends SimObject<{ sheet: SheetModel; rects: Rect[] }> {
  protected _scalars(): Record<string, Getter<{ sheet: SheetModel; rects: Rect[] }>> {
    return {
      address: (t) => t.rects.map((r) => fullAddress(t.sheet.name, r)).join(','),
      addressLocal: (t) => t.rects.map((r) => fullAddress(t.sheet.name, r)).join(','),
      areaCount: (t) => t.rects.length,
      cellCount: (t) => t.rects.reduce((n, r) => n + rectCells(r), 0),
    };
  }
  get address(): string {
    return this._get('address');
  }
  get addressLocal(): string {
    return this._get('addressLocal');
  }
  get areaCount(): number {
    return this._get('areaCount');
  }
  get cellCount(): number {
    return this._get('cellCount');
  }
}

export class RangeFormat extends SimObject<RangeRef> {
  protected _scalars(): Record<string, Getter<RangeRef>> {
    return {
      columnWidth: (t) => t.sheet.columnWidths.get(t.rect.c0) ?? 48,
      rowHeight: () => 15,
      horizontalAlignment: (t) => uniform(t, 'hAlign'),
      wrapText: (t) => uniform(t, 'wrap'),
    };
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    if (name === 'fill') return this.fill as SimObject<unknown>;
    if (name === 'font') return this.font as SimObject<unknown>;
    if (name === 'protection') return this.protection as SimObject<unknown>;
    return undefined;
  }
  private _protection?: FormatProtection;
  get protection(): FormatProtection {
    this._protection ??= new FormatProtection(this.context, () => this._resolve(), `${this._path}.protection`);
    return this._protection;
  }
  private _fill?: RangeFill;
  get fill(): RangeFill {
    this._fill ??= new RangeFill(this.context, () => this._resolve(), `${this._path}.fill`);
    return this._fill;
  }
  private _font?: RangeFont;
  get font(): RangeFont {
    this._font ??= new RangeFont(this.context, () => this._resolve(), `${this._path}.font`);
    return this._font;
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._setProp('columnWidth', v, (t) => {
      if (!(v >= 0)) throw new ModelError('InvalidArgument', 'columnWidth must be a non-negative number');
      for (let c = t.rect.c0; c <= t.rect.c1; c++) t.sheet.columnWidths.set(c, v);
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  // rowHidden / columnHidden are Range's (ExcelApi 1.2), not RangeFormat's: Office.js has them there only.
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    this._setProp('horizontalAlignment', v, (t) => {
      checkWritable(t.sheet);
      t.sheet.setFormat(t.rect, 'hAlign', v);
    });
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._setProp('wrapText', v, (t) => {
      checkWritable(t.sheet);
      t.sheet.setFormat(t.rect, 'wrap', v);
    });
  }
  autofitColumns(): void {
    this._op('autofitColumns', [], (t) => {
      const used = t.sheet.usedRect(true);
      for (let c = t.rect.c0; c <= t.rect.c1; c++) {
        let longest = 0;
        if (used) {
          const r0 = Math.max(t.rect.r0, used.r0);
          const r1 = Math.min(t.rect.r1, used.r1);
          for (let r = r0; r <= r1; r++) {
            const text = formatValue(t.sheet.value(r, c), t.sheet.numberFormat(r, c));
            // East Asian characters are about twice as wide as Latin ones.
            let w = 0;
            for (const ch of text) w += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
            longest = Math.max(longest, w);
          }
        }
        t.sheet.columnWidths.set(c, longest === 0 ? 48 : Math.round(longest * 5.25 + 7.5));
      }
    });
  }
  autofitRows(): void {
    this._op('autofitRows', [], () => undefined);
  }
}

/** Range.format.protection (ExcelApi 1.2): whether cells stay locked once the sheet is protected. */
export class FormatProtection extends SimObject<RangeRef> {
  protected _scalars(): Record<string, Getter<RangeRef>> {
    return { locked: (t) => uniform(t, 'locked') };
  }
  get locked(): boolean | null {
    return this._get('locked');
  }
  set locked(v: boolean) {
    this._setProp('locked', v, (t) => {
      // Excel refuses to lock or unlock cells of a protected sheet whatever its options allow.
      checkWritable(t.sheet);
      if (typeof v !== 'boolean') throw new ModelError('InvalidArgument', 'locked must be true or false');
      t.sheet.setFormat(t.rect, 'locked', v);
    });
  }
}

export class RangeFill extends SimObject<RangeRef> {
  protected _scalars(): Record<string, Getter<RangeRef>> {
    return { color: (t) => uniform(t, 'fill', (v) => (v === null ? '#FFFFFF' : v)) };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, (t) => {
      checkWritable(t.sheet);
      t.sheet.setFormat(t.rect, 'fill', normalizeColor(v));
    });
  }
  clear(): void {
    this._op('clear', [], (t) => {
      checkWritable(t.sheet);
      t.sheet.setFormat(t.rect, 'fill', null);
    });
  }
}

export class RangeFont extends SimObject<RangeRef> {
  protected _scalars(): Record<string, Getter<RangeRef>> {
    return {
      bold: (t) => uniform(t, 'bold'),
      italic: (t) => uniform(t, 'italic'),
      color: (t) => uniform(t, 'fontColor'),
      name: () => 'Calibri',
      size: () => 11,
    };
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._setProp('bold', v, (t) => {
      checkWritable(t.sheet);
      t.sheet.setFormat(t.rect, 'bold', Boolean(v));
    });
  }
  get italic(): boolean {
    return this._get('italic');
  }
  set italic(v: boolean) {
    this._setProp('italic', v, (t) => {
      checkWritable(t.sheet);
      t.sheet.setFormat(t.rect, 'italic', Boolean(v));
    });
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._setProp('color', v, (t) => {
      checkWritable(t.sheet);
      t.sheet.setFormat(t.rect, 'fontColor', normalizeColor(v));
    });
  }
  get name(): string {
    return this._get('name');
  }
  get size(): number {
    return this._get('size');
  }
}

provideRange(makeRange);

/**
 * Tables when whole rows r0..r1 go: a table wholly inside goes with them, one that loses data rows
 * shrinks, one below moves up. Where unsure, refused: a table's header row without the table, its totals
 * row, or every data row of a table. Checked before anything moves; the returned function applies it.
 */
function tablesAfterRowDelete(sheet: SheetModel, r0: number, r1: number): () => void {
  const wb = sheet.wb;
  const n = r1 - r0 + 1;
  const mine = wb.tables.filter((x) => x.sheet === sheet);
  for (const x of mine) {
    const last = x.rect.r1 + (x.showTotals ? 1 : 0);
    const whole = x.rect.r0 >= r0 && last <= r1;
    if (!whole && x.rect.r0 >= r0 && x.rect.r0 <= r1) throw new ModelError('InvalidOperation', 'The operation would delete a table\'s header row and not the table');
    if (!whole && x.rect.r0 < r0 && r0 <= x.rect.r0 + 1 && r1 >= x.rect.r1) throw new ModelError('InvalidOperation', 'The simulator does not model a table losing every data row');
    if (!whole && x.showTotals && x.rect.r1 + 1 >= r0 && x.rect.r1 + 1 <= r1) throw new ModelError('InvalidOperation', 'The simulator does not model a table losing its totals row');
  }
  return () => {
    for (const x of mine) {
      const last = x.rect.r1 + (x.showTotals ? 1 : 0);
      if (x.rect.r0 >= r0 && last <= r1) {
        wb.tables.splice(wb.tables.indexOf(x), 1);
        continue;
      }
      if (x.rect.r0 > r1) {
        x.rect = { ...x.rect, r0: x.rect.r0 - n, r1: x.rect.r1 - n };
        continue;
      }
      if (x.rect.r1 < r0) continue;
      const gone = Math.max(0, Math.min(x.rect.r1, r1) - Math.max(x.rect.r0 + 1, r0) + 1);
      x.rect = { ...x.rect, r1: x.rect.r1 - gone };
    }
  };
}
