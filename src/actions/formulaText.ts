/** Pieces of the Excel formulas the actions write, quoted as Excel's formula grammar wants them. */

/** Excel's longest formula, in characters (the leading = included). */
export const MAX_FORMULA_LENGTH = 8192;
/**
 * Excel's longest text literal in a formula ("Text values in formulas are limited to 255 characters"),
 * which is also the longest text a COUNTIF/SUMIFS criterion can match (longer gives #VALUE!).
 */
export const MAX_TEXT_LITERAL_LENGTH = 255;

/** A text literal: "a""b". */
export const textLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A sheet prefix for a reference, always quoted (names with spaces, brackets, CJK or ' are common): 'O''Brien'!. */
export const sheetPrefix = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!`;

/** An absolute single-column reference over rows [first, last] (1-based): 'S'!$H$2:$H$300. */
export const columnRange = (sheet: string, letter: string, first: number, last: number): string =>
  `${sheetPrefix(sheet)}$${letter}$${first}:$${letter}$${last}`;

/**
 * A COUNTIFS/SUMIFS criterion matching cells whose text equals `text`, literally: "="&"text", so a
 * leading =, <, > is compared rather than read as an operator, with ~ * ? escaped (~~ ~* ~?) so they are
 * not wildcards. Null when Excel cannot hold it (over 255 characters once escaped). Excel still
 * compares without case, and reads text such as "100" or "TRUE" as a number or a truth value.
 */
export function equalsCriterion(text: string): string | null {
  const escaped = text.replace(/[~*?]/g, '~$&');
  if (escaped.length + 1 > MAX_TEXT_LITERAL_LENGTH) return null;
  return `"="&${textLiteral(escaped)}`;
}
