/**
 * Text as SpreadsheetML holds it. XML 1.0 forbids most control characters and lone surrogates (a file
 * holding one does not open), and Excel reads "_xHHHH_" inside text as an escaped character, so a
 * literal one is written with its underscore escaped ("_x005F_"), as Excel itself does.
 */

/** Characters XML 1.0 does not allow: C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what is being removed
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_TEXT = 32767;

export function stripForbidden(text: string): string {
  return text.replace(FORBIDDEN, '');
}

function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Element content: forbidden characters dropped, markup escaped, CR and literal "_xHHHH_" kept through Excel's decoding. */
export function xmlText(text: string): string {
  return escapeMarkup(stripForbidden(text))
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/\r/g, '_x000D_');
}

/** An attribute value (in double quotes). */
export function xmlAttr(text: string): string {
  return escapeMarkup(stripForbidden(text)).replace(/"/g, '&quot;').replace(/[\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** At most Excel's 32,767 characters, never cutting a surrogate pair in two. */
export function clampCellText(text: string): string {
  if (text.length <= MAX_CELL_TEXT) return text;
  const cut = text.slice(0, MAX_CELL_TEXT);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
