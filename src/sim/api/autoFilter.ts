/** Excel.AutoFilter (ExcelApi 1.9): one per worksheet; filtered-out data rows are hidden. */
import { MAX_COLUMNS, MAX_ROWS, parseRange } from '../../core/grid/a1';
import { type Rect } from '../../core/grid/rect';
import { checkCriteria, evaluateFilter, type FilterCriteriaModel } from '../model/layout';
import { ModelError, type SheetModel } from '../model/workbook';
import { SimObject, orNullObject, requireSet, type Getter } from './base';
import { checkWritable } from './cells';
import { newRange, type RangeProxy } from './factories';

function criteriaList(t: SheetModel): (FilterCriteriaModel | Record<string, never>)[] {
  const f = t.autoFilter;
  if (!f) return [];
  return Array.from({ length: f.rect.c1 - f.rect.c0 + 1 }, (_, i) => {
    const c = f.criteria.get(i);
    return c ? { ...c, values: c.values ? [...c.values] : undefined } : {};
  });
}

export class AutoFilter extends SimObject<SheetModel> {
  protected _scalars(): Record<string, Getter<SheetModel>> {
    return {
      enabled: (t) => t.autoFilter !== null,
      isDataFiltered: (t) => (t.autoFilter?.criteria.size ?? 0) > 0,
      criteria: (t) => criteriaList(t),
    };
  }

  override _resolve(): SheetModel | null {
    const t = super._resolve();
    if (t) requireSet(this.context.host, '1.9', 'WorksheetProxy.autoFilter');
    return t;
  }

  get enabled(): boolean {
    return this._get('enabled');
  }
  get isDataFiltered(): boolean {
    return this._get('isDataFiltered');
  }
  get criteria(): FilterCriteriaModel[] {
    return this._get('criteria');
  }

  /** Turns the filter on over `range` (replacing one elsewhere) and, with a column and criteria, filters. */
  apply(range: RangeProxy | string, columnIndex?: number, criteria?: FilterCriteriaModel): void {
    this._op('apply', [range, columnIndex ?? null, criteria ?? null], (t) => {
      checkWritable(t);
      let rect: Rect | null;
      if (typeof range === 'string') {
        const p = parseRange(range);
        rect = p ? { r0: p.r0, c0: p.c0, r1: p.r1, c1: p.c1 } : null;
      } else {
        const ref = range._resolve();
        if (ref && ref.sheet !== t) throw new ModelError('InvalidArgument', 'The range is on another worksheet');
        rect = ref?.rect ?? null;
      }
      if (!rect) throw new ModelError('InvalidArgument', 'Invalid range for the AutoFilter');
      if (rect.r1 === MAX_ROWS - 1 || rect.c1 === MAX_COLUMNS - 1) {
        // A whole row or column: Excel filters the used part.
        const used = t.usedRect(true);
        if (!used) throw new ModelError('InvalidArgument', 'The AutoFilter range is empty');
        rect = { r0: Math.max(rect.r0, used.r0), c0: Math.max(rect.c0, used.c0), r1: Math.min(rect.r1, used.r1), c1: Math.min(rect.c1, used.c1) };
      }
      const same = t.autoFilter && t.autoFilter.rect.r0 === rect.r0 && t.autoFilter.rect.c0 === rect.c0 && t.autoFilter.rect.c1 === rect.c1;
      if (!same) t.autoFilter = { rect, criteria: new Map(), hidden: new Set() };
      const f = t.autoFilter!;
      f.rect = rect;
      if (columnIndex !== undefined && criteria) {
        if (!(columnIndex >= 0 && columnIndex <= rect.c1 - rect.c0)) throw new ModelError('InvalidArgument', `columnIndex ${columnIndex} is outside the AutoFilter range`);
        checkCriteria(criteria);
        f.criteria.set(columnIndex, { ...criteria });
      }
      evaluateFilter(t);
    });
  }

  /** Shows every row; the filter (its buttons) stays. */
  clearCriteria(): void {
    this._op('clearCriteria', [], (t) => {
      checkWritable(t);
      if (!t.autoFilter) return;
      t.autoFilter.criteria.clear();
      t.autoFilter.hidden.clear();
    });
  }

  /** Filters again with the same criteria (after the data changed). */
  reapply(): void {
    this._op('reapply', [], (t) => evaluateFilter(t));
  }

  /** Removes the filter: every row it hid is shown again. */
  remove(): void {
    this._op('remove', [], (t) => {
      checkWritable(t);
      t.autoFilter = null;
    });
  }

  private _rangeOf(name: string, orNull: boolean): RangeProxy {
    return newRange(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        if (!t.autoFilter) {
          if (orNull) return null;
          throw new ModelError('ItemNotFound', 'The worksheet has no AutoFilter');
        }
        return { sheet: t, rect: { ...t.autoFilter.rect } };
      },
      `${this._path}.${name}`,
    );
  }
  getRange(): RangeProxy {
    return this._rangeOf('getRange()', false);
  }
  getRangeOrNullObject(): RangeProxy {
    return orNullObject(this._rangeOf('getRangeOrNullObject()', true), this);
  }
}
