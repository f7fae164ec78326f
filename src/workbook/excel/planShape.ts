/** What a plan's ops say about the sheets they touch, before anything is asked of Excel. */
import type { WriteOp } from '../port';
import type { Rect } from '../../core/grid/rect';

export type Op<K extends WriteOp['op']> = Extract<WriteOp, { op: K }>;

/** Sheet names compare without case in Excel. */
export const sheetKey = (name: string): string => name.toLowerCase();

/** The sheet an op acts on (a copy's: the copy). */
export function sheetOf(op: WriteOp): string {
  switch (op.op) {
    case 'addSheet':
    case 'deleteSheet':
      return op.name;
    case 'copySheet':
      return op.to;
    default:
      return op.sheet;
  }
}

/** Ops Excel refuses while the workbook structure is protected: a sheet added, deleted, or copied (added and renamed). */
export function changesStructure(op: WriteOp): boolean {
  return op.op === 'addSheet' || op.op === 'deleteSheet' || op.op === 'copySheet';
}

/**
 * Per op, whether its sheet is the one that was there before the plan: no op before it adds, copies to
 * or deletes a sheet of that name. Only such sheets can be looked at before writing.
 */
export function onOriginalSheet(ops: readonly WriteOp[]): boolean[] {
  const changed = new Set<string>();
  return ops.map((op) => {
    const original = !changed.has(sheetKey(sheetOf(op)));
    if (changesStructure(op)) changed.add(sheetKey(sheetOf(op)));
    return original;
  });
}

/** Whether the sheet `name` exists before op `i` only because an earlier op of the plan made it. */
export function madeEarlier(ops: readonly WriteOp[], i: number, name: string): boolean {
  return ops.some((o, j) => j < i && (o.op === 'addSheet' || o.op === 'copySheet') && sheetKey(sheetOf(o)) === sheetKey(name));
}

/** The cells a block write covers (its widest row decides the width); null when it covers none. */
export function blockRect(op: Op<'writeBlock'>): Rect | null {
  const width = op.values.reduce((w, r) => Math.max(w, r.length), 0);
  if (op.values.length === 0 || width === 0) return null;
  return { r0: op.row, c0: op.col, r1: op.row + op.values.length - 1, c1: op.col + width - 1 };
}
