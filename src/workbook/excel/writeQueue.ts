/// <reference types="office-js" />
/**
 * Packs write operations into as few syncs as the request budget allows. Units are queued on the
 * context only when their sync is sent, so a sync Excel refuses for its size
 * (RequestPayloadSizeLimitExceeded: nothing of it was applied) can be re-sent in smaller pieces.
 */
import { isPayloadTooLarge } from './errors';
import { blockAddress } from '../../core/grid/a1';
import { rowBytes, type ExcelCell } from './cells';
import type { Session } from './session';

export interface WriteUnit {
  /** Estimated request bytes (UTF-8 JSON of the data plus the operation's own overhead). */
  readonly bytes: number;
  /** Op kind and sheet name, for error messages. */
  readonly label: string;
  queue(context: Excel.RequestContext): void;
  /** A leading part of at most `bytes` and the rest; null when no useful part fits. */
  split?(bytes: number): [WriteUnit, WriteUnit] | null;
}

/** Object paths, method names and JSON framing of one queued operation. */
export const OP_OVERHEAD = 400;
/** Below this, halving the budget again is pointless. */
const MIN_BUDGET = 16 * 1024;

export function simpleUnit(label: string, queue: (context: Excel.RequestContext) => void, dataBytes = 0, ops = 1): WriteUnit {
  return { label, bytes: dataBytes + ops * OP_OVERHEAD, queue };
}

/**
 * A rectangular write through Range.values or Range.formulas, with an optional number format grid set
 * first. Splits by rows according to each row's measured size.
 */
export class GridUnit implements WriteUnit {
  readonly bytes: number;
  private readonly rowSizes: number[];

  constructor(
    readonly label: string,
    private readonly sheet: string,
    private readonly top: number,
    private readonly left: number,
    private readonly cells: readonly ExcelCell[][],
    private readonly useFormulas: boolean,
    /** Number formats for columns [formatLeft, formatLeft + width), one row repeated or one per row. */
    private readonly formats: { left: number; rows: readonly (readonly (string | null)[])[] } | null,
    rowSizes?: number[],
  ) {
    // One format row repeated (the usual case) is measured once, not once per row.
    const sameFormat = formats && formats.rows.length === 1 ? rowBytes(formats.rows[0] ?? []) : null;
    this.rowSizes = rowSizes ?? cells.map((row, i) => rowBytes(row) + (formats ? sameFormat ?? rowBytes(formatRow(formats.rows, i)) : 0));
    let total = (formats ? 2 : 1) * OP_OVERHEAD;
    for (const n of this.rowSizes) total += n;
    this.bytes = total;
  }

  get rowCount(): number {
    return this.cells.length;
  }

  queue(context: Excel.RequestContext): void {
    const rows = this.cells.length;
    const cols = this.cells[0]?.length ?? 0;
    if (rows === 0 || cols === 0) return;
    const ws = context.workbook.worksheets.getItem(this.sheet);
    if (this.formats) {
      const width = this.formats.rows[0]?.length ?? 0;
      const grid = this.cells.map((_, i) => [...formatRow(this.formats?.rows ?? [], i)]);
      if (width > 0) ws.getRangeByIndexes(this.top, this.formats.left, rows, width).numberFormat = grid;
    }
    const range = ws.getRangeByIndexes(this.top, this.left, rows, cols);
    if (this.useFormulas) range.formulas = this.cells as ExcelCell[][];
    else range.values = this.cells as ExcelCell[][];
  }

  split(bytes: number): [WriteUnit, WriteUnit] | null {
    let used = (this.formats ? 2 : 1) * OP_OVERHEAD;
    let n = 0;
    while (n < this.rowSizes.length - 1 && used + (this.rowSizes[n] ?? 0) <= bytes) used += this.rowSizes[n++] ?? 0;
    if (n === 0) return null;
    const part = (from: number, to: number): GridUnit => {
      const formats = this.formats ? { left: this.formats.left, rows: this.formats.rows.length === 1 ? this.formats.rows : this.formats.rows.slice(from, to) } : null;
      return new GridUnit(this.label, this.sheet, this.top + from, this.left, this.cells.slice(from, to), this.useFormulas, formats, this.rowSizes.slice(from, to));
    };
    return [part(0, n), part(n, this.cells.length)];
  }

  get address(): string {
    return blockAddress(this.top, this.left, this.cells.length, this.cells[0]?.length ?? 1);
  }
}

function formatRow(rows: readonly (readonly (string | null)[])[], i: number): readonly (string | null)[] {
  return rows.length === 1 ? (rows[0] ?? []) : (rows[i] ?? []);
}

/** Packs units into syncs of at most `budget` request bytes, in order. */
export class WriteQueue {
  private pending: WriteUnit[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly s: Session,
    public budget: number,
  ) {}

  get isEmpty(): boolean {
    return this.pending.length === 0;
  }

  async push(unit: WriteUnit): Promise<void> {
    let u: WriteUnit | null = unit;
    while (u) {
      const room = this.budget - this.pendingBytes;
      if (u.bytes <= room) {
        this.add(u);
        return;
      }
      const parts: [WriteUnit, WriteUnit] | null = u.split?.(room) ?? null;
      if (parts) {
        this.add(parts[0]);
        u = parts[1];
        await this.flush();
        continue;
      }
      if (this.pending.length > 0) {
        await this.flush();
        continue;
      }
      // Cannot be split below the budget (one huge row or one big operation): send it alone.
      this.add(u);
      u = null;
    }
  }

  private add(u: WriteUnit): void {
    this.pending.push(u);
    this.pendingBytes += u.bytes;
  }

  /** Sends what is pending in one sync; on a request-size refusal, halves the budget and re-sends. */
  async flush(): Promise<void> {
    if (this.pending.length === 0) return;
    const units = this.pending;
    this.pending = [];
    this.pendingBytes = 0;
    const labels = [...new Set(units.map((u) => u.label))];
    this.s.doing = labels.length > 3 ? `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more` : labels.join(', ');
    for (const u of units) u.queue(this.s.context);
    try {
      await this.s.sync();
    } catch (e) {
      const requestTooLarge = isPayloadTooLarge(e) && !/Response/i.test(String((e as { code?: unknown }).code ?? ''));
      if (!requestTooLarge || this.budget <= MIN_BUDGET) throw e;
      // Excel refused the whole request before applying any of it: send the same units in smaller syncs.
      this.budget = Math.max(MIN_BUDGET, Math.floor(this.budget / 2));
      await this.resend(units);
    }
  }

  private async resend(units: WriteUnit[]): Promise<void> {
    for (const u of units) await this.push(u);
    await this.flush();
  }
}

