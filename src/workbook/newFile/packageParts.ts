/**
 * The fixed parts of a one-sheet workbook package: content types, relationships, the workbook. No
 * document properties (docProps/core.xml would name an author), no theme, no calculation chain.
 */
import { escapeAttr, stripNotXml } from '../xlsx/xml/xml';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const SML = 'application/vnd.openxmlformats-officedocument.spreadsheetml';

export const CONTENT_TYPES = `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
  + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
  + '<Default Extension="xml" ContentType="application/xml"/>'
  + `<Override PartName="/xl/workbook.xml" ContentType="${SML}.sheet.main+xml"/>`
  + `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${SML}.worksheet+xml"/>`
  + `<Override PartName="/xl/styles.xml" ContentType="${SML}.styles+xml"/>`
  + `<Override PartName="/xl/sharedStrings.xml" ContentType="${SML}.sharedStrings+xml"/>`
  + '</Types>';

export const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>`
  + '</Relationships>';

export const WORKBOOK_RELS = `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
  + `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>`
  + `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/>`
  + `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
  + '</Relationships>';

export function workbookXml(sheetName: string): string {
  return `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">`
    + '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="16384" windowHeight="8192"/></bookViews>'
    + `<sheets><sheet name="${escapeAttr(sheetName)}" sheetId="1" r:id="rId1"/></sheets>`
    + '</workbook>';
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/**
 * A name Excel accepts for a sheet: at most 31 characters, none of []:*?/\, no apostrophe at either end,
 * not empty and not "History" (reserved by Excel).
 */
export function validSheetName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what is being removed
  let clean = stripNotXml(name).replace(FORBIDDEN_IN_SHEET_NAME, ' ').replace(/[\u0000-\u001F]/g, '');
  // 31 UTF-16 units, as Excel counts them, without cutting a surrogate pair in two.
  if (clean.length > 31) clean = clean.slice(0, /[\uD800-\uDBFF]/.test(clean[30]!) ? 30 : 31);
  clean = clean.replace(/^'+|'+$/g, '').trim();
  if (clean === '') return 'Sheet1';
  return clean.toLowerCase() === 'history' ? 'History 1' : clean;
}
