/**
 * The worksheet part of a new workbook: a header row and data rows of plain values (no formulas), a
 * frozen header, column widths. Written row by row so a large ledger never becomes one giant string.
 */
import { columnLetter } from '../../core/grid/a1';
import type { SharedStrings } from './sharedStrings';
import type { StyleTable } from './styles';
import { clampCellText } from '../xlsx/xml/xml';

export type GridValue = string | number | boolean | null;

export interface GridColumn {
  /** Number format of the column's data cells ('@' text, 'yyyy-mm-dd'); undefined is General. */
  numberFormat?: string;
  /** Width in characters, as Excel's column-width dialog counts them. */
  width?: number;
}

/** Strings Excel would take for a formula if the cell were edited and entered again. */
const FORMULA_LIKE = /^[=+\-@]/;

/** Excel stores a width as characters of the default font's digit plus its 5 px of padding (Calibri 11: 7 px a digit). */
function storedWidth(characters: number): number {
  const chars = Math.min(255, Math.max(0, characters));
  return Math.trunc(((chars * 7 + 5) / 7) * 256) / 256;
}

export function sheetHead(columns: readonly (GridColumn | undefined)[], width: number, height: number, freezeHeader: boolean): string {
  const dimension = width > 0 && height > 0 ? `A1:${columnLetter(width - 1)}${height}` : 'A1';
  const view = freezeHeader && height > 1
    ? '<sheetView tabSelected="1" workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
      + '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>'
    : '<sheetView tabSelected="1" workbookViewId="0"/>';
  const cols = columns.flatMap((c, i) => (c?.width !== undefined && Number.isFinite(c.width)
    ? [`<col min="${i + 1}" max="${i + 1}" width="${storedWidth(c.width)}" customWidth="1"/>`] : [])).join('');
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    + `<dimension ref="${dimension}"/><sheetViews>${view}</sheetViews><sheetFormatPr defaultRowHeight="15"/>`
    + (cols ? `<cols>${cols}</cols>` : '')
    + '<sheetData>';
}

export const SHEET_TAIL = '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/**
 * What every row needs, worked out once per column (a ledger has a million rows and twenty columns):
 * the column letters, and the style attribute of a cell of each column, plain and quote-prefixed.
 */
export class RowContext {
  private readonly letters: string[] = [];
  /** [row kind][column] → ' s="n"' or ''; row kind 0 header, 1 data; then plain / quote-prefixed. */
  private readonly styleAttrs: [string[], string[]][] = [[[], []], [[], []]];

  constructor(
    readonly strings: SharedStrings,
    private readonly styles: StyleTable,
    /** Number format of each column's data cells; the header row is General. */
    private readonly formats: readonly (string | undefined)[],
    private readonly boldHeader: boolean,
  ) {}

  letter(c: number): string {
    return this.letters[c] ??= columnLetter(c);
  }

  styleAttr(header: boolean, c: number, quotePrefix: boolean): string {
    const byColumn = this.styleAttrs[header ? 0 : 1]![quotePrefix ? 1 : 0]!;
    let attr = byColumn[c];
    if (attr === undefined) {
      const index = this.styles.indexOf(header ? { bold: this.boldHeader, quotePrefix } : { numberFormat: this.formats[c], quotePrefix });
      attr = index === 0 ? '' : ` s="${index}"`;
      byColumn[c] = attr;
    }
    return attr;
  }
}

/** One row (0-based `rowIndex`, 0 is the header); cells without a value are left out, as Excel does. */
export function rowXml(rowIndex: number, values: readonly GridValue[], ctx: RowContext): string {
  const r = rowIndex + 1;
  const header = rowIndex === 0;
  let cells = '';
  for (let c = 0; c < values.length; c++) {
    const v = values[c];
    if (v === null || v === undefined) continue;
    if (typeof v === 'number') {
      if (Number.isFinite(v)) cells += `<c r="${ctx.letter(c)}${r}"${ctx.styleAttr(header, c, false)}><v>${v}</v></c>`;
    } else if (typeof v === 'boolean') {
      cells += `<c r="${ctx.letter(c)}${r}"${ctx.styleAttr(header, c, false)} t="b"><v>${v ? 1 : 0}</v></c>`;
    } else if (typeof v === 'string' && v !== '') {
      const text = clampCellText(v);
      cells += `<c r="${ctx.letter(c)}${r}"${ctx.styleAttr(header, c, FORMULA_LIKE.test(text))} t="s"><v>${ctx.strings.indexOf(text)}</v></c>`;
    }
  }
  return `<row r="${r}">${cells}</row>`;
}
