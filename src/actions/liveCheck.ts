/**
 * Live checking: while the pane is open, edits in the phone and email columns are checked and the
 * check columns written by checkContacts are updated. A paste bypasses Excel's data validation, so this
 * is what catches a pasted bad number.
 *
 * - Only the rows an edit touched are read (their phone, email and name cells: ONE read) and their check
 *   cells written (ONE plan, one writeBlock per run of rows), never one call per cell. A paste of 10,000
 *   rows arrives as one address ("H2:H10001") and is one batch.
 * - Excel's onChanged handler must not sync (on the web a sync inside it can hang, and `details` is
 *   missing for multi-cell edits): `createLiveChecker(...).onChanged(address)` only queues the address;
 *   calls within `delayMs` (300 ms) are coalesced and run as one batch outside the handler, batches one
 *   after the other, never two at once.
 * - The add-in's own writes fire onChanged too; live checking's touch only the check columns, which are
 *   ignored (`inCheckColumnsOnly`; the pane's watch also sets aside what src/addin/changeAuthor.ts
 *   finds to be the add-in's, before it gets here).
 * - The layout (header row, columns) is found once with loadLedger and kept; an edit of the header rows
 *   or a structural change (rows or columns inserted/deleted) finds it again on the next batch.
 * - Nothing happens before checkContacts has added its columns.
 */
import { checkEmail } from '../core/email';
import { MAX_ROWS, parseRangeList } from '../core/grid/a1';
import type { Rect } from '../core/grid/rect';
import { checkPhone } from '../core/phone';
import { columnIndex } from '../core/columns';
import { cellText, isBlankCell } from '../core/text';
import type { Locale } from '../i18n/strings';
import type { CellArea, CellInput, WorkbookPort, WriteOp } from '../workbook/port';
import { emailCells, phoneCells } from './checkContacts';
import { contiguousRuns } from './blocks';
import { loadLedger, type ActionContext } from './context';

/** Where live checking reads and writes on the customer sheet. Columns are 0-based. */
export interface LiveCheckLayout {
  sheet: string;
  /** 0-based header row: rows at or above it are never checked. */
  headerIndex: number;
  /** One past the last used row when the layout was found (whole-column edits stop there). */
  rowCount: number;
  /** The region the last full check used (detected when the setting is 'auto'), and the default area code. */
  region: string;
  areaCode?: string | null;
  phoneCol: number | null;
  emailCol: number | null;
  nameCol: number | null;
  out: { phoneCheck?: number; phoneE164?: number; emailCheck?: number; emailFix?: number };
  /** The ledger's language, which the check cells are written in (not the pane's). */
  locale?: Locale;
}

export interface LiveCheckResult {
  /** 1-based sheet rows re-checked. */
  rows: number;
  /** Cells written. */
  cells: number;
}

/** Finds the customer sheet and the check columns; null when checkContacts has not run on it yet. */
export async function liveCheckLayout(ctx: ActionContext): Promise<LiveCheckLayout | null> {
  const ledger = await loadLedger(ctx);
  const { report, owned } = ledger;
  const col = (letter: string | undefined) => (letter ? columnIndex(letter) : null);
  const phoneCol = col(report.columns.phone);
  const emailCol = col(report.columns.email);
  const out: LiveCheckLayout['out'] = {};
  if (phoneCol !== null && owned.phoneCheck !== undefined) {
    out.phoneCheck = owned.phoneCheck;
    if (owned.phoneE164 !== undefined) out.phoneE164 = owned.phoneE164;
  }
  if (emailCol !== null && owned.emailCheck !== undefined) {
    out.emailCheck = owned.emailCheck;
    if (owned.emailFix !== undefined) out.emailFix = owned.emailFix;
  }
  if (out.phoneCheck === undefined && out.emailCheck === undefined) return null;
  return {
    sheet: ledger.sheet, headerIndex: ledger.headerIndex, rowCount: ledger.values.length, region: ledger.report.region, areaCode: ledger.report.areaCode,
    phoneCol: out.phoneCheck !== undefined ? phoneCol : null, emailCol: out.emailCheck !== undefined ? emailCol : null,
    nameCol: col(report.columns.name), out, locale: ledger.locale,
  };
}

/** "H2:H10001", "A5", "H:H", "3:7", "'My sheet'!B2:C3", several separated by commas → 0-based areas. */
export const parseAreas = (address: string): Rect[] => parseRangeList(address);

/**
 * The 1-based sheet rows whose phone or email cell an edit touched, below the header. Whole-column edits
 * stop at the used rows; edits of other columns (the check columns the add-in writes among them) are ignored.
 */
export function touchedRows(addresses: readonly string[], layout: LiveCheckLayout): number[] {
  const watched = [layout.phoneCol, layout.emailCol].filter((c): c is number => c !== null);
  const rows = new Set<number>();
  for (const address of addresses) {
    for (const a of parseAreas(address)) {
      if (!watched.some((c) => c >= a.c0 && c <= a.c1)) continue;
      const wholeColumn = a.r0 === 0 && a.r1 === MAX_ROWS - 1;
      const last = wholeColumn ? Math.max(layout.rowCount - 1, layout.headerIndex) : a.r1;
      for (let r = Math.max(a.r0, layout.headerIndex + 1); r <= last; r++) rows.add(r + 1);
    }
  }
  return [...rows].sort((x, y) => x - y);
}

/**
 * Does a change lie only in the check columns (the cells live checking and checkContacts write)? A
 * change there is the add-in's own output, not an edit that makes a plan stale or needs checking.
 */
export function inCheckColumnsOnly(address: string, layout: LiveCheckLayout): boolean {
  const own = new Set(Object.values(layout.out));
  const areas = parseAreas(address);
  if (areas.length === 0) return false;
  return areas.every((a) => {
    if (a.c1 - a.c0 >= own.size) return false;
    for (let c = a.c0; c <= a.c1; c++) if (!own.has(c)) return false;
    return true;
  });
}

/** Does an edit touch the header rows (the layout may have changed)? */
function touchesHeader(addresses: readonly string[], layout: LiveCheckLayout): boolean {
  return addresses.some((address) => parseAreas(address).some((a) => a.r0 <= layout.headerIndex));
}

/**
 * Re-checks the touched rows and writes their check cells: one read (the phone, email and name cells of
 * those rows), one plan. Rows whose name, phone and email are all blank get blank check cells, as
 * checkContacts leaves rows that are not customers.
 */
export async function liveCheck(port: WorkbookPort, paneLocale: Locale, layout: LiveCheckLayout, addresses: readonly string[]): Promise<LiveCheckResult> {
  const locale = layout.locale ?? paneLocale;
  const rows = touchedRows(addresses, layout);
  if (rows.length === 0) return { rows: 0, cells: 0 };
  const runs = contiguousRuns(rows);
  const inputs = [layout.phoneCol, layout.emailCol, layout.nameCol];
  const areas: CellArea[] = [];
  for (const run of runs) {
    for (const c of inputs) if (c !== null) areas.push({ row: run[0]! - 1, col: c, rows: run.length, cols: 1 });
  }
  const read = await port.readAreas(layout.sheet, areas);

  // Output columns in sheet order, grouped into adjacent blocks.
  const outputs = (Object.entries(layout.out) as [keyof LiveCheckLayout['out'], number][]).sort((a, b) => a[1] - b[1]);
  const groups: (typeof outputs)[] = [];
  for (const o of outputs) {
    const last = groups[groups.length - 1];
    if (last && last[last.length - 1]![1] + 1 === o[1]) last.push(o); else groups.push([o]);
  }
  const ops: WriteOp[] = [];
  let cells = 0;
  let k = 0;
  for (const run of runs) {
    const cellsOf: (number | null)[] = inputs.map((c) => (c === null ? null : k++));
    const value = (which: number, i: number): unknown => {
      const at = cellsOf[which];
      return at === null || at === undefined ? null : read[at]?.[i]?.[0] ?? null;
    };
    const computed = run.map((_, i) => {
      const phoneRaw = value(0, i);
      const emailRaw = value(1, i);
      const blankRow = isBlankCell(phoneRaw) && isBlankCell(emailRaw) && isBlankCell(value(2, i));
      const byId: Partial<Record<keyof LiveCheckLayout['out'], CellInput>> = {};
      if (layout.phoneCol !== null) {
        const p = checkPhone(phoneRaw, layout.region, layout.areaCode ?? null);
        const [check, e164] = blankRow ? [null, null] : phoneCells({ phone: { status: p.status, e164: p.e164, reason: p.reason } }, locale);
        byId.phoneCheck = check ?? null;
        byId.phoneE164 = e164 ?? null;
      }
      if (layout.emailCol !== null) {
        const [check, fix] = blankRow ? [null, null] : emailCells({ email: checkEmail(emailRaw) }, locale, cellText(emailRaw));
        byId.emailCheck = check ?? null;
        byId.emailFix = fix ?? null;
      }
      return byId;
    });
    for (const group of groups) {
      const values = computed.map((byId) => group.map(([id]) => byId[id] ?? null));
      cells += values.length * group.length;
      ops.push({ op: 'writeBlock', sheet: layout.sheet, row: run[0]! - 1, col: group[0]![1], values, numberFormats: group.map(() => '@') });
    }
  }
  const description = locale === 'zh-CN' ? `重新检查 ${rows.length} 行的电话与邮箱` : `Re-check phones and emails on ${rows.length} rows`;
  await port.apply({ description, ops });
  return { rows: rows.length, cells };
}

export interface LiveCheckerOptions {
  locale: Locale;
  /** The customer sheet, when known; otherwise found as every action finds it. */
  sheet?: string;
  /** Edits this close together are one batch (default 300 ms). */
  delayMs?: number;
  now?: () => Date;
  onResult?: (r: LiveCheckResult) => void;
  /** A batch failed (a protected sheet, Excel not answering); the checker carries on with later edits. */
  onError?: (e: Error) => void;
  /**
   * On a UI thread: finding the layout analyzes the whole sheet, seconds on a large one; with this it
   * gives the host a turn every sliceMs ms, as the actions do (ActionContext.sliceMs).
   */
  sliceMs?: number;
  /** Timer, for tests (default setTimeout). Returns a cancel function. */
  schedule?: (run: () => void, ms: number) => () => void;
}

export interface LiveChecker {
  /** For Excel's onChanged handler: queues the edit and returns at once (no Excel call, no sync). */
  onChanged(address: string, changeType?: string): void;
  /** Finds the layout now (when the pane opens) instead of on the first edit. */
  prepare(): Promise<LiveCheckLayout | null>;
  /** The change lies only in the check columns of the layout found last (false while none is known). */
  isCheckColumnsOnly(address: string): boolean;
  /** Runs what is queued now and waits for it. */
  flush(): Promise<void>;
  /** Waits until the queued edits have run (the timer fired and every batch finished). */
  idle(): Promise<void>;
  stats(): { batches: number; rows: number; cells: number; errors: number };
  dispose(): void;
}

export function createLiveChecker(port: WorkbookPort, options: LiveCheckerOptions): LiveChecker {
  const delay = options.delayMs ?? 300;
  const schedule = options.schedule ?? ((run, ms) => {
    const t = setTimeout(run, ms);
    return () => clearTimeout(t);
  });
  let pending: string[] = [];
  let cancel: (() => void) | null = null;
  let fired: Promise<void> | null = null;
  let resolveFired: (() => void) | null = null;
  let chain: Promise<void> = Promise.resolve();
  let layout: Promise<LiveCheckLayout | null> | null = null;
  /** The last layout found, for questions that cannot wait (inside Excel's event handler). */
  let known: LiveCheckLayout | null = null;
  let disposed = false;
  const counts = { batches: 0, rows: 0, cells: 0, errors: 0 };

  const getLayout = (): Promise<LiveCheckLayout | null> => {
    layout ??= liveCheckLayout({ port, locale: options.locale, now: options.now?.() ?? new Date(), sheet: options.sheet, sliceMs: options.sliceMs });
    layout.then((found) => { known = found; }, () => { layout = null; }); // a failed look (the sheet was renamed) is tried again next time
    return layout;
  };

  const batch = async (addresses: string[]): Promise<void> => {
    let found = await getLayout();
    if (found && touchesHeader(addresses, found)) {
      layout = null;
      found = await getLayout();
    }
    if (!found) return;
    const r = await liveCheck(port, options.locale, found, addresses);
    if (r.rows === 0) return;
    counts.batches++;
    counts.rows += r.rows;
    counts.cells += r.cells;
    options.onResult?.(r);
  };

  const fire = (): Promise<void> => {
    cancel = null;
    const addresses = pending;
    pending = [];
    const done = resolveFired;
    fired = null;
    resolveFired = null;
    if (addresses.length > 0 && !disposed) {
      chain = chain.then(() => batch(addresses)).catch((e: unknown) => {
        counts.errors++;
        options.onError?.(e instanceof Error ? e : new Error(String(e)));
      });
    }
    void chain.then(() => done?.());
    return chain;
  };

  return {
    onChanged(address, changeType) {
      if (disposed) return;
      if (changeType && changeType !== 'RangeEdited' && changeType !== 'Unknown') layout = null; // rows/columns inserted or deleted
      pending.push(address);
      if (!cancel) {
        fired = new Promise<void>((resolve) => { resolveFired = resolve; });
        cancel = schedule(() => void fire(), delay);
      }
    },
    prepare: getLayout,
    isCheckColumnsOnly: (address) => known !== null && inCheckColumnsOnly(address, known),
    async flush() {
      cancel?.();
      await fire();
    },
    async idle() {
      while (fired) await fired;
      await chain;
    },
    stats: () => ({ ...counts }),
    dispose() {
      disposed = true;
      cancel?.();
      cancel = null;
      pending = [];
      resolveFired?.();
      fired = null;
    },
  };
}
