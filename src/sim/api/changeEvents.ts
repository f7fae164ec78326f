/**
 * WorksheetProxy.onChanged as Excel raises it. Excel raises it for the add-in's own writes as well as for the
 * user's edits, so code that listens must tell them apart; a simulator that fired only through a test
 * hook hid that. Here:
 *
 * - A write through the API (values, formulas, cleared contents, deleted cells) to a sheet that has a
 *   handler raises one event per write, AFTER the sync that made it, asynchronously (a macrotask later,
 *   or `changedEventDelayMs` later: Excel on the web delivers events late). A sync that fails part-way
 *   still raises events for the writes it made (Office.js is not transactional). Format writes raise
 *   nothing (Excel has onFormatChanged for those).
 * - `triggerSource` exists only from ExcelApi 1.14: 'ThisLocalAddin' for the add-in's writes, 'Unknown'
 *   for the rest. Below 1.14 the property is absent, as it is in Excel.
 * - `source` is 'Local', or 'Remote' for a co-author's edit (test hook only).
 *
 * RangeProxy's writers call `dataChanged`; `raiseChanged` serves the test hook (SimHost.fireChanged).
 */
import { rangeAddress } from '../../core/grid/a1';
import { toApiValue, valueType } from '../model/values';
import { type Rect } from '../../core/grid/rect';
import type { SheetModel } from '../model/workbook';
import { SimContext, SimRichApiError, type HostState } from './base';
import type { RangeRef } from './cells';
import { newRange } from './factories';

export type DataChangeType = 'RangeEdited' | 'RowDeleted' | 'ColumnDeleted' | 'CellDeleted';

export interface ChangeOrigin {
  /** Who made the change, as Excel 1.14+ reports it. */
  trigger: 'ThisLocalAddin' | 'Unknown';
  source?: 'Local' | 'Remote';
  changeType?: DataChangeType;
  valueBefore?: unknown;
}

interface PendingChange {
  sheet: SheetModel;
  rect: Rect;
  origin: ChangeOrigin;
}

interface HostEvents {
  delayMs: number;
  pending: PendingChange[];
  armed: boolean;
}

const byHost = new WeakMap<HostState, HostEvents>();

function eventsOf(host: HostState): HostEvents {
  let e = byHost.get(host);
  if (!e) {
    e = { delayMs: 0, pending: [], armed: false };
    byHost.set(host, e);
  }
  return e;
}

/** How late the host delivers the add-in's own change events (default 0: the next macrotask). */
export function configureChangeEvents(host: HostState, options: { delayMs?: number }): void {
  eventsOf(host).delayMs = Math.max(0, options.delayMs ?? 0);
}

function watched(host: HostState, sheet: SheetModel): boolean {
  return (host.handlers.get(sheet.id)?.size ?? 0) > 0;
}

function eventArgs(host: HostState, change: PendingChange): Record<string, unknown> {
  const { sheet, rect, origin } = change;
  const makeRange = (ctx: unknown) => {
    if (!(ctx instanceof SimContext)) throw new SimRichApiError('InvalidArgument', 'getRange needs a request context of this host');
    return newRange(ctx, () => ({ sheet, rect }), 'event.getRange()');
  };
  const args = changedEventArgs(sheet, rect, makeRange, origin.valueBefore, origin.trigger);
  args.address = rangeAddress(rect);
  args.changeType = origin.changeType ?? 'RangeEdited';
  args.source = origin.source ?? 'Local';
  if (!host.supports('ExcelApi', '1.14')) delete args.triggerSource;
  return args;
}

/** Calls the sheet's handlers now, one after the other; resolves when they have run. */
export async function raiseChanged(host: HostState, sheet: SheetModel, rect: Rect, origin: ChangeOrigin): Promise<void> {
  const args = eventArgs(host, { sheet, rect, origin });
  for (const handler of [...(host.handlers.get(sheet.id) ?? [])]) await handler(args);
}

async function deliver(host: HostState): Promise<void> {
  const events = eventsOf(host);
  events.armed = false;
  const changes = events.pending;
  events.pending = [];
  for (const change of changes) await raiseChanged(host, change.sheet, change.rect, change.origin);
}

/**
 * Called by RangeProxy's writers during sync, after the write succeeded: queues the event this add-in's
 * write raises. Nothing is called inside the sync; delivery waits for a timer.
 */
export function dataChanged(context: SimContext, ref: RangeRef, changeType: DataChangeType = 'RangeEdited'): void {
  const host = context.host;
  if (!watched(host, ref.sheet)) return;
  const events = eventsOf(host);
  events.pending.push({ sheet: ref.sheet, rect: { ...ref.rect }, origin: { trigger: 'ThisLocalAddin', changeType } });
  if (events.armed) return;
  events.armed = true;
  setTimeout(() => void deliver(host), events.delayMs);
}

/** The changeType Excel reports for RangeProxy.delete(shift) of `rect`. */
export function deleteChangeType(rect: Rect, shift: string, maxRows: number, maxCols: number): DataChangeType {
  if (shift === 'Up' && rect.c0 === 0 && rect.c1 === maxCols - 1) return 'RowDeleted';
  if (shift === 'Left' && rect.r0 === 0 && rect.r1 === maxRows - 1) return 'ColumnDeleted';
  return 'CellDeleted';
}

/** The event arguments Excel passes to Worksheet.onChanged handlers. */
export function changedEventArgs(sheet: SheetModel, rect: Rect, makeRange: (ctx: unknown) => unknown, before?: unknown,
  triggerSource: 'Unknown' | 'ThisLocalAddin' = 'Unknown'): Record<string, unknown> {
  const args: Record<string, unknown> = {
    type: 'WorksheetChanged',
    worksheetId: sheet.id,
    address: rangeAddress(rect),
    changeType: 'RangeEdited',
    source: 'Local',
    // ExcelApi 1.14: 'ThisLocalAddin' when this add-in's own write caused the change, 'Unknown' otherwise (a user edit).
    triggerSource,
    getRange: makeRange,
    getRangeOrNullObject: makeRange,
  };
  if (rect.r0 === rect.r1 && rect.c0 === rect.c1) {
    const after = sheet.value(rect.r0, rect.c0);
    const details: Record<string, unknown> = { valueAfter: toApiValue(after), valueTypeAfter: valueType(after) === 'Double' ? 'Double' : valueType(after) };
    if (before !== undefined) {
      details.valueBefore = before;
      details.valueTypeBefore = before === '' ? 'Empty' : typeof before === 'number' ? 'Double' : typeof before === 'boolean' ? 'Boolean' : 'String';
    }
    args.details = details;
  }
  return args;
}
