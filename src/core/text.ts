/**
 * Text cleanup shared by every parser. Excel's TRIM only removes ASCII spaces; real ledgers carry
 * full-width forms (＠, １３８), no-break and ideographic spaces, and zero-width characters pasted
 * from chat apps and web pages.
 */

// Zero-width space/joiners, word joiner, BOM, soft hyphen, LRM/RLM and other bidi marks.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF\u00AD]/g;
// Every Unicode space separator (NBSP, U+3000, thin spaces...) plus tabs and line breaks.
const ANY_SPACE = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

// Text already clean: printable ASCII and CJK ideographs (both NFKC-stable), single inner spaces.
const ALREADY_CLEAN = /^[!-~\u4e00-\u9fff]+(?: [!-~\u4e00-\u9fff]+)*$/;

/**
 * `s.charCodeAt(i)`, or -1 past the end. Optimized code reads a character assuming it is in range and
 * is thrown away (deoptimized) the first time it is not: hot scans that may read one past the end use this.
 */
export function codeAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : -1;
}

/** NFKC-fold, drop invisible characters, collapse all kinds of whitespace, trim. */
export function cleanText(value: string): string {
  // Most cells need no work; skipping NFKC for them keeps a million-row read fast.
  if (ALREADY_CLEAN.test(value)) return value;
  // Invisible characters go before NFKC, so a mark they separated from its letter composes with it and a
  // second cleanText changes nothing (callers may clean text that is already clean).
  return value.replace(INVISIBLE, '').normalize('NFKC').replace(ANY_SPACE, ' ').trim();
}

/** Like cleanText but removes whitespace entirely (for codes such as phone numbers). */
export function squeezeText(value: string): string {
  return cleanText(value).replace(/ /g, '');
}

/** Words people type into a cell to say "nothing here". Compared after cleanText + lower-case. */
const MISSING_MARKERS = new Set([
  '', '-', '--', '—', '——', '/', '\\', '.', '?', '？', '无', '無', '暂无', '没有', '空', '未知', '不详', '不知道',
  'n/a', 'na', 'n.a.', 'none', 'null', 'nil', 'nan', 'unknown', 'tbd', 'x', '#n/a', 'not available',
]);

/** True for blank cells and the usual missing markers (blank, -, 无, n/a...). */
export function isMissingText(value: string): boolean {
  return MISSING_MARKERS.has(cleanText(value).toLowerCase());
}

/** Excel error values as they arrive from Office.js (strings) or exceljs ({ error: '#N/A' }). */
const EXCEL_ERRORS = /^#(N\/A|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/i;

export function isExcelError(value: unknown): boolean {
  if (typeof value === 'string') return EXCEL_ERRORS.test(value.trim());
  return typeof value === 'object' && value !== null && 'error' in value;
}

/**
 * The text a cell shows, whatever form the reader handed it in (string, number, boolean, Date,
 * exceljs rich text / hyperlink / formula result objects). Returns '' for blanks and errors.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  // Office.js hands errors out as their text ("#DIV/0!"): they show nothing, like exceljs's { error }.
  if (typeof value === 'string') return codeAt(value, 0) === 35 /* # */ && isExcelError(value) ? '' : value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (isExcelError(value)) return '';
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: { text?: unknown }) => String(part.text ?? '')).join('');
    if (typeof v.text === 'string') return v.text; // hyperlink cells
    if ('result' in v) return cellText(v.result); // formula cells carry their cached result
  }
  return '';
}

/** True when a cell shows nothing (null, '', spaces, an error shown as blank by cellText). */
export function isBlankCell(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return false;
  if (typeof value === 'string') {
    // Hot path (millions of calls per large sheet): a first character that is visible ASCII other than
    // '#' (errors), or a CJK ideograph, cannot be trimmed away, so the cell is not blank.
    const c = value.charCodeAt(0);
    if ((c > 32 && c < 127 && c !== 35) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  }
  return cellText(value).trim() === '';
}

/** The plain value of a cell: formula results unwrapped, rich text joined, errors as null. */
export function cellValue(value: unknown): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    if (typeof value === 'string' && isExcelError(value)) return null;
    if (typeof value === 'number' && !Number.isFinite(value)) return null;
    return value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (isExcelError(value)) return null;
  if (typeof value === 'object' && 'result' in (value as object)) return cellValue((value as { result: unknown }).result);
  const text = cellText(value);
  return text === '' ? null : text;
}
