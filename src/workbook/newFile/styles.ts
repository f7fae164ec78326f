/**
 * The styles part of a new workbook: one cell format (xf) per combination of number format, bold and
 * quote prefix the sheet uses, as Excel writes them (Calibri 11, no theme references).
 */
import { escapeAttr } from '../xlsx/xml/xml';

export interface CellStyle {
  /** Excel number format code ('@' text, 'yyyy-mm-dd', '#,##0.00'); undefined is General. */
  numberFormat?: string;
  bold?: boolean;
  /** Text that starts with = + - @ : Excel keeps it text when the cell is edited (its leading apostrophe). */
  quotePrefix?: boolean;
}

/** Number formats Excel knows by id; any other code gets an id from 164 up. */
const BUILT_IN_FORMATS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49,
};
const FIRST_CUSTOM_FORMAT = 164;

export class StyleTable {
  private readonly customFormats = new Map<string, number>();
  private readonly xfs: { numFmtId: number; bold: boolean; quotePrefix: boolean }[] = [{ numFmtId: 0, bold: false, quotePrefix: false }];
  private readonly byKey = new Map<string, number>([['0|0|0', 0]]);

  /** The xf index of a style (0 is the default cell format). */
  indexOf(style: CellStyle): number {
    const numFmtId = this.formatId(style.numberFormat);
    const bold = Boolean(style.bold);
    const quotePrefix = Boolean(style.quotePrefix);
    const key = `${numFmtId}|${bold ? 1 : 0}|${quotePrefix ? 1 : 0}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.xfs.length;
      this.xfs.push({ numFmtId, bold, quotePrefix });
      this.byKey.set(key, index);
    }
    return index;
  }

  private formatId(code: string | undefined): number {
    if (code === undefined || code === '') return 0;
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = FIRST_CUSTOM_FORMAT + this.customFormats.size;
      this.customFormats.set(code, id);
    }
    return id;
  }

  xml(): string {
    const numFmts = [...this.customFormats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`).join('');
    const xfs = this.xfs.map((x) => `<xf numFmtId="${x.numFmtId}" fontId="${x.bold ? 1 : 0}" fillId="0" borderId="0" xfId="0"`
      + `${x.numFmtId ? ' applyNumberFormat="1"' : ''}${x.bold ? ' applyFont="1"' : ''}${x.quotePrefix ? ' quotePrefix="1"' : ''}/>`).join('');
    const font = (bold: boolean) => `<font>${bold ? '<b/>' : ''}<sz val="11"/><color rgb="FF000000"/><name val="Calibri"/><family val="2"/></font>`;
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
      + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
      + (this.customFormats.size > 0 ? `<numFmts count="${this.customFormats.size}">${numFmts}</numFmts>` : '')
      + `<fonts count="2">${font(false)}${font(true)}</fonts>`
      + '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
      + '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
      + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
      + `<cellXfs count="${this.xfs.length}">${xfs}</cellXfs>`
      + '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
      + '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>'
      + '</styleSheet>';
  }
}
