/** Excel.PivotTableCollection, PivotTable and hierarchies (ExcelApi 1.8). Numbers are computed. */
import { parseRange } from '../../core/grid/a1';
import { intersect, type Rect } from '../../core/grid/rect';
import { dataFieldName, defaultAggregation, fieldIndex, pivotSource, refreshPivot, type Aggregation, type DataField, type PivotModel } from '../model/pivot';
import { ModelError, type SheetModel, type TableModel, type WorkbookModel } from '../model/workbook';
import { ClientResult, SimCollection, SimObject, orNullObject, type Getter } from './base';
import { Table } from './table';
import { checkWritable } from './cells';
import { newRange, newWorksheet, type RangeProxy, type WorksheetProxy } from './factories';

interface Scope {
  wb: WorkbookModel;
  sheet?: SheetModel;
}

const AGGREGATIONS: Aggregation[] = ['Sum', 'Count', 'Average', 'Max', 'Min', 'CountNumbers', 'Product'];

function addressTarget(scope: Scope, address: string): { sheet: SheetModel; rect: Rect } {
  const p = parseRange(address);
  if (!p) throw new ModelError('InvalidArgument', `"${address}" is not a valid range address`);
  const sheet = p.sheet !== undefined ? scope.wb.sheet(p.sheet) : (scope.sheet ?? scope.wb.activeSheet ?? undefined);
  if (!sheet) throw new ModelError('ItemNotFound', `The worksheet in "${address}" doesn't exist`);
  return { sheet, rect: { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 } };
}

export class PivotTableCollection extends SimCollection<PivotModel, PivotTable, Scope> {
  protected _list(t: Scope): PivotModel[] {
    return t.wb.pivots.filter((p) => !t.sheet || p.sheet === t.sheet);
  }
  protected _wrap(model: PivotModel, index: number): PivotTable {
    return new PivotTable(this.context, () => model, `${this._path}.items[${index}]`);
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
  add(name: string, source: RangeProxy | Table | string, destination: RangeProxy | string): PivotTable {
    let created: PivotModel | null = null;
    this._op('add', [name, source, destination], (scope) => {
      const wb = scope.wb;
      if (wb.pivots.some((p) => p.name.toLowerCase() === name.toLowerCase())) throw new ModelError('ItemAlreadyExists', `A PivotTable named "${name}" already exists`);
      let src: PivotModel['source'];
      if (typeof source === 'string') src = { kind: 'range', ...addressTarget(scope, source) };
      else if (source instanceof Table) {
        const t = source._resolve();
        if (!t) throw new ModelError('InvalidArgument', 'The source table does not exist');
        src = { kind: 'table', table: t as TableModel };
      } else {
        const r = source._resolve();
        if (!r) throw new ModelError('InvalidArgument', 'The source range does not exist');
        src = { kind: 'range', sheet: r.sheet, rect: r.rect };
      }
      const dest = typeof destination === 'string' ? addressTarget(scope, destination) : destination._resolve();
      if (!dest) throw new ModelError('InvalidArgument', 'The destination does not exist');
      checkWritable(dest.sheet);
      const inside = wb.pivots.find((p) => p.sheet === dest.sheet && p.lastRect && intersect(p.lastRect, { r0: dest.rect.r0, c0: dest.rect.c0, r1: dest.rect.r0, c1: dest.rect.c0 }));
      if (inside) throw new ModelError('PivotTableRangeConflict', `The destination lies inside PivotTable "${inside.name}".`);
      const model: PivotModel = {
        id: wb.nextId(),
        name,
        sheet: dest.sheet,
        dest: { r: dest.rect.r0, c: dest.rect.c0 },
        source: src,
        rows: [],
        columns: [],
        data: [],
        cache: null,
        lastRect: null,
        lastBody: null,
      };
      const cache = pivotSource(model);
      if (cache.fields.length === 0 || cache.fields.some((f) => f === '')) throw new ModelError('InvalidArgument', 'Every column of a PivotTable source needs a header');
      if (cache.records.length === 0) throw new ModelError('InvalidArgument', 'The PivotTable source has no data rows');
      model.cache = cache;
      wb.pivots.push(model);
      created = model;
    });
    return new PivotTable(this.context, () => created, `${this._path}.add(${name})`);
  }
  getItem(name: string): PivotTable {
    return new PivotTable(this.context, () => {
      const s = this._resolve();
      if (!s) return null;
      const p = this._list(s).find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!p) throw new ModelError('ItemNotFound', `The PivotTable "${name}" doesn't exist`);
      return p;
    }, `${this._path}.getItem(${name})`);
  }
  getItemOrNullObject(name: string): PivotTable {
    return orNullObject(new PivotTable(this.context, () => {
      const s = this._resolve();
      return s ? (this._list(s).find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null) : null;
    }, `${this._path}.getItemOrNullObject(${name})`), this);
  }
  refreshAll(): void {
    this._op('refreshAll', [], (s) => this._list(s).forEach((p) => refreshPivot(s.wb, p, true)));
  }
}

export class PivotTable extends SimObject<PivotModel> {
  protected _scalars(): Record<string, Getter<PivotModel>> {
    return { name: (p) => p.name, id: (p) => String(p.id) };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (p) => {
      if (p.sheet.wb.pivots.some((x) => x !== p && x.name.toLowerCase() === v.toLowerCase())) throw new ModelError('ItemAlreadyExists', `A PivotTable named "${v}" already exists`);
      p.name = v;
    });
  }
  get id(): string {
    return this._get('id');
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    return name === 'worksheet' ? (this.worksheet as SimObject<unknown>) : undefined;
  }
  private _worksheet?: WorksheetProxy;
  get worksheet(): WorksheetProxy {
    this._worksheet ??= newWorksheet(this.context, () => this._resolve()?.sheet ?? null, `${this._path}.worksheet`);
    return this._worksheet;
  }
  get hierarchies(): PivotHierarchyCollection {
    return new PivotHierarchyCollection(this.context, () => this._resolve(), `${this._path}.hierarchies`);
  }
  get rowHierarchies(): RowColumnPivotHierarchyCollection {
    return new RowColumnPivotHierarchyCollection(this.context, () => this._resolve(), `${this._path}.rowHierarchies`, 'rows');
  }
  get columnHierarchies(): RowColumnPivotHierarchyCollection {
    return new RowColumnPivotHierarchyCollection(this.context, () => this._resolve(), `${this._path}.columnHierarchies`, 'columns');
  }
  get dataHierarchies(): DataPivotHierarchyCollection {
    return new DataPivotHierarchyCollection(this.context, () => this._resolve(), `${this._path}.dataHierarchies`);
  }
  get filterHierarchies(): { add(h: PivotHierarchy): never } {
    return {
      add: () => {
        throw new ModelError('NotImplemented', 'Filter hierarchies are not simulated');
      },
    };
  }
  get layout(): PivotLayout {
    return new PivotLayout(this.context, () => this._resolve(), `${this._path}.layout`);
  }
  refresh(): void {
    this._op('refresh', [], (p) => refreshPivot(p.sheet.wb, p, true));
  }
  delete(): void {
    this._op('delete', [], (p) => {
      checkWritable(p.sheet);
      if (p.lastRect) p.sheet.clearContents(p.lastRect);
      const list = p.sheet.wb.pivots;
      list.splice(list.indexOf(p), 1);
    });
  }
}

interface HierarchyRef {
  pivot: PivotModel;
  field: string;
}

export class PivotHierarchy extends SimObject<HierarchyRef> {
  protected _scalars(): Record<string, Getter<HierarchyRef>> {
    return { name: (h) => h.field, id: (h) => h.field };
  }
  get name(): string {
    return this._get('name');
  }
  get id(): string {
    return this._get('id');
  }
}

export class PivotHierarchyCollection extends SimCollection<HierarchyRef, PivotHierarchy, PivotModel> {
  protected _list(p: PivotModel): HierarchyRef[] {
    return (p.cache ?? pivotSource(p)).fields.map((field) => ({ pivot: p, field }));
  }
  protected _wrap(model: HierarchyRef, index: number): PivotHierarchy {
    return new PivotHierarchy(this.context, () => model, `${this._path}.items[${index}]`);
  }
  getItem(name: string): PivotHierarchy {
    return new PivotHierarchy(this.context, () => {
      const p = this._resolve();
      if (!p) return null;
      const src = p.cache ?? pivotSource(p);
      const i = fieldIndex(src, name);
      if (i < 0) throw new ModelError('ItemNotFound', `The PivotTable has no field "${name}"`);
      return { pivot: p, field: src.fields[i] as string };
    }, `${this._path}.getItem(${name})`);
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
}

export class RowColumnPivotHierarchy extends SimObject<HierarchyRef> {
  protected _scalars(): Record<string, Getter<HierarchyRef>> {
    return { name: (h) => h.field, id: (h) => h.field, position: (h) => [...h.pivot.rows, ...h.pivot.columns].indexOf(h.field) };
  }
  get name(): string {
    return this._get('name');
  }
}

export class RowColumnPivotHierarchyCollection extends SimCollection<HierarchyRef, RowColumnPivotHierarchy, PivotModel> {
  constructor(
    ctx: ConstructorParameters<typeof SimObject>[0],
    resolve: () => PivotModel | null,
    path: string,
    private readonly axis: 'rows' | 'columns',
  ) {
    super(ctx, resolve, path);
  }
  protected _list(p: PivotModel): HierarchyRef[] {
    return p[this.axis].map((field) => ({ pivot: p, field }));
  }
  protected _wrap(model: HierarchyRef, index: number): RowColumnPivotHierarchy {
    return new RowColumnPivotHierarchy(this.context, () => model, `${this._path}.items[${index}]`);
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
  add(pivotHierarchy: PivotHierarchy): RowColumnPivotHierarchy {
    let created: HierarchyRef | null = null;
    this._op('add', [pivotHierarchy], (p) => {
      checkWritable(p.sheet);
      const h = pivotHierarchy._resolve();
      if (!h) throw new ModelError('InvalidArgument', 'The hierarchy does not exist');
      if (p[this.axis].includes(h.field)) throw new ModelError('InvalidArgument', `"${h.field}" is already in the PivotTable's ${this.axis}`);
      const other = this.axis === 'rows' ? 'columns' : 'rows';
      p[other] = p[other].filter((f) => f !== h.field);
      p[this.axis].push(h.field);
      refreshPivot(p.sheet.wb, p, false);
      created = { pivot: p, field: h.field };
    });
    return new RowColumnPivotHierarchy(this.context, () => created, `${this._path}.add()`);
  }
  remove(hierarchy: RowColumnPivotHierarchy): void {
    this._op('remove', [hierarchy], (p) => {
      const h = hierarchy._resolve();
      if (!h) return;
      p[this.axis] = p[this.axis].filter((f) => f !== h.field);
      refreshPivot(p.sheet.wb, p, false);
    });
  }
}

interface DataRef {
  pivot: PivotModel;
  field: DataField;
}

export class DataPivotHierarchy extends SimObject<DataRef> {
  protected _scalars(): Record<string, Getter<DataRef>> {
    return {
      name: (d) => d.field.name,
      id: (d) => String(d.field.id),
      summarizeBy: (d) => d.field.summarizeBy,
      position: (d) => d.pivot.data.indexOf(d.field),
    };
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (d) => {
      if (d.pivot.data.some((x) => x !== d.field && x.name.toLowerCase() === v.toLowerCase())) throw new ModelError('InvalidArgument', `A data field named "${v}" already exists`);
      d.field.name = v;
      d.field.autoName = false;
      refreshPivot(d.pivot.sheet.wb, d.pivot, false);
    });
  }
  get summarizeBy(): string {
    return this._get('summarizeBy');
  }
  set summarizeBy(v: string) {
    this._setProp('summarizeBy', v, (d) => {
      if (!AGGREGATIONS.includes(v as Aggregation)) throw new ModelError('InvalidArgument', `"${v}" is not a supported AggregationFunction`);
      d.field.summarizeBy = v as Aggregation;
      if (d.field.autoName) d.field.name = uniqueDataName(d.pivot, dataFieldName(d.field.summarizeBy, d.field.field), d.field);
      refreshPivot(d.pivot.sheet.wb, d.pivot, false);
    });
  }
  get position(): number {
    return this._get('position');
  }
}

function uniqueDataName(p: PivotModel, base: string, self?: DataField): string {
  let name = base;
  for (let k = 2; p.data.some((x) => x !== self && x.name.toLowerCase() === name.toLowerCase()); k++) name = `${base}${k}`;
  return name;
}

export class DataPivotHierarchyCollection extends SimCollection<DataRef, DataPivotHierarchy, PivotModel> {
  protected _list(p: PivotModel): DataRef[] {
    return p.data.map((field) => ({ pivot: p, field }));
  }
  protected _wrap(model: DataRef, index: number): DataPivotHierarchy {
    return new DataPivotHierarchy(this.context, () => model, `${this._path}.items[${index}]`);
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
  add(pivotHierarchy: PivotHierarchy): DataPivotHierarchy {
    let created: DataRef | null = null;
    this._op('add', [pivotHierarchy], (p) => {
      checkWritable(p.sheet);
      const h = pivotHierarchy._resolve();
      if (!h) throw new ModelError('InvalidArgument', 'The hierarchy does not exist');
      const summarizeBy = defaultAggregation(p.cache ?? pivotSource(p), h.field);
      const field: DataField = { id: p.sheet.wb.nextId(), field: h.field, summarizeBy, autoName: true, name: '' };
      field.name = uniqueDataName(p, dataFieldName(summarizeBy, h.field));
      p.data.push(field);
      refreshPivot(p.sheet.wb, p, false);
      created = { pivot: p, field };
    });
    return new DataPivotHierarchy(this.context, () => created, `${this._path}.add()`);
  }
  remove(hierarchy: DataPivotHierarchy): void {
    this._op('remove', [hierarchy], (p) => {
      const d = hierarchy._resolve();
      if (!d) return;
      p.data = p.data.filter((f) => f !== d.field);
      refreshPivot(p.sheet.wb, p, false);
    });
  }
}

export class PivotLayout extends SimObject<PivotModel> {
  protected _scalars(): Record<string, Getter<PivotModel>> {
    return { layoutType: () => 'Compact', showRowGrandTotals: () => true, showColumnGrandTotals: () => true };
  }
  get layoutType(): string {
    return this._get('layoutType');
  }
  private _range(name: string, f: (p: PivotModel) => Rect | null): RangeProxy {
    return newRange(this.context, () => {
      const p = this._resolve();
      if (!p) return null;
      const rect = f(p);
      if (!rect) throw new ModelError('ItemNotFound', `The PivotTable has no ${name} yet`);
      return { sheet: p.sheet, rect };
    }, `${this._path}.${name}`);
  }
  getRange(): RangeProxy {
    return this._range('getRange()', (p) => p.lastRect);
  }
  getDataBodyRange(): RangeProxy {
    return this._range('getDataBodyRange()', (p) => p.lastBody);
  }
  getRowLabelRange(): RangeProxy {
    return this._range('getRowLabelRange()', (p) => (p.lastRect && p.lastBody && p.rows.length ? { r0: p.lastBody.r0, r1: p.lastBody.r1, c0: p.lastRect.c0, c1: p.lastBody.c0 - 1 } : null));
  }
  getColumnLabelRange(): RangeProxy {
    return this._range('getColumnLabelRange()', (p) => (p.lastRect && p.lastBody && p.columns.length ? { r0: p.lastRect.r0 + 1, r1: p.lastRect.r0 + 1, c0: p.lastBody.c0, c1: p.lastBody.c1 } : null));
  }
}
