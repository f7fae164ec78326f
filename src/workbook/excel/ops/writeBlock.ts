/// <reference types="office-js" />
/**
 * writeBlock: a block's rows made into request cells a slice at a time, as the queue fills its syncs,
 * with the caller's slicer between slices (all rows at once held the thread and kept a second copy of
 * every cell).
 *
 * Text stays the same text: Excel reads "+86…", "=…", "00123", "2024-01-05" as formulas, numbers or
 * dates. In a column the block formats as Text ("@") the text goes as it is (a Text cell keeps a leading
 * apostrophe as a character); in a column it leaves unformatted, such a cell is made Text itself; in a
 * column with another format, a leading apostrophe keeps it text.
 */
import type { CellInput } from '../../port';
import { blockAddress } from '../../../core/grid/a1';
import { excelWouldCoerce, isFormulaCell, valueCell, type ExcelCell } from '../cells';
import type { Op } from '../planShape';
import { GridUnit } from '../writeQueue';
import type { OpContext } from './context';

/** Rows of a block made into request cells at a time. */
const ROWS_PER_WRITE_SLICE = 4096;

const TEXT = '@';

interface SliceFormats { left: number; rows: (string | null)[][] }

export async function writeBlock(ctx: OpContext, op: Op<'writeBlock'>, label: string): Promise<void> {
  const width = op.values.reduce((w, row) => Math.max(w, row.length), 0);
  if (op.values.length === 0 || width === 0) return;
  // One write method for the whole block: any formula in it makes every part Range.formulas.
  let useFormulas = false;
  for (let r = 0; r < op.values.length && !useFormulas; r++) useFormulas = op.values[r]!.some(isFormulaCell);
  const formats = (op.numberFormats ?? []).slice(0, width);
  const name = `${label} ${blockAddress(op.row, op.col, op.values.length, width)}`;
  for (let from = 0; from < op.values.length; from += ROWS_PER_WRITE_SLICE) {
    const to = Math.min(op.values.length, from + ROWS_PER_WRITE_SLICE);
    const slice = sliceCells(op.values, from, to, width, formats);
    await ctx.writes.push(new GridUnit(name, op.sheet, op.row + from, op.col, slice.cells, useFormulas, slice.formats && { left: op.col + slice.formats.left, rows: slice.formats.rows }));
    await ctx.turn?.();
  }
}

/**
 * Request cells of rows [from, to) and the number formats to set first (columns relative to the block):
 * one row repeated, or one per row when some cells of unformatted columns must become Text.
 */
function sliceCells(values: readonly (readonly CellInput[])[], from: number, to: number, width: number, formats: readonly (string | undefined)[]): { cells: ExcelCell[][]; formats: SliceFormats | null } {
  const cells = new Array<ExcelCell[]>(to - from);
  let textCells: [number, number][] | null = null;
  for (let r = from; r < to; r++) {
    const row = values[r]!;
    const out = new Array<ExcelCell>(width);
    for (let j = 0; j < width; j++) {
      // A short row leaves the cells past its end as they are (null is "no change" to Excel).
      if (j >= row.length) {
        out[j] = null;
        continue;
      }
      const v = row[j] as CellInput;
      if (typeof v !== 'string') out[j] = valueCell(v);
      else if (formats[j] === TEXT || !excelWouldCoerce(v)) out[j] = v;
      else if (formats[j] === undefined) {
        out[j] = v;
        (textCells ??= []).push([r - from, j]);
      } else out[j] = `'${v}`;
    }
    cells[r - from] = out;
  }
  let lo = Infinity;
  let hi = -1;
  const take = (j: number): void => {
    lo = Math.min(lo, j);
    hi = Math.max(hi, j);
  };
  formats.forEach((f, j) => f !== undefined && take(j));
  for (const [, j] of textCells ?? []) take(j);
  if (hi < 0) return { cells, formats: null };
  const base = formats.slice(lo, hi + 1).map((f) => f ?? null);
  while (base.length < hi - lo + 1) base.push(null);
  if (!textCells) return { cells, formats: { left: lo, rows: [base] } };
  const rows = cells.map(() => [...base]);
  for (const [r, j] of textCells) rows[r]![j - lo] = TEXT;
  return { cells, formats: { left: lo, rows } };
}
