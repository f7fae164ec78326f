/** Excel.ChartCollection and Chart: kept as definitions (type, source, title, position), not drawn. */
import { parseRange } from '../../core/grid/a1';
import { intersect } from '../../core/grid/rect';
import { ModelError, type ChartModel, type SheetModel } from '../model/workbook';
import { ClientResult, SimCollection, SimObject, type Getter } from './base';
import { checkWritable } from './cells';
import { type RangeProxy } from './factories';

export class ChartCollection extends SimCollection<ChartModel, Chart, SheetModel> {
  protected _list(s: SheetModel): ChartModel[] {
    return s.wb.charts.filter((c) => c.sheet === s);
  }
  protected _wrap(model: ChartModel, index: number): Chart {
    return new Chart(this.context, () => model, `${this._path}.items[${index}]`);
  }
  protected override _collectionScalars(): Record<string, Getter<SheetModel>> {
    return { count: (s) => this._list(s).length };
  }
  get count(): number {
    return this._get('count');
  }
  getCount(): ClientResult<number> {
    return this._countResult();
  }
  add(type: string, sourceData: RangeProxy, seriesBy?: string): Chart {
    let created: ChartModel | null = null;
    this._op('add', [type, sourceData, seriesBy ?? 'Auto'], (s) => {
      checkWritable(s);
      if (typeof type !== 'string' || type === '') throw new ModelError('InvalidArgument', 'A chart type is required');
      const src = sourceData._resolve();
      if (!src) throw new ModelError('InvalidArgument', 'The source range does not exist');
      const wb = s.wb;
      // Excel makes a chart over PivotTable cells a PivotChart of the whole PivotTable, whatever the
      // range said (office-js #419): flagged here, since that chart is not the one asked for.
      const pivot = wb.pivots.find((p) => p.sheet === src.sheet && p.lastRect && intersect(p.lastRect, src.rect));
      if (pivot) throw new ModelError('InvalidOperation', `The chart's source lies in the cells of PivotTable "${pivot.name}": Excel would make it a PivotChart of the whole PivotTable.`);
      let n = this._list(s).length + 1;
      while (wb.charts.some((c) => c.sheet === s && c.name === `Chart ${n}`)) n++;
      created = { id: `{chart-${wb.nextId()}}`, name: `Chart ${n}`, sheet: s, type, source: src, seriesBy: seriesBy ?? 'Auto', title: '', position: null };
      wb.charts.push(created);
    });
    return new Chart(this.context, () => created, `${this._path}.add(${type})`);
  }
  getItem(name: string): Chart {
    return new Chart(this.context, () => {
      const s = this._resolve();
      if (!s) return null;
      const c = this._list(s).find((x) => x.name === name);
      if (!c) throw new ModelError('ItemNotFound', `The chart "${name}" doesn't exist`);
      return c;
    }, `${this._path}.getItem(${name})`);
  }
  getItemAt(index: number): Chart {
    return new Chart(this.context, () => {
      const s = this._resolve();
      if (!s) return null;
      const c = this._list(s)[index];
      if (!c) throw new ModelError('ItemNotFound', `No chart at index ${index}`);
      return c;
    }, `${this._path}.getItemAt(${index})`);
  }
}

export class Chart extends SimObject<ChartModel> {
  protected _scalars(): Record<string, Getter<ChartModel>> {
    return { name: (c) => c.name, id: (c) => c.id, chartType: (c) => c.type, seriesBy: (c) => c.seriesBy };
  }
  protected override _navigation(name: string): SimObject<unknown> | undefined {
    return name === 'title' ? (this.title as SimObject<unknown>) : undefined;
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._setProp('name', v, (c) => (c.name = v));
  }
  get id(): string {
    return this._get('id');
  }
  get chartType(): string {
    return this._get('chartType');
  }
  set chartType(v: string) {
    this._setProp('chartType', v, (c) => (c.type = v));
  }
  private _title?: ChartTitle;
  get title(): ChartTitle {
    this._title ??= new ChartTitle(this.context, () => this._resolve(), `${this._path}.title`);
    return this._title;
  }
  setPosition(startCell: RangeProxy | string, endCell?: RangeProxy | string): void {
    this._op('setPosition', [startCell, endCell ?? null], (c) => {
      const addr = (x: RangeProxy | string): string => {
        if (typeof x === 'string') {
          if (!parseRange(x)) throw new ModelError('InvalidArgument', `"${x}" is not a valid address`);
          return x;
        }
        const r = x._resolve();
        if (!r) throw new ModelError('InvalidArgument', 'The cell does not exist');
        return `${r.rect.c0}:${r.rect.r0}`;
      };
      c.position = endCell === undefined ? { start: addr(startCell) } : { start: addr(startCell), end: addr(endCell) };
    });
  }
  delete(): void {
    this._op('delete', [], (c) => {
      const list = c.sheet.wb.charts;
      list.splice(list.indexOf(c), 1);
    });
  }
}

export class ChartTitle extends SimObject<ChartModel> {
  protected _scalars(): Record<string, Getter<ChartModel>> {
    return { text: (c) => c.title, visible: (c) => c.title !== '' };
  }
  get text(): string {
    return this._get('text');
  }
  set text(v: string) {
    this._setProp('text', v, (c) => (c.title = v));
  }
  get visible(): boolean {
    return this._get('visible');
  }
}
