/**
 * Excel.PageLayout (ExcelApi 1.9), the subset the add-in uses: orientation, print title rows, zoom.
 * Strict where Excel's documentation is: zoom is set as a whole object (x.zoom = {...}), never through
 * the object a load returned; what it cannot tell (two kinds of zoom at once, title "rows" that are not
 * whole rows) is refused rather than guessed.
 */
import { MAX_COLUMNS, MAX_ROWS, parseRange, rangeAddress } from '../../core/grid/a1';
import type { Rect } from '../../core/grid/rect';
import { ModelError, type PageLayoutModel, type SheetModel } from '../model/workbook';
import { SimObject, orNullObject, requireSet, type Getter } from './base';
import { newRange, type RangeProxy } from './factories';

type Zoom = PageLayoutModel['zoom'];

function checkZoom(z: unknown): Zoom {
  if (!z || typeof z !== 'object') throw new ModelError('InvalidArgument', 'PageLayout.zoom must be set to a PageLayoutZoomOptions object');
  const { scale, horizontalFitToPages: h, verticalFitToPages: v, ...rest } = z as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw new ModelError('InvalidArgument', `Unknown zoom option ${Object.keys(rest).join(', ')}`);
  const fits = [h, v].filter((x) => x !== undefined && x !== null);
  if (scale !== undefined && scale !== null) {
    if (fits.length > 0) throw new ModelError('InvalidArgument', 'A print zoom is either a scale or pages to fit, not both');
    if (typeof scale !== 'number' || !Number.isInteger(scale) || scale < 10 || scale > 400) throw new ModelError('InvalidArgument', 'The print scale must be between 10 and 400');
    return { scale };
  }
  if (fits.length === 0) throw new ModelError('InvalidArgument', 'The zoom sets neither a scale nor pages to fit');
  for (const n of fits) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 32767) throw new ModelError('InvalidArgument', 'Pages to fit must be a whole number from 0 to 32767');
  }
  // One direction left out is as many pages as needed (0), as in Excel's Page Setup dialog.
  return { horizontalFitToPages: (h as number | undefined) ?? 0, verticalFitToPages: (v as number | undefined) ?? 0 };
}

export class PageLayout extends SimObject<SheetModel> {
  protected _scalars(): Record<string, Getter<SheetModel>> {
    return {
      orientation: (t) => t.pageLayout.orientation,
      zoom: (t) => ({ ...t.pageLayout.zoom }),
    };
  }

  override _resolve(): SheetModel | null {
    const t = super._resolve();
    if (t) requireSet(this.context.host, '1.9', 'WorksheetProxy.pageLayout');
    return t;
  }

  get orientation(): string {
    return this._get('orientation');
  }
  set orientation(v: string) {
    this._setProp('orientation', v, (t) => {
      if (v !== 'Portrait' && v !== 'Landscape') throw new ModelError('InvalidArgument', `"${v}" is not a PageOrientation`);
      t.pageLayout.orientation = v;
    });
  }

  get zoom(): Zoom {
    return { ...this._get<Zoom>('zoom') };
  }
  set zoom(v: Zoom) {
    const given: unknown = v && typeof v === 'object' ? { ...v } : v;
    this._setProp('zoom', given as Zoom, (t) => {
      t.pageLayout.zoom = checkZoom(given);
    });
  }

  /** Rows repeated at the top of every printed page: whole rows of this sheet ("$1:$3", or such a Range). */
  setPrintTitleRows(titleRows: RangeProxy | string): void {
    this._op('setPrintTitleRows', [titleRows], (t) => {
      let rect: Rect | null;
      if (typeof titleRows === 'string') {
        const p = parseRange(titleRows);
        if (p?.sheet !== undefined && p.sheet.toLowerCase() !== t.name.toLowerCase()) throw new ModelError('InvalidArgument', 'The title rows are on another worksheet');
        rect = p;
      } else {
        const ref = titleRows._resolve();
        if (ref && ref.sheet !== t) throw new ModelError('InvalidArgument', 'The title rows are on another worksheet');
        rect = ref?.rect ?? null;
      }
      if (!rect || rect.c0 !== 0 || rect.c1 !== MAX_COLUMNS - 1) throw new ModelError('InvalidArgument', 'Print title rows must be whole rows ("$1:$3")');
      t.pageLayout.titleRows = { r0: rect.r0, r1: rect.r1 };
    });
  }

  private _titles(name: string, orNull: boolean): RangeProxy {
    return newRange(
      this.context,
      () => {
        const t = this._resolve();
        if (!t) return null;
        const rows = t.pageLayout.titleRows;
        if (!rows) {
          if (orNull) return null;
          throw new ModelError('ItemNotFound', 'The worksheet has no print title rows');
        }
        return { sheet: t, rect: { r0: rows.r0, r1: Math.min(rows.r1, MAX_ROWS - 1), c0: 0, c1: MAX_COLUMNS - 1 } };
      },
      `${this._path}.${name}`,
    );
  }
  getPrintTitleRows(): RangeProxy {
    return this._titles('getPrintTitleRows()', false);
  }
  getPrintTitleRowsOrNullObject(): RangeProxy {
    return orNullObject(this._titles('getPrintTitleRowsOrNullObject()', true), this);
  }
}

/** "$1:$3", as a print title is written in a defined name, or null. */
export function titleRowsAddress(rows: PageLayoutModel['titleRows']): string | null {
  if (!rows) return null;
  const a = rangeAddress({ r0: rows.r0, r1: rows.r1, c0: 0, c1: MAX_COLUMNS - 1 });
  return a.split(':').map((x) => `$${x}`).join(':');
}
