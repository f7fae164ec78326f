/** Excel.TableCollection, Table, TableColumnCollection, TableColumn, TableRowCollection. */
import { MAX_ROWS, parseRange } from '../../core/grid/a1';
import { intersect, type Rect } from '../../core/grid/rect';
import { toApiValue } from '../model/values';
import { ModelError, type SheetModel, type TableModel, type WorkbookModel } from '../model/workbook';
import { ClientResult, SimCollection, SimObject, orNullObject, requireSet, type Getter, type SimContext } from './base';

import { checkWritable, writeContents, type RangeRef } from './cells';
import { newRange, newWorksheet, type RangeProxy, type WorksheetProxy } from './factories';

interface TableScope {
  wb: WorkbookModel;
  sheet?: SheetModel;
}

function fullRect(t: TableModel): Rect {
  return { ...t.rect, r1: t.rect.r1 + (t.showTotals ? 1 : 0) };
}

export function copyTables(wb: WorkbookModel, from: SheetModel, to: SheetModel): void {
  for (const t of wb.tables.filter((x) => x.sheet === from)) {
    let i = wb.tables.length + 1;
    while (wb.tableByName(`${t.name}${i}`)) i++;
    wb.tables.push({ ...t, id: wb.nextId(), name: `${t.name}${i}`, sheet: to, rect: { ...t.rect }, columnIds: [...t.columnIds] });
  }
}

export class TableCollection extends SimCollection<TableModel, Table, TableScope> {
  protected _list(t: TableScope): TableModel[] {
    return t.wb.tables.filter((x) => !t.sheet || x.sheet === t.sheet);
  }
  protected _wrap(model: TableModel, index: number): Table {
    return new Table(this.context, () => model, `${this._path}.items[${index}]`);
  }
  protected override _collectionScalars(): Record<string, Getter<TableScope>> {
    return { count: (t) => this._list(t).length };
  }
  get count(): number {
    return this._get('count');
  }

  add(address: RangeProxy | string, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    this._op('add', [address, hasHeaders], (scope) => {
      let sheet: SheetModel;
      let rect: Rect;
      if (typeof address === 'string') {
        const p = parseRange(address);
        if (!p) throw new ModelError('InvalidArgument', `"${address}" is not a valid range address`);
        const named = p.sheet !== undefined ? scope.wb.sheet(p.sheet) : (scope.sheet ?? scope.wb.activeSheet ?? undefined);
        if (!named) throw new ModelError('ItemNotFound', `The worksheet in "${address}" doesn't exist`);
        if (scope.sheet && named !== scope.sheet) throw new ModelError('InvalidArgument', 'The address is on another worksheet');
        sheet = named;
        rect = { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
      } else {
        const ref = address._resolve();
        if (!ref) throw new ModelError('InvalidArgument', 'The range does not exist');
        sheet = ref.sheet;
        rect = ref.rect;
      }
      if (rect.r1 - rect.r0 >= MAX_ROWS - 1) throw new ModelError('InvalidArgument', 'A table cannot span every row');
      created = scope.wb.addTable(sheet, rect, hasHeaders);
    });
    return new Table(this.context, () => {
      if (!created) throw new ModelError('ItemNotFound', 'The table was not added');
      return created;
    }, `${this._path}.add()`);
  }

  private _find(scope: TableScope, key: string | number): TableModel | undefined {
    const list = this._list(scope);
    return list.find((t) => t.name.toLowerCase() === String(key).toLowerCase()) ?? list.find((t) => String(t.id) === String(key));
  }
  getItem(key: string | number): Table {
    return new Table(this.context, () => {
      const scope = this._resolve();
      if (!scope) return null;
      const t = this._find(scope, key);
      if (!t) throw new ModelError('ItemNotFound', `The requested table "${key}" doesn't exist.`);
      return t;
    }, `${this._path}.getItem(${key})`);
  }
  getItemOrNullObject(key: string | number): Table {
    return orNullObject(new Table(this.context, () => {
      const scope = this._resolve();
      return scope ? (this._find(scope, key) ?? null) : null;
    }, `${this._path}.getItemOrNullObject(${key})`), this);
  }
  getItemAt(index: number): Table {
    return new Table(this.context, () => {
      const scope = this._resolve();
      if (!scope) return null;
      const t = this._list(scope)[index];
      if (!t) throw new ModelError('ItemNotFound', `No table at index ${index}`);
      return t;
    }, `${this._path}.getItemAt(${index})`);
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
}

/** RangeProxy.getTables (ExcelApi 1.9): the tables that overlap a range (or lie wholly inside it). */
export class TableScopedCollection extends SimCollection<TableModel, Table, RangeRef> {
  constructor(ctx: SimContext, resolve: () => RangeRef | null, path: string, private readonly fullyContained: boolean) {
    super(ctx, resolve, path);
  }
  protected _list(t: RangeRef): TableModel[] {
    return t.sheet.wb.tables.filter((x) => {
      if (x.sheet !== t.sheet) return false;
      const r = fullRect(x);
      return this.fullyContained ? r.r0 >= t.rect.r0 && r.r1 <= t.rect.r1 && r.c0 >= t.rect.c0 && r.c1 <= t.rect.c1 : intersect(r, t.rect) !== null;
    });
  }
  protected _wrap(model: TableModel, index: number): Table {
    return new Table(this.context, () => model, `${this._path}.items[${index}]`);
  }
  protected override _collectionScalars(): Record<string, Getter<RangeRef>> {
    return { count: (t) => this._list(t).length };
  }
  get count(): number {
    return this._get('count');
  }
}

function tableRange(ctx: SimContext, table: () => TableModel | null, path: string, f: (t: TableModel) => Rect): RangeProxy {
  return newRange(ctx, (): RangeRef | null => {
    const t = table();
    return t ? { sheet: t.sheet, rect: f(t) } : null;
  }, path);
}

export class Table extends SimObject<TableModel> {
  protected _scalars(): Record<string, Getter<TableModel>> {
    return {
      name: (t) => t.name,
      id: (t) => String(t.id),
      showTotals: (t) => t.showTotals,
      showHeaders: (t) => t.showHeaders,
      style: (t) => t.style,
    };
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    if (name === 'columns') return this.columns as unknown as SimObject<unknown>;
    if (name === 'rows') return this.rows as unknown as SimObject<unknown>;
    if (name === 'worksheet') return this.worksheet as SimObject<unknown>;
    return undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (t) => t.sheet.wb.renameTable(t, v));
  }
  get id(): string {
    return this._get('id');
  }
  get style(): string {
    return this._get('style');
  }
  set style(v: string) {
    this._setProp('style', v, (t) => (t.style = v));
  }
  get showHeaders(): boolean {
    return this._get('showHeaders');
  }
  get showTotals(): boolean {
    return this._get('showTotals');
  }
  set showTotals(v: boolean) {
    this._setProp('showTotals', v, (t) => {
      checkWritable(t.sheet);
      if (v === t.showTotals) return;
      const row = t.rect.r1 + 1;
      if (v) {
        t.sheet.shiftDown({ r0: row, r1: MAX_ROWS - 2, c0: t.rect.c0, c1: t.rect.c1 }, 1);
        t.sheet.write(row, t.rect.c0, 'Total');
      } else {
        t.sheet.clearContents({ r0: row, r1: row, c0: t.rect.c0, c1: t.rect.c1 });
      }
      t.showTotals = v;
    });
  }
  get worksheet(): WorksheetProxy {
    return newWorksheet(this.context, () => this._resolve()?.sheet ?? null, `${this._path}.worksheet`);
  }
  private _columns?: TableColumnCollection;
  get columns(): TableColumnCollection {
    this._columns ??= new TableColumnCollection(this.context, () => this._resolve(), `${this._path}.columns`);
    return this._columns;
  }
  private _rows?: TableRowCollection;
  get rows(): TableRowCollection {
    this._rows ??= new TableRowCollection(this.context, () => this._resolve(), `${this._path}.rows`);
    return this._rows;
  }
  getRange(): RangeProxy {
    return tableRange(this.context, () => this._resolve(), `${this._path}.getRange()`, fullRect);
  }
  getHeaderRowRange(): RangeProxy {
    return tableRange(this.context, () => this._resolve(), `${this._path}.getHeaderRowRange()`, (t) => ({ ...t.rect, r1: t.rect.r0 }));
  }
  getDataBodyRange(): RangeProxy {
    return tableRange(this.context, () => this._resolve(), `${this._path}.getDataBodyRange()`, (t) => ({ ...t.rect, r0: t.rect.r0 + 1 }));
  }
  getTotalRowRange(): RangeProxy {
    return tableRange(this.context, () => this._resolve(), `${this._path}.getTotalRowRange()`, (t) => {
      if (!t.showTotals) throw new ModelError('InvalidOperation', 'The table has no totals row');
      return { ...t.rect, r0: t.rect.r1 + 1, r1: t.rect.r1 + 1 };
    });
  }
  /**
   * ExcelApi 1.13. As Excel: the header row stays where it is, the new range overlaps the old, holds a
   * data row, no merged cell, other table or PivotTable. Stricter where unsure: the columns stay as they
   * are and a table with a totals row is refused (Excel would move the totals row).
   */
  resize(newRange: RangeProxy | string): void {
    this._op('resize', [newRange], (t) => {
      requireSet(this.context.host, '1.13', 'Table.resize');
      checkWritable(t.sheet);
      let rect: Rect;
      if (typeof newRange === 'string') {
        const p = parseRange(newRange);
        if (!p) throw new ModelError('InvalidArgument', `"${newRange}" is not a valid range address`);
        if (p.sheet !== undefined && t.sheet.wb.sheet(p.sheet) !== t.sheet) throw new ModelError('InvalidArgument', 'The range is on another worksheet');
        rect = { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 };
      } else {
        const ref = newRange._resolve();
        if (!ref) throw new ModelError('InvalidArgument', 'The range does not exist');
        if (ref.sheet !== t.sheet) throw new ModelError('InvalidArgument', 'The range is on another worksheet');
        rect = ref.rect;
      }
      if (rect.r0 !== t.rect.r0) throw new ModelError('InvalidArgument', 'The table\'s headers must stay in the same row');
      if (rect.r1 <= rect.r0) throw new ModelError('InvalidArgument', 'A table needs at least one data row');
      if (!intersect(rect, t.rect)) throw new ModelError('InvalidArgument', 'The new range must overlap the table');
      if (rect.c0 !== t.rect.c0 || rect.c1 !== t.rect.c1) throw new ModelError('InvalidArgument', 'The simulator resizes a table\'s rows only');
      if (t.showTotals) throw new ModelError('InvalidOperation', 'The simulator does not move a totals row');
      const wb = t.sheet.wb;
      if (wb.tables.some((o) => o !== t && o.sheet === t.sheet && intersect(fullRect(o), rect))) throw new ModelError('InvalidOperation', 'A table cannot overlap another table');
      if (wb.pivots.some((p) => p.sheet === t.sheet && p.lastRect && intersect(p.lastRect, rect))) throw new ModelError('PivotTableRangeConflict', 'A table cannot overlap a PivotTable');
      if (t.sheet.merges.some((m) => intersect(m, rect))) throw new ModelError('InvalidOperation', 'A table cannot contain merged cells');
      t.rect = { ...rect };
      wb.touch();
    });
  }
  delete(): void {
    this._op('delete', [], (t) => {
      checkWritable(t.sheet);
      t.sheet.clearContents(fullRect(t));
      t.sheet.clearFormats(fullRect(t));
      const wb = t.sheet.wb;
      wb.tables.splice(wb.tables.indexOf(t), 1);
    });
  }
  convertToRange(): RangeProxy {
    let rect: Rect | null = null;
    let sheet: SheetModel | null = null;
    this._op('convertToRange', [], (t) => {
      rect = fullRect(t);
      sheet = t.sheet;
      const wb = t.sheet.wb;
      wb.tables.splice(wb.tables.indexOf(t), 1);
    });
    return newRange(this.context, () => (rect && sheet ? { sheet, rect } : null), `${this._path}.convertToRange()`);
  }
}

interface ColumnRef {
  table: TableModel;
  id: number;
}

function columnOffset(c: ColumnRef): number {
  const i = c.table.columnIds.indexOf(c.id);
  if (i < 0) throw new ModelError('ItemNotFound', 'The table column no longer exists');
  return i;
}

export class TableColumnCollection extends SimCollection<ColumnRef, TableColumn, TableModel> {
  protected _list(t: TableModel): ColumnRef[] {
    return t.columnIds.map((id) => ({ table: t, id }));
  }
  protected _wrap(model: ColumnRef, index: number): TableColumn {
    return new TableColumn(this.context, () => model, `${this._path}.items[${index}]`);
  }
  protected override _collectionScalars(): Record<string, Getter<TableModel>> {
    return { count: (t) => t.columnIds.length };
  }
  get count(): number {
    return this._get('count');
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
  private _column(name: string, find: (t: TableModel) => ColumnRef | null, orNull: boolean): TableColumn {
    return new TableColumn(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      const c = find(t);
      if (!c && !orNull) throw new ModelError('ItemNotFound', `The requested table column doesn't exist.`);
      return c;
    }, `${this._path}.${name}`);
  }
  getItem(key: string | number): TableColumn {
    return this._column(`getItem(${key})`, (t) => this._byKey(t, key), false);
  }
  getItemOrNullObject(key: string | number): TableColumn {
    return orNullObject(this._column(`getItemOrNullObject(${key})`, (t) => this._byKey(t, key), true), this);
  }
  getItemAt(index: number): TableColumn {
    return this._column(`getItemAt(${index})`, (t) => {
      const id = t.columnIds[index];
      return id === undefined ? null : { table: t, id };
    }, false);
  }
  private _byKey(t: TableModel, key: string | number): ColumnRef | null {
    const names = t.sheet.wb.tableColumnNames(t).map((n) => n.toLowerCase());
    const i = names.indexOf(String(key).toLowerCase());
    if (i >= 0) return { table: t, id: t.columnIds[i] as number };
    const byId = t.columnIds.find((id) => String(id) === String(key));
    return byId === undefined ? null : { table: t, id: byId };
  }

  add(index?: number | null, values?: unknown[][] | unknown, name?: string): TableColumn {
    let created: ColumnRef | null = null;
    this._op('add', [index ?? null, values ?? null, name ?? null], (t) => {
      checkWritable(t.sheet);
      const n = t.columnIds.length;
      const at = index === undefined || index === null ? n : index;
      if (!(at >= 0 && at <= n)) throw new ModelError('InvalidArgument', `Column index ${at} is out of range`);
      const c = t.rect.c0 + at;
      const full = fullRect(t);
      t.sheet.shiftRight({ r0: full.r0, r1: full.r1, c0: c, c1: 16383 - 1 }, 1);
      t.rect = { ...t.rect, c1: t.rect.c1 + 1 };
      const id = Math.max(0, ...t.columnIds) + 1;
      t.columnIds.splice(at, 0, id);
      const rows = t.rect.r1 - t.rect.r0 + 1;
      if (Array.isArray(values)) {
        const dataOnly = values.length === rows - 1;
        if (!dataOnly && values.length !== rows) throw new ModelError('InvalidArgument', `values must have ${rows} rows (with the header) or ${rows - 1} (data only)`);
        const col: RangeRef = { sheet: t.sheet, rect: { r0: dataOnly ? t.rect.r0 + 1 : t.rect.r0, r1: t.rect.r1, c0: c, c1: c } };
        writeContents(col, values, 'values');
      }
      const existing = t.sheet.value(t.rect.r0, c);
      const names = new Set(t.sheet.wb.tableColumnNames(t).filter((_, i) => i !== at).map((x) => x.toLowerCase()));
      let header = name ?? (existing === null || existing === '' ? `Column${at + 1}` : String(existing));
      const base = header;
      for (let k = 2; names.has(header.toLowerCase()); k++) header = `${base}${k}`;
      t.sheet.store(t.rect.r0, c, { kind: 'value', value: header });
      created = { table: t, id };
    });
    return new TableColumn(this.context, () => created, `${this._path}.add()`);
  }
}

export class TableColumn extends SimObject<ColumnRef> {
  protected _scalars(): Record<string, Getter<ColumnRef>> {
    return {
      name: (c) => c.table.sheet.wb.tableColumnNames(c.table)[columnOffset(c)],
      index: (c) => columnOffset(c),
      id: (c) => c.id,
      values: (c) => {
        const col = c.table.rect.c0 + columnOffset(c);
        const out: unknown[][] = [];
        for (let r = c.table.rect.r0; r <= fullRect(c.table).r1; r++) out.push([toApiValue(c.table.sheet.value(r, col))]);
        return out;
      },
    };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (c) => {
      const names = c.table.sheet.wb.tableColumnNames(c.table).map((x) => x.toLowerCase());
      const i = columnOffset(c);
      if (names.some((x, k) => k !== i && x === v.toLowerCase())) throw new ModelError('InvalidArgument', `A column named "${v}" already exists`);
      c.table.sheet.store(c.table.rect.r0, c.table.rect.c0 + i, { kind: 'value', value: v });
    });
  }
  get index(): number {
    return this._get('index');
  }
  get id(): number {
    return this._get('id');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  private _colRange(name: string, rows: (t: TableModel) => [number, number]): RangeProxy {
    return newRange(this.context, () => {
      const c = this._resolve();
      if (!c) return null;
      const col = c.table.rect.c0 + columnOffset(c);
      const [r0, r1] = rows(c.table);
      return { sheet: c.table.sheet, rect: { r0, r1, c0: col, c1: col } };
    }, `${this._path}.${name}`);
  }
  getRange(): RangeProxy {
    return this._colRange('getRange()', (t) => [t.rect.r0, fullRect(t).r1]);
  }
  getDataBodyRange(): RangeProxy {
    return this._colRange('getDataBodyRange()', (t) => [t.rect.r0 + 1, t.rect.r1]);
  }
  getHeaderRowRange(): RangeProxy {
    return this._colRange('getHeaderRowRange()', (t) => [t.rect.r0, t.rect.r0]);
  }
  delete(): void {
    this._op('delete', [], (c) => {
      const t = c.table;
      checkWritable(t.sheet);
      if (t.columnIds.length === 1) throw new ModelError('InvalidOperation', 'A table must keep at least one column');
      const i = columnOffset(c);
      const col = t.rect.c0 + i;
      const full = fullRect(t);
      t.sheet.clearContents({ r0: full.r0, r1: full.r1, c0: col, c1: col });
      t.sheet.shiftRight({ r0: full.r0, r1: full.r1, c0: col + 1, c1: 16382 }, -1);
      t.columnIds.splice(i, 1);
      t.rect = { ...t.rect, c1: t.rect.c1 - 1 };
    });
  }
}

interface RowRef {
  table: TableModel;
  index: number;
}

export class TableRowCollection extends SimCollection<RowRef, TableRow, TableModel> {
  protected _list(t: TableModel): RowRef[] {
    const n = t.rect.r1 - t.rect.r0;
    return Array.from({ length: n }, (_, index) => ({ table: t, index }));
  }
  protected _wrap(model: RowRef, index: number): TableRow {
    return new TableRow(this.context, () => model, `${this._path}.items[${index}]`);
  }
  protected override _collectionScalars(): Record<string, Getter<TableModel>> {
    return { count: (t) => t.rect.r1 - t.rect.r0 };
  }
  get count(): number {
    return this._get('count');
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
  getItemAt(index: number): TableRow {
    return new TableRow(this.context, () => {
      const t = this._resolve();
      if (!t) return null;
      if (!(index >= 0 && index < t.rect.r1 - t.rect.r0)) throw new ModelError('ItemNotFound', `No table row at index ${index}`);
      return { table: t, index };
    }, `${this._path}.getItemAt(${index})`);
  }
  add(index?: number | null, values?: unknown[][], _alwaysInsert?: boolean): TableRow {
    let created: RowRef | null = null;
    this._op('add', [index ?? null, values ?? null], (t) => {
      checkWritable(t.sheet);
      const count = Array.isArray(values) ? values.length : 1;
      if (count < 1) throw new ModelError('InvalidArgument', 'values must have at least one row');
      const dataRows = t.rect.r1 - t.rect.r0;
      const at = index === undefined || index === null ? dataRows : index;
      if (!(at >= 0 && at <= dataRows)) throw new ModelError('InvalidArgument', `Row index ${at} is out of range`);
      const r = t.rect.r0 + 1 + at;
      t.sheet.shiftDown({ r0: r, r1: MAX_ROWS - 1 - count, c0: t.rect.c0, c1: t.rect.c1 }, count);
      t.rect = { ...t.rect, r1: t.rect.r1 + count };
      if (Array.isArray(values)) writeContents({ sheet: t.sheet, rect: { r0: r, r1: r + count - 1, c0: t.rect.c0, c1: t.rect.c1 } }, values, 'values');
      created = { table: t, index: at };
    });
    return new TableRow(this.context, () => created, `${this._path}.add()`);
  }
}

export class TableRow extends SimObject<RowRef> {
  protected _scalars(): Record<string, Getter<RowRef>> {
    return {
      index: (r) => r.index,
      values: (r) => {
        const row = r.table.rect.r0 + 1 + r.index;
        const out: unknown[] = [];
        for (let c = r.table.rect.c0; c <= r.table.rect.c1; c++) out.push(toApiValue(r.table.sheet.value(row, c)));
        return [out];
      },
    };
  }
  get index(): number {
    return this._get('index');
  }
  get values(): unknown[][] {
    return this._get('values');
  }
  getRange(): RangeProxy {
    return newRange(this.context, () => {
      const r = this._resolve();
      if (!r) return null;
      const row = r.table.rect.r0 + 1 + r.index;
      return { sheet: r.table.sheet, rect: { r0: row, r1: row, c0: r.table.rect.c0, c1: r.table.rect.c1 } };
    }, `${this._path}.getRange()`);
  }
}
