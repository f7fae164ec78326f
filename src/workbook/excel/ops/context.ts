/// <reference types="office-js" />
/** What every op writer gets from the plan run: the session, the write queue, what the preflight saw. */
import type { WriteOp } from '../../port';
import type { Preflight } from '../preflight';
import type { SheetFlow } from '../planCheck';
import type { Session } from '../session';
import type { WriteQueue } from '../writeQueue';

export interface OpContext {
  readonly s: Session;
  readonly writes: WriteQueue;
  readonly ops: readonly WriteOp[];
  readonly pre: Preflight;
  readonly flow: SheetFlow;
  /** The caller's slicer (ApplyOptions.turn), between slices of a block. */
  readonly turn?: () => Promise<void>;
}

/** A sheet of the workbook, by name, in the context of the sync being built. */
export function sheetIn(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}
