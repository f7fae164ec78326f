/** A1 helpers for the exceljs adapter: 1-based rows and columns, as exceljs numbers them. */
import { columnIndex, columnLetter } from '../../core/columns';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 1-based and inclusive. */
export interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 → A, 26 → Z, 27 → AA (exceljs counts columns from 1). */
export const letters = (col: number): string => columnLetter(col - 1);

/** A → 1, AA → 27. */
export const columnNumber = (text: string): number => columnIndex(text) + 1;

export function cellAddress(row: number, col: number): string {
  return `${letters(col)}${row}`;
}

export function boxAddress(b: Box): string {
  // Whole columns and whole rows as Excel writes them ("F:F", "2:5"), not a million-row range.
  if (b.top === 1 && b.bottom === MAX_ROWS) return `${letters(b.left)}:${letters(b.right)}`;
  if (b.left === 1 && b.right === MAX_COLUMNS) return `${b.top}:${b.bottom}`;
  const tl = cellAddress(b.top, b.left);
  return b.top === b.bottom && b.left === b.right ? tl : `${tl}:${cellAddress(b.bottom, b.right)}`;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

/**
 * "B2:D9", "B2", "$B$2", "B:B" (whole columns), "2:5" (whole rows), with or without a sheet prefix.
 * Null when it is not a range address.
 */
export function parseBox(address: string): Box | null {
  const bang = address.lastIndexOf('!');
  const text = (bang >= 0 ? address.slice(bang + 1) : address).trim();
  const [a, b = a] = text.split(':');
  const pa = PART.exec(a ?? '');
  const pb = PART.exec(b ?? '');
  if (!pa || !pb || (!pa[1] && !pa[2]) || (!pb[1] && !pb[2])) return null;
  const box: Box = {
    left: pa[1] ? columnNumber(pa[1]) : 1,
    top: pa[2] ? Number(pa[2]) : 1,
    right: pb[1] ? columnNumber(pb[1]) : MAX_COLUMNS,
    bottom: pb[2] ? Number(pb[2]) : MAX_ROWS,
  };
  if (box.top < 1 || box.left < 1 || box.bottom > MAX_ROWS || box.right > MAX_COLUMNS) return null;
  return {
    top: Math.min(box.top, box.bottom),
    bottom: Math.max(box.top, box.bottom),
    left: Math.min(box.left, box.right),
    right: Math.max(box.left, box.right),
  };
}

/** A space-separated list of ranges ("A1:A9 C1:C9"), as sqref and conditional-format refs are. */
export function parseBoxes(sqref: string): Box[] {
  return sqref
    .trim()
    .split(/\s+/)
    .map(parseBox)
    .filter((b): b is Box => b !== null);
}

export function intersects(a: Box, b: Box): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Box, inner: Box): boolean {
  return outer.left <= inner.left && inner.right <= outer.right && outer.top <= inner.top && inner.bottom <= outer.bottom;
}

export function sameBox(a: Box, b: Box): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}
