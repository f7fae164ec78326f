/// <reference types="office-js" />
/**
 * One Excel.run with our own watchdog (on the web a sync can hang without ever settling), sync
 * counting for progress, and helpers that size reads and writes under the payload budget.
 */
import { WorkbookError } from '../port';
import { isPayloadTooLarge, toWorkbookError } from './errors';
import { jsonBytes } from './cells';

export interface ExcelRunner {
  run: typeof Excel.run;
}

/** The request context of one batch and what it has done so far. */
export class Session {
  syncs = 0;
  /** What the adapter is doing, for error messages (op kinds and sheet names only, never cell data). */
  doing: string;

  constructor(
    readonly context: Excel.RequestContext,
    doing: string,
    private readonly activity: () => void,
    private readonly onSync: (syncs: number) => void,
  ) {
    this.doing = doing;
  }

  /** Sends everything queued. Every sync of the adapter goes through here. */
  async sync(): Promise<void> {
    this.activity();
    await this.context.sync();
    this.syncs++;
    this.activity();
    this.onSync(this.syncs);
  }
}

/**
 * Runs `batch` inside Excel.run. Fails with WorkbookError('host') when Excel stays silent for
 * `timeoutMs` (no sync settles): the timer restarts at every sync, so a long batch of many syncs is
 * fine while one sync that hangs is not. Office errors are mapped to WorkbookError codes.
 */
export async function runBatch<T>(
  excel: ExcelRunner,
  timeoutMs: number,
  doing: string,
  batch: (s: Session) => Promise<T>,
  onSync: (syncs: number) => void = () => undefined,
): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let session: Session | undefined;
  let fail: (e: unknown) => void = () => undefined;
  const silence = new Promise<never>((_, reject) => {
    fail = reject;
  });
  const arm = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      const what = session?.doing ?? doing;
      fail(new WorkbookError('host', `${what}: Excel did not answer within ${Math.round(timeoutMs / 1000)} s.`));
    }, timeoutMs);
  };
  arm();
  const work = excel.run(async (context: Excel.RequestContext) => {
    session = new Session(context, doing, arm, onSync);
    return batch(session);
  });
  // After a timeout nobody awaits `work` any more; keep its late failure from going unhandled.
  work.catch(() => undefined);
  try {
    return await Promise.race([work, silence]);
  } catch (e) {
    throw toWorkbookError(e, session?.doing ?? doing);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

export type GridProp = 'values' | 'formulas' | 'numberFormat';

export interface GridReadOptions {
  sheet: string;
  /** 0-based top-left and size of the block. */
  top: number;
  left: number;
  rows: number;
  columns: number;
  props: readonly GridProp[];
  /** Response budget per sync in bytes. */
  budget: number;
  /** First guess of the response bytes per row (all props together). */
  bytesPerRow: number;
}

/** Most rows in one range load (Microsoft's advice: blocks of 5k–20k rows). */
const MAX_ROWS_PER_RANGE = 20_000;
/** Most cells in one range load (Excel refuses to read more than 5,000,000 cells at once). */
const MAX_CELLS_PER_RANGE = 1_000_000;
/** JSON framing and object paths per sync / per range. */
const SYNC_OVERHEAD = 512;
const RANGE_OVERHEAD = 256;
const MAX_SHRINKS = 16;

interface Piece {
  range: Excel.Range;
  rows: number;
}

/**
 * Reads a block in row chunks: as many ranges per sync as the byte budget allows, sized from a
 * bytes-per-row estimate that is corrected after every sync by what actually came back. A sync
 * refused for its size (…PayloadSizeLimitExceeded) is retried with half the rows.
 */
export async function readGrid(s: Session, o: GridReadOptions): Promise<Record<GridProp, unknown[][]>> {
  const out: Record<GridProp, unknown[][]> = { values: [], formulas: [], numberFormat: [] };
  if (o.rows <= 0 || o.columns <= 0) return out;
  const rowsPerRange = Math.max(1, Math.min(MAX_ROWS_PER_RANGE, Math.floor(MAX_CELLS_PER_RANGE / (o.columns * o.props.length))));
  let perRow = Math.max(1, o.bytesPerRow);
  let measuredBytes = 0;
  let measuredRows = 0;
  let shrinks = 0;
  let done = 0;
  const queue = (want: number): Piece[] => {
    const ws = s.context.workbook.worksheets.getItem(o.sheet);
    const pieces: Piece[] = [];
    for (let k = 0; k < want; k += rowsPerRange) {
      const n = Math.min(rowsPerRange, want - k);
      const range = ws.getRangeByIndexes(o.top + done + k, o.left, n, o.columns);
      if (o.props.includes('values')) range.load('values');
      if (o.props.includes('formulas')) range.load('formulas');
      if (o.props.includes('numberFormat')) range.load('numberFormat');
      pieces.push({ range, rows: n });
    }
    return pieces;
  };
  while (done < o.rows) {
    const fit = Math.floor((o.budget - SYNC_OVERHEAD) / (perRow + RANGE_OVERHEAD / rowsPerRange));
    const want = Math.max(1, Math.min(o.rows - done, fit));
    const pieces = queue(want);
    try {
      await s.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || want === 1 || shrinks >= MAX_SHRINKS) throw e;
      shrinks++;
      perRow = Math.max(perRow * 2, (2 * o.budget) / want);
      continue;
    }
    let bytes = 0;
    for (const p of pieces) {
      for (const prop of o.props) {
        const grid = p.range[prop] as unknown[][];
        bytes += jsonBytes(grid);
        for (const row of grid) out[prop].push(row);
      }
    }
    done += want;
    measuredBytes += bytes;
    measuredRows += want;
    // The average so far, but never below the last chunk's (data often grows toward the bottom).
    perRow = Math.max(1, measuredBytes / measuredRows, bytes / want);
  }
  return out;
}
