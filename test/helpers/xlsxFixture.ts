/**
 * Hand-made .xlsx packages for hostile tests: parts written as Excel writes them (defined names,
 * internal links, protected ranges, spills, macros, header images…), which no library here can make.
 * The XML follows ECMA-376 and what Excel itself saves.
 */
import { strFromU8, unzipSync } from 'fflate';
import { deflatePart, zipBytes } from '../../src/workbook/xlsx/zip/zipWrite';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface FixtureSheet {
  name: string;
  /** The <sheetData> content (rows) and anything after it, or a whole worksheet part when it starts with "<?xml" or "<worksheet". */
  xml: string;
  state?: 'hidden' | 'veryHidden';
  /** Extra relationships of the sheet: [type suffix, target relative to xl/worksheets/, external?]. */
  rels?: [string, string, boolean?][];
}

export interface Fixture {
  sheets: FixtureSheet[];
  /** XML inserted into workbook.xml after <sheets> (e.g. <definedNames>…</definedNames>). */
  workbookExtra?: string;
  /** Extra parts: path → content; with their content types. */
  parts?: Record<string, string | Uint8Array>;
  overrides?: Record<string, string>;
  /** Extra workbook relationships: [type suffix, target relative to xl/]. */
  workbookRels?: [string, string][];
  sharedStrings?: string[];
  styles?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="${MAIN_NS}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`;

export function worksheet(body: string, before = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">${before}<sheetData>${body}</sheetData></worksheet>`;
}

/** A row of inline-string / number cells: row(2, ['张三', 13800138000]). */
export function row(r: number, cells: readonly (string | number | null)[], from = 0): string {
  const cs = cells.map((v, i) => {
    if (v === null) return '';
    const ref = `${String.fromCharCode(65 + from + i)}${r}`;
    return typeof v === 'number' ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  }).join('');
  return `<row r="${r}">${cs}</row>`;
}

export function buildXlsx(f: Fixture): Uint8Array {
  const parts: Record<string, string | Uint8Array> = {};
  const overrides: Record<string, string> = {
    '/xl/workbook.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    '/xl/styles.xml': 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
    ...f.overrides,
  };
  const wbRels: string[] = [`<Relationship Id="rIdS" Type="${REL_NS}/styles" Target="styles.xml"/>`];
  const sheets = f.sheets.map((s, i) => {
    const path = `xl/worksheets/sheet${i + 1}.xml`;
    parts[path] = /^\s*<(\?xml|worksheet)/.test(s.xml) ? s.xml : worksheet(s.xml);
    overrides[`/${path}`] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
    wbRels.push(`<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
    if (s.rels?.length) {
      parts[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${
        s.rels.map(([type, target, external], k) => `<Relationship Id="rId${k + 1}" Type="${type.startsWith('http') ? type : `${REL_NS}/${type}`}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`).join('')}</Relationships>`;
    }
    return `<sheet name="${esc(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`;
  });
  if (f.sharedStrings) {
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" count="${f.sharedStrings.length}" uniqueCount="${f.sharedStrings.length}">${f.sharedStrings.map((t) => `<si><t xml:space="preserve">${esc(t)}</t></si>`).join('')}</sst>`;
    overrides['/xl/sharedStrings.xml'] = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml';
    wbRels.push(`<Relationship Id="rIdSST" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>`);
  }
  for (const [type, target] of f.workbookRels ?? []) {
    wbRels.push(`<Relationship Id="rIdX${wbRels.length}" Type="${type.startsWith('http') ? type : `${REL_NS}/${type}`}" Target="${target}"/>`);
  }
  parts['xl/workbook.xml'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets.join('')}</sheets>${f.workbookExtra ?? ''}<calcPr calcId="191029"/></workbook>`;
  parts['xl/_rels/workbook.xml.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${wbRels.join('')}</Relationships>`;
  parts['xl/styles.xml'] = f.styles ?? STYLES;
  parts['_rels/.rels'] = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  Object.assign(parts, f.parts ?? {});
  const types = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="png" ContentType="image/png"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>${
    Object.entries(overrides).map(([p, t]) => `<Override PartName="${p}" ContentType="${t}"/>`).join('')}</Types>`;
  const all = [deflatePart('[Content_Types].xml', types), ...Object.entries(parts).map(([p, c]) => deflatePart(p, c))];
  return zipBytes(all);
}

/** Every part of a package, as text (binary parts as latin1 so bytes compare). */
export function unzipText(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) out[name] = /\.(xml|rels|vml)$/.test(name) || name === '[Content_Types].xml' ? strFromU8(data) : Buffer.from(data).toString('latin1');
  return out;
}
