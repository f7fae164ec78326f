/** Pieces of the Excel formulas the actions write, quoted as Excel's formula grammar wants them. */

/** A text literal: "a""b". */
export const textLiteral = (text: string): string => `"${text.replace(/"/g, '""')}"`;

/** A sheet prefix for a reference, always quoted (names with spaces, brackets, CJK or ' are common): 'O''Brien'!. */
export const sheetPrefix = (sheet: string): string => `'${sheet.replace(/'/g, "''")}'!`;

/** An absolute single-column reference over rows [first, last] (1-based): 'S'!$H$2:$H$300. */
export const columnRange = (sheet: string, letter: string, first: number, last: number): string =>
  `${sheetPrefix(sheet)}$${letter}$${first}:$${letter}$${last}`;
