/**
 * The add-in's own writes, remembered for a short while. Excel raises Worksheet.onChanged for them as
 * for the user's edits, after the sync and sometimes much later; ExcelApi 1.14 says which is which
 * (triggerSource), older hosts do not. So every plan the add-in applies is recorded here — the sheets
 * and cell areas it writes — while it is being applied and for OWN_WRITE_GRACE_MS after, and a change
 * event that lies inside those areas in that time is taken for the add-in's own (see changeAuthor.ts).
 *
 * Areas, not only a time window: a live-checking batch writes check cells while the user goes on typing
 * in the phone column beside them, and those edits must still count. What cannot be known in advance is
 * taken whole: deleted rows shift the sheet, a PivotTable grows where it likes.
 *
 * One registry per workbook (`ownWritesOf(host.Excel)`): the pane and the ribbon share the runtime, the
 * workbook and so the registry.
 */
import { parseAreas } from '../actions/liveCheck';
import type { WorkbookPort, WriteOp, WritePlan } from '../workbook/port';

/** How long after a plan finished its change events may still arrive (desktop Excel delivers them within this). */
export const OWN_WRITE_GRACE_MS = 2000;

/** 0-based, inclusive. */
export interface CellRect { r0: number; r1: number; c0: number; c1: number }

const WHOLE_SHEET: CellRect = { r0: 0, r1: 1_048_575, c0: 0, c1: 16_383 };
/** An op whose sheet is not known: it may have written anywhere. */
const ANY_SHEET = '*';

interface WrittenArea {
  sheet: string;
  rect: CellRect;
  /** Until when its events are expected (Infinity while the plan is being applied). */
  until: number;
}

function sheetKey(name: string): string {
  return name.toLowerCase(); // Excel's sheet names are case-insensitive
}

/** The cells an op changes in a way Excel reports through onChanged (values, formulas, deleted cells); formats raise nothing. */
export function writtenAreas(op: WriteOp): { sheet: string; rect: CellRect }[] {
  switch (op.op) {
    case 'writeBlock': {
      const width = Math.max(1, ...op.values.map((row) => row.length));
      return [{ sheet: op.sheet, rect: { r0: op.row, r1: op.row + Math.max(1, op.values.length) - 1, c0: op.col, c1: op.col + width - 1 } }];
    }
    case 'addTable':
      return parseAreas(op.address).map((rect) => ({ sheet: op.sheet, rect }));
    case 'clearRange':
      return parseAreas(op.address).map((rect) => ({ sheet: op.sheet, rect }));
    case 'deleteRows':
    case 'deleteColumns':
    case 'pivot':
      return [{ sheet: op.sheet, rect: WHOLE_SHEET }];
    case 'addSheet':
    case 'deleteSheet':
      return [{ sheet: op.name, rect: WHOLE_SHEET }];
    case 'copySheet':
      return [{ sheet: op.to, rect: WHOLE_SHEET }];
    case 'format':
    case 'columnWidths':
    case 'freeze':
    case 'pageLayout':
    case 'growTable':
    case 'validation':
    case 'conditionalFormat':
    case 'removeConditionalFormats':
    case 'removeValidation':
    case 'chart':
      return [];
    default: {
      // An op this list does not know yet: anywhere on its sheet, or on any sheet.
      const sheet = (op as { sheet?: unknown }).sheet;
      return [{ sheet: typeof sheet === 'string' ? sheet : ANY_SHEET, rect: WHOLE_SHEET }];
    }
  }
}

function inside(a: CellRect, b: CellRect): boolean {
  return a.r0 >= b.r0 && a.r1 <= b.r1 && a.c0 >= b.c0 && a.c1 <= b.c1;
}

function boundingBox(rects: CellRect[]): CellRect {
  return rects.reduce((box, r) => ({ r0: Math.min(box.r0, r.r0), r1: Math.max(box.r1, r.r1), c0: Math.min(box.c0, r.c0), c1: Math.max(box.c1, r.c1) }));
}

export class OwnWrites {
  private areas: WrittenArea[] = [];

  constructor(
    private readonly clock: () => number = Date.now,
    readonly graceMs: number = OWN_WRITE_GRACE_MS,
  ) {}

  /** The plan is about to be applied. Call the returned function when it is done (or failed): the grace time starts then. */
  begin(plan: WritePlan): () => void {
    const mine: WrittenArea[] = plan.ops.flatMap(writtenAreas).map((a) => ({ sheet: sheetKey(a.sheet), rect: a.rect, until: Infinity }));
    this.areas.push(...mine);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const until = this.clock() + this.graceMs;
      for (const a of mine) a.until = until;
    };
  }

  /**
   * Does a change at `address` on `sheet` lie where the add-in is writing or has just written? Every
   * area of the address must lie in the box around those writes (Excel may report two adjacent writes
   * as one area). An address that cannot be read is covered when the sheet was written at all.
   */
  covers(sheet: string, address: string): boolean {
    const now = this.clock();
    this.areas = this.areas.filter((a) => a.until >= now);
    const key = sheetKey(sheet);
    const written = this.areas.filter((a) => a.sheet === key || a.sheet === ANY_SHEET).map((a) => a.rect);
    if (written.length === 0) return false;
    const changed = parseAreas(address);
    if (changed.length === 0) return true;
    const box = boundingBox(written);
    return changed.every((c) => inside(c, box));
  }

  /** Something is being written or was within the grace time (for tests and diagnostics). */
  get active(): boolean {
    const now = this.clock();
    return this.areas.some((a) => a.until >= now);
  }
}

const registries = new WeakMap<object, OwnWrites>();

/**
 * The registry of one workbook, keyed by the host's Excel object: the pane's and the ribbon's runs write
 * through it, the pane's watch reads it. (Tests run many simulated workbooks in one runtime.)
 */
export function ownWritesOf(excel: object): OwnWrites {
  let registry = registries.get(excel);
  if (!registry) {
    registry = new OwnWrites();
    registries.set(excel, registry);
  }
  return registry;
}

/**
 * The port with every plan it applies recorded in `registry`. A Proxy rather than a class that lists
 * the port's methods: reads and the optional methods pass through untouched as the port grows.
 */
export function trackOwnWrites<P extends WorkbookPort>(port: P, registry: OwnWrites): P {
  const apply: WorkbookPort['apply'] = async (plan, options) => {
    const done = registry.begin(plan);
    try {
      await port.apply(plan, options);
    } finally {
      done();
    }
  };
  return new Proxy(port, {
    get(target, prop) {
      if (prop === 'apply') return apply;
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
