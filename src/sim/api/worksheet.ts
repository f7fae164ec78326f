/** Excel.Workbook, WorksheetCollection, Worksheet, protection, freeze panes, page layout and the onChanged event. */
import { MAX_COLUMNS, MAX_ROWS, parseRange } from '../../core/grid/a1';
import { type Rect } from '../../core/grid/rect';
import { ModelError, type SheetModel, type WorkbookModel } from '../model/workbook';
import { ClientResult, SimCollection, SimObject, orNullObject, requireSet, type ChangedHandler, type Getter, type SimContext } from './base';
import type { RangeRef } from './cells';
import { provideWorksheet } from './factories';
import { Range } from './range';
import { TableCollection, copyTables } from './table';
import { PivotTableCollection } from './pivot';
import { ChartCollection } from './chart';
import { AutoFilter } from './autoFilter';
import { PageLayout } from './pageLayout';

function resolveAddress(sheet: SheetModel, address: string): Rect {
  const p = parseRange(address);
  if (!p) throw new ModelError('InvalidArgument', `"${address}" is not a valid range address`);
  if (p.sheet !== undefined && p.sheet.toLowerCase() !== sheet.name.toLowerCase()) {
    throw new ModelError('InvalidArgument', `The address "${address}" refers to another worksheet than "${sheet.name}"`);
  }
  return { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
}

export class Worksheet extends SimObject<SheetModel> {
  protected _scalars(): Record<string, Getter<SheetModel>> {
    return {
      name: (t) => t.name,
      id: (t) => t.id,
      position: (t) => t.wb.sheets.indexOf(t),
      visibility: (t) => t.visibility,
      tabColor: (t) => t.tabColor,
    };
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    const nav: Record<string, () => SimObject<unknown>> = {
      protection: () => this.protection as SimObject<unknown>,
      freezePanes: () => this.freezePanes as SimObject<unknown>,
      tables: () => this.tables as unknown as SimObject<unknown>,
      charts: () => this.charts as unknown as SimObject<unknown>,
      pivotTables: () => this.pivotTables as unknown as SimObject<unknown>,
      autoFilter: () => this.autoFilter as unknown as SimObject<unknown>,
      pageLayout: () => this.pageLayout as unknown as SimObject<unknown>,
    };
    return nav[name]?.();
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (t) => t.wb.renameSheet(t, v));
  }
  get id(): string {
    return this._get('id');
  }
  get position(): number {
    return this._get('position');
  }
  set position(v: number) {
    this._setProp('position', v, (t) => t.wb.moveSheet(t, v));
  }
  get visibility(): string {
    return this._get('visibility');
  }
  set visibility(v: string) {
    this._setProp('visibility', v, (t) => {
      if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new ModelError('InvalidArgument', `"${v}" is not a SheetVisibility`);
      if (v !== 'Visible' && t.wb.sheets.filter((s) => s.visibility === 'Visible' && s !== t).length === 0) {
        throw new ModelError('InvalidOperation', 'A workbook must contain at least one visible worksheet');
      }
      if (v !== t.visibility) t.wb.checkStructure(v === 'Visible' ? 'show a worksheet' : 'hide a worksheet');
      t.visibility = v;
    });
  }
  get tabColor(): string {
    return this._get('tabColor');
  }
  set tabColor(v: string) {
    this._setProp('tabColor', v, (t) => (t.tabColor = v));
  }

  private _range(name: string, f: (t: SheetModel) => Rect | null): Range {
    return new Range(
      this.context,
      (): RangeRef | null => {
        const t = this._resolve();
        if (t === null) return null;
        const rect = f(t);
        return rect ? { sheet: t, rect } : null;
      },
      `${this._path}.${name}`,
    );
  }

  getRange(address?: string): Range {
    return this._range(`getRange(${address ?? ''})`, (t) => (address === undefined || address === '' ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } : resolveAddress(t, address)));
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this._range(`getRangeByIndexes(${startRow},${startColumn},${rowCount},${columnCount})`, () => {
      const rect = { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 };
      if (!(rowCount > 0 && columnCount > 0 && startRow >= 0 && startColumn >= 0 && rect.r1 < MAX_ROWS && rect.c1 < MAX_COLUMNS) || ![startRow, startColumn, rowCount, columnCount].every(Number.isInteger)) {
        throw new ModelError('InvalidArgument', 'The indexes are outside the worksheet');
      }
      return rect;
    });
  }
  getCell(row: number, column: number): Range {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this._range('getUsedRange()', (t) => t.usedRect(Boolean(valuesOnly)) ?? { r0: 0, c0: 0, r1: 0, c1: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return orNullObject(this._range('getUsedRangeOrNullObject()', (t) => t.usedRect(Boolean(valuesOnly))), this);
  }

  activate(): void {
    this._op('activate', [], (t) => {
      if (t.visibility !== 'Visible') throw new ModelError('InvalidOperation', 'A hidden worksheet cannot be activated');
      t.wb.activeSheet = t;
      t.wb.selection = { sheet: t, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
    });
  }
  delete(): void {
    this._op('delete', [], (t) => t.wb.deleteSheet(t));
  }
  calculate(_markAllDirty: boolean): void {
    this._op('calculate', [], () => undefined);
  }

  copy(positionType?: string, relativeTo?: Worksheet): Worksheet {
    let created: SheetModel | null = null;
    this._op('copy', [positionType ?? 'None', relativeTo ?? null], (t) => {
      requireSet(this.context.host, '1.7', 'Worksheet.copy');
      const wb = t.wb;
      let name = '';
      for (let i = 2; ; i++) {
        const suffix = ` (${i})`;
        name = t.name.slice(0, 31 - suffix.length) + suffix;
        if (!wb.sheet(name)) break;
      }
      const rel = relativeTo?._resolve() ?? null;
      const pos = positionType ?? 'None';
      if ((pos === 'Before' || pos === 'After') && !rel) throw new ModelError('InvalidArgument', 'relativeTo is required for Before/After');
      const index =
        pos === 'Beginning' ? 0 : pos === 'End' ? wb.sheets.length : pos === 'Before' ? wb.sheets.indexOf(rel as SheetModel) : pos === 'After' ? wb.sheets.indexOf(rel as SheetModel) + 1 : wb.sheets.indexOf(t) + 1;
      // The copy comes out Visible whatever the source's visibility: Excel's documentation does not say
      // what it does, and the stricter case makes a caller that must keep a sheet hidden set it itself.
      const copy = wb.addSheet(name, index);
      copy.copyFrom(t);
      copyTables(wb, t, copy);
      for (const v of wb.validations.filter((x) => x.sheet === t)) wb.validations.push({ ...v, id: wb.nextId(), sheet: copy, rects: v.rects.map((r) => ({ ...r })), prompt: { ...v.prompt }, errorAlert: { ...v.errorAlert } });
      for (const cf of wb.conditionalFormats.filter((x) => x.sheet === t)) wb.conditionalFormats.push({ ...cf, id: `{cf-${wb.nextId()}}`, sheet: copy, rects: cf.rects.map((r) => ({ ...r })) });
      created = copy;
    });
    return new Worksheet(
      this.context,
      () => {
        if (!created) throw new ModelError('ItemNotFound', 'The copy was not created');
        return created;
      },
      `${this._path}.copy()`,
    );
  }

  private _protection?: WorksheetProtection;
  get protection(): WorksheetProtection {
    this._protection ??= new WorksheetProtection(this.context, () => this._resolve(), `${this._path}.protection`);
    return this._protection;
  }
  private _freeze?: WorksheetFreezePanes;
  get freezePanes(): WorksheetFreezePanes {
    this._freeze ??= new WorksheetFreezePanes(this.context, () => this._resolve(), `${this._path}.freezePanes`);
    return this._freeze;
  }
  private _tables?: TableCollection;
  get tables(): TableCollection {
    this._tables ??= new TableCollection(
      this.context,
      () => {
        const t = this._resolve();
        return t ? { wb: t.wb, sheet: t } : null;
      },
      `${this._path}.tables`,
    );
    return this._tables;
  }
  private _charts?: ChartCollection;
  get charts(): ChartCollection {
    this._charts ??= new ChartCollection(this.context, () => this._resolve(), `${this._path}.charts`);
    return this._charts;
  }
  private _pivots?: PivotTableCollection;
  get pivotTables(): PivotTableCollection {
    this._pivots ??= new PivotTableCollection(
      this.context,
      () => {
        requireSet(this.context.host, '1.8', 'Worksheet.pivotTables');
        const t = this._resolve();
        return t ? { wb: t.wb, sheet: t } : null;
      },
      `${this._path}.pivotTables`,
    );
    return this._pivots;
  }
  private _autoFilter?: AutoFilter;
  /** ExcelApi 1.9. */
  get autoFilter(): AutoFilter {
    this._autoFilter ??= new AutoFilter(this.context, () => this._resolve(), `${this._path}.autoFilter`);
    return this._autoFilter;
  }
  private _pageLayout?: PageLayout;
  /** ExcelApi 1.9. */
  get pageLayout(): PageLayout {
    this._pageLayout ??= new PageLayout(this.context, () => this._resolve(), `${this._path}.pageLayout`);
    return this._pageLayout;
  }
  private _onChanged?: EventHandlers;
  get onChanged(): EventHandlers {
    this._onChanged ??= new EventHandlers(this.context, this, '1.7', 'Worksheet.onChanged');
    return this._onChanged;
  }
}

/** Office.js EventHandlers: add() registers at the next sync and returns an EventHandlerResult. */
export class EventHandlers {
  constructor(
    private readonly context: SimContext,
    private readonly sheet: Worksheet,
    private readonly version: string,
    private readonly api: string,
  ) {}

  add(handler: ChangedHandler): EventHandlerResult {
    const host = this.context.host;
    let sheetId: string | null = null;
    this.context._enqueue({
      desc: { o: this.sheet._id, m: `${this.api}.add`, loc: `${this.api}.add` },
      run: () => {
        requireSet(host, this.version, this.api);
        const t = this.sheet._resolve();
        if (!t) return;
        sheetId = t.id;
        let set = host.handlers.get(t.id);
        if (!set) {
          set = new Set();
          host.handlers.set(t.id, set);
        }
        set.add(handler);
      },
    });
    return new EventHandlerResult(this.context, () => {
      if (sheetId) host.handlers.get(sheetId)?.delete(handler);
    });
  }

  remove(handler: ChangedHandler): void {
    const host = this.context.host;
    this.context._enqueue({
      desc: { o: this.sheet._id, m: `${this.api}.remove`, loc: `${this.api}.remove` },
      run: () => {
        const t = this.sheet._resolve();
        if (t) host.handlers.get(t.id)?.delete(handler);
      },
    });
  }
}

export class EventHandlerResult {
  constructor(
    readonly context: SimContext,
    private readonly unregister: () => void,
  ) {}
  remove(): void {
    this.context._enqueue({ desc: { m: 'EventHandlerResult.remove', loc: 'EventHandlerResult.remove' }, run: () => this.unregister() });
  }
}

export class WorksheetProtection extends SimObject<SheetModel> {
  protected _scalars(): Record<string, Getter<SheetModel>> {
    return { protected: (t) => t.protection.protected, options: (t) => ({ ...(t.protection.options ?? {}) }) };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  get options(): unknown {
    return this._get('options');
  }
  protect(options?: unknown, password?: string): void {
    this._op('protect', [options ?? null, password === undefined ? null : '***'], (t) => {
      protectModel(t, password, 'worksheet');
      t.protection.options = options && typeof options === 'object' ? { ...(options as Record<string, unknown>) } : undefined;
    });
  }
  unprotect(password?: string): void {
    this._op('unprotect', [password === undefined ? null : '***'], (t) => unprotectModel(t, password));
  }
}

/** Sheet and workbook protection behave alike in Excel: protecting twice fails, so does a wrong password. */
interface Protectable { protection: { protected: boolean; password?: string } }

function protectModel(t: Protectable, password: string | undefined, what: 'worksheet' | 'workbook'): void {
  if (t.protection.protected) throw new ModelError('InvalidOperation', `The ${what} is already protected`);
  t.protection = { protected: true, password };
}

function unprotectModel(t: Protectable, password: string | undefined): void {
  if (t.protection.protected && t.protection.password !== undefined && t.protection.password !== password) {
    throw new ModelError('InvalidArgument', 'The password is incorrect');
  }
  t.protection = { protected: false, password: undefined };
}

/** Workbook structure protection (ExcelApi 1.7). */
export class WorkbookProtection extends SimObject<WorkbookModel> {
  protected _scalars(): Record<string, Getter<WorkbookModel>> {
    return { protected: (t) => t.protection.protected };
  }
  get protected(): boolean {
    return this._get('protected');
  }
  protect(password?: string): void {
    this._op('protect', [password === undefined ? null : '***'], (t) => protectModel(t, password, 'workbook'));
  }
  unprotect(password?: string): void {
    this._op('unprotect', [password === undefined ? null : '***'], (t) => unprotectModel(t, password));
  }
}

export class WorksheetFreezePanes extends SimObject<SheetModel> {
  protected _scalars(): Record<string, Getter<SheetModel>> {
    return {};
  }
  freezeRows(count?: number): void {
    this._op('freezeRows', [count ?? 1], (t) => {
      const n = count ?? 1;
      if (!(n >= 0 && n < MAX_ROWS)) throw new ModelError('InvalidArgument', 'Invalid row count');
      t.freeze = { rows: n, columns: 0 };
    });
  }
  freezeColumns(count?: number): void {
    this._op('freezeColumns', [count ?? 1], (t) => {
      const n = count ?? 1;
      if (!(n >= 0 && n < MAX_COLUMNS)) throw new ModelError('InvalidArgument', 'Invalid column count');
      t.freeze = { rows: 0, columns: n };
    });
  }
  freezeAt(frozenRange: Range | string): void {
    this._op('freezeAt', [frozenRange], (t) => {
      const rect = typeof frozenRange === 'string' ? resolveAddress(t, frozenRange) : frozenRange._resolve()?.rect;
      if (!rect) throw new ModelError('InvalidArgument', 'Invalid range');
      t.freeze = { rows: rect.r1 + 1, columns: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this._op('unfreeze', [], (t) => (t.freeze = { rows: 0, columns: 0 }));
  }
  private _location(name: string, orNull: boolean): Range {
    return new Range(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        const { rows, columns } = t.freeze;
        if (rows === 0 && columns === 0) {
          if (orNull) return null;
          throw new ModelError('ItemNotFound', 'The worksheet has no frozen panes');
        }
        const rect = {
          r0: 0,
          c0: 0,
          r1: rows === 0 ? MAX_ROWS - 1 : rows - 1,
          c1: columns === 0 ? MAX_COLUMNS - 1 : columns - 1,
        };
        return { sheet: t, rect };
      },
      `${this._path}.${name}`,
    );
  }
  getLocation(): Range {
    return this._location('getLocation()', false);
  }
  getLocationOrNullObject(): Range {
    return orNullObject(this._location('getLocationOrNullObject()', true), this);
  }
}

export class WorksheetCollection extends SimCollection<SheetModel, Worksheet, WorkbookModel> {
  protected _list(t: WorkbookModel): SheetModel[] {
    return t.sheets;
  }
  protected _wrap(model: SheetModel, index: number): Worksheet {
    return new Worksheet(this.context, () => model, `${this._path}.items[${index}]`);
  }
  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    this._op('add', [name ?? null], (t) => (created = t.addSheet(name)));
    return new Worksheet(
      this.context,
      () => {
        if (!created) throw new ModelError('ItemNotFound', 'The worksheet was not added');
        return created;
      },
      `${this._path}.add(${name ?? ''})`,
    );
  }
  private _find(t: WorkbookModel, key: string): SheetModel | undefined {
    return t.sheet(key) ?? t.sheetById(key);
  }
  getItem(key: string): Worksheet {
    return new Worksheet(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        const s = this._find(t, key);
        if (!s) throw new ModelError('ItemNotFound', `The requested worksheet "${key}" doesn't exist.`);
        return s;
      },
      `${this._path}.getItem(${key})`,
    );
  }
  getItemOrNullObject(key: string): Worksheet {
    return orNullObject(new Worksheet(this.context, () => {
      const t = this._resolve();
      return t ? (this._find(t, key) ?? null) : null;
    }, `${this._path}.getItemOrNullObject(${key})`), this);
  }
  getActiveWorksheet(): Worksheet {
    return new Worksheet(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        if (!t.activeSheet) throw new ModelError('ItemNotFound', 'There is no active worksheet');
        return t.activeSheet;
      },
      `${this._path}.getActiveWorksheet()`,
    );
  }
  getFirst(visibleOnly?: boolean): Worksheet {
    return new Worksheet(this.context, () => {
      const t = this._resolve();
      const s = t?.sheets.find((x) => !visibleOnly || x.visibility === 'Visible');
      if (!s) throw new ModelError('ItemNotFound', 'No worksheet');
      return s;
    }, `${this._path}.getFirst()`);
  }
  getLast(visibleOnly?: boolean): Worksheet {
    return new Worksheet(this.context, () => {
      const t = this._resolve();
      const s = t?.sheets.filter((x) => !visibleOnly || x.visibility === 'Visible').at(-1);
      if (!s) throw new ModelError('ItemNotFound', 'No worksheet');
      return s;
    }, `${this._path}.getLast()`);
  }
  getCount(visibleOnly?: boolean): ClientResult<number> {
    const result = new ClientResult<number>(`${this._path}.getCount`);
    this._op('getCount', [], (t) => t.sheets.filter((s) => !visibleOnly || s.visibility === 'Visible').length, (n) => result._set(n));
    return result;
  }
}

export class Workbook extends SimObject<WorkbookModel> {
  protected _scalars(): Record<string, Getter<WorkbookModel>> {
    return { name: () => 'Book1.xlsx' };
  }
  get name(): string {
    return this._get('name');
  }
  private _worksheets?: WorksheetCollection;
  get worksheets(): WorksheetCollection {
    this._worksheets ??= new WorksheetCollection(this.context, () => this._resolve(), 'workbook.worksheets');
    return this._worksheets;
  }
  private _tables?: TableCollection;
  get tables(): TableCollection {
    this._tables ??= new TableCollection(
      this.context,
      () => {
        const t = this._resolve();
        return t ? { wb: t } : null;
      },
      'workbook.tables',
    );
    return this._tables;
  }
  private _pivots?: PivotTableCollection;
  get pivotTables(): PivotTableCollection {
    this._pivots ??= new PivotTableCollection(
      this.context,
      () => {
        requireSet(this.context.host, '1.8', 'Workbook.pivotTables');
        const t = this._resolve();
        return t ? { wb: t } : null;
      },
      'workbook.pivotTables',
    );
    return this._pivots;
  }
  get application(): SimContext['application'] {
    return this.context.application;
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    return name === 'protection' ? (this.protection as SimObject<unknown>) : undefined;
  }
  private _protection?: WorkbookProtection;
  /** ExcelApi 1.7. */
  get protection(): WorkbookProtection {
    this._protection ??= new WorkbookProtection(
      this.context,
      () => {
        requireSet(this.context.host, '1.7', 'Workbook.protection');
        return this._resolve();
      },
      'workbook.protection',
    );
    return this._protection;
  }
  getSelectedRange(): Range {
    return new Range(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        if (t.selection) return { sheet: t.selection.sheet, rect: t.selection.rect };
        if (!t.activeSheet) throw new ModelError('ItemNotFound', 'No active worksheet');
        return { sheet: t.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } };
      },
      'workbook.getSelectedRange()',
    );
  }
  getActiveCell(): Range {
    return new Range(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        const sel = t.selection ?? (t.activeSheet ? { sheet: t.activeSheet, rect: { r0: 0, c0: 0, r1: 0, c1: 0 } } : null);
        if (!sel) throw new ModelError('ItemNotFound', 'No active worksheet');
        return { sheet: sel.sheet, rect: { r0: sel.rect.r0, c0: sel.rect.c0, r1: sel.rect.r0, c1: sel.rect.c0 } };
      },
      'workbook.getActiveCell()',
    );
  }
}

provideWorksheet((ctx, resolve, path) => new Worksheet(ctx, resolve, path));
