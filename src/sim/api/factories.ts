/**
 * The two proxies every other API object hands out: a Range (a table's, a pivot's, an event's cells)
 * and a Worksheet (a range's, a table's, a pivot's sheet). range.ts and worksheet.ts register their
 * classes here when they load, so the objects below them in Excel's object model make them without
 * importing them, and the API's modules import one another in one direction only.
 */
import type { SheetModel } from '../model/workbook';
import type { SimContext, SimObject } from './base';
import type { RangeRef } from './cells';

type Make<T> = (ctx: SimContext, resolve: () => T | null, path: string) => SimObject<T>;

const made: { range?: Make<RangeRef>; worksheet?: Make<SheetModel> } = {};

export function provideRange(make: Make<RangeRef>): void {
  made.range = make;
}

export function provideWorksheet(make: Make<SheetModel>): void {
  made.worksheet = make;
}

export function newRange(ctx: SimContext, resolve: () => RangeRef | null, path: string): RangeProxy {
  if (!made.range) throw new Error('The simulator\'s Range is not loaded (import the host, src/sim/host.ts).');
  return made.range(ctx, resolve, path);
}

export function newWorksheet(ctx: SimContext, resolve: () => SheetModel | null, path: string): WorksheetProxy {
  if (!made.worksheet) throw new Error('The simulator\'s Worksheet is not loaded (import the host, src/sim/host.ts).');
  return made.worksheet(ctx, resolve, path);
}

export type RangeProxy = SimObject<RangeRef>;
export type WorksheetProxy = SimObject<SheetModel>;
