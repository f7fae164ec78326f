/**
 * Cancel, "the sheet was edited" and progress, as every action sees them through its ActionContext:
 * a stop before the first write leaves the workbook exactly as it was; the sliced analysis gives the
 * host turns and reports rows; a stop that comes after writing started is ignored (the run finishes).
 */
import { checkContacts, computeTiers, findDuplicates, type ActionContext } from '../../src/actions';
import { columnBlocksInSlices } from '../../src/actions/blocks';
import { hostTurns } from '../../src/actions/context';
import { FIRST_ROWS_PER_STEP, ROWS_PER_STEP } from '../../src/core/analyze';
import { WorkbookError } from '../../src/workbook/port';
import { simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');

function ledger(rows: number): unknown[][] {
  const out: unknown[][] = [['姓名', '手机', '邮箱', '累计消费', '最近购买']];
  for (let i = 0; i < rows; i++) out.push([`客户${i}`, `138${String(10000000 + i).slice(-8)}`, `c${i}@qq.com`, (i * 37) % 5000, 46000 - (i % 400)]);
  return out;
}

function ctxFor(port: ActionContext['port'], extra: Partial<ActionContext> = {}): ActionContext {
  return { port, locale: 'en-US', now: NOW, settings: { asOf: '2026-11-22' }, ...extra };
}

describe('stopping an action', () => {
  it('a cancel before the run starts writes nothing and says cancelled', async () => {
    const { host, port } = simWith({ 客户: ledger(30) });
    const before = host.workbook.sheet('客户').values();
    const sheetsBefore = host.workbook.sheetNames();
    const controller = new AbortController();
    controller.abort();
    await expect(checkContacts(ctxFor(port, { signal: controller.signal }))).rejects.toMatchObject({ name: 'WorkbookError', code: 'cancelled' });
    expect(host.workbook.sheet('客户').values()).toEqual(before);
    expect(host.workbook.sheetNames()).toEqual(sheetsBefore);
  });

  it('an edit seen while the analysis runs stops it with the edit as the reason, before any write', async () => {
    const { host, port } = simWith({ 客户: ledger(3 * ROWS_PER_STEP) });
    const before = host.workbook.sheet('客户').values();
    const sheetsBefore = host.workbook.sheetNames();
    const controller = new AbortController();
    let analyzed = 0;
    const run = computeTiers(ctxFor(port, {
      signal: controller.signal,
      sliceMs: 0,
      onProgress: (p) => {
        if (p.phase === 'analyze' && ++analyzed === 1) controller.abort(new WorkbookError('edited', 'edited'));
      },
    }));
    await expect(run).rejects.toMatchObject({ name: 'WorkbookError', code: 'edited' });
    expect(analyzed).toBeGreaterThan(0);
    expect(host.workbook.sheet('客户').values()).toEqual(before);
    expect(host.workbook.sheetNames()).toEqual(sheetsBefore);
  });

  it("a cancel during the adapter's own checks (its preflight sync) still writes nothing", async () => {
    const { host, port } = simWith({ 客户: ledger(40) });
    const before = host.workbook.sheet('客户').values();
    const controller = new AbortController();
    await expect(checkContacts(ctxFor(port, {
      signal: controller.signal,
      onProgress: (p) => { if (p.phase === 'write' && p.done === 1) controller.abort(); },
    }))).rejects.toMatchObject({ name: 'WorkbookError', code: 'cancelled' });
    expect(host.workbook.sheet('客户').values()).toEqual(before);
    expect(host.workbook.sheetNames()).toEqual(['客户']);
  });

  it('a stop that arrives once the adapter is writing is ignored: the run finishes whole', async () => {
    const { host, port } = simWith({ 客户: ledger(40) });
    const controller = new AbortController();
    const summary = await findDuplicates(ctxFor(port, {
      signal: controller.signal,
      // Progress comes after each sync: abort as soon as the sim holds the first written cell.
      onProgress: (p) => { if (p.phase === 'write' && host.workbook.sheet('客户').values()[0]?.includes('重复组')) controller.abort(); },
    }));
    expect(controller.signal.aborted).toBe(true);
    expect(summary).toBeTruthy();
    expect(host.workbook.sheet('客户').values()[0]).toContain('重复组'); // the ledger's language
  });
});

describe('progress', () => {
  it('reports read, then analyze rows up to the total, then write; slices give the host turns', async () => {
    const rows = 2 * ROWS_PER_STEP + 10;
    const { port } = simWith({ 客户: ledger(rows) });
    const seen: { phase: string; done: number; total: number }[] = [];
    let turns = 0;
    const timer = setInterval(() => { turns++; }, 0);
    try {
      // A region set, not 'auto': detecting one adds steps at 0 (one per region it scores).
      await checkContacts(ctxFor(port, { sliceMs: 0, onProgress: (p) => seen.push(p), settings: { asOf: '2026-11-22', region: 'CN' } }));
    } finally {
      clearInterval(timer);
    }
    const phases = seen.map((p) => p.phase);
    expect(phases[0]).toBe('read');
    expect(phases.indexOf('analyze')).toBeGreaterThan(phases.indexOf('read'));
    expect(phases.lastIndexOf('analyze')).toBeLessThan(phases.indexOf('write'));
    const analyze = seen.filter((p) => p.phase === 'analyze');
    expect(analyze.every((p) => p.total === rows)).toBe(true);
    expect(analyze.map((p) => p.done)).toEqual([...analyze.map((p) => p.done)].sort((a, b) => a - b));
    expect(analyze.at(-1)?.done).toBe(rows);
    // Five steps at 0 (after the layout, three while the row arrays are made, after the date votes), then
    // row steps on whole multiples of FIRST_ROWS_PER_STEP up to ROWS_PER_STEP (the engine's code is
    // cold), of ROWS_PER_STEP after it.
    const rowSteps = analyze.map((p) => p.done).filter((d) => d < rows);
    expect(rowSteps.filter((d) => d === 0)).toHaveLength(5);
    expect(rowSteps.filter((d) => d > 0)).toEqual([1, 2, 3, 4].map((k) => k * FIRST_ROWS_PER_STEP).concat([2 * ROWS_PER_STEP]));
    const write = seen.filter((p) => p.phase === 'write');
    expect(write.at(-1)?.done).toBe(write.at(-1)?.total);
    expect(turns).toBeGreaterThan(0);
  });
});

describe('the slicer', () => {
  const busy = (ms: number) => { const end = Date.now() + ms; while (Date.now() < end) { /* a step of work */ } };
  /** Whether `turn()` let a macrotask run (a turn for the host), not just a resolved promise. */
  const turned = async (turn: () => Promise<void>) => {
    let ran = false;
    const timer = setTimeout(() => { ran = true; }, 0);
    await turn();
    clearTimeout(timer);
    return ran;
  };

  it('gives a turn before a step that would run past the slice, and none while the slice has room', async () => {
    const turn = hostTurns({ sliceMs: 50 });
    busy(60);
    expect(await turned(turn)).toBe(true); // the slice is over
    busy(3);
    expect(await turned(turn)).toBe(false); // 3 ms in, steps of 3 ms: room left
    busy(30);
    expect(await turned(turn)).toBe(true); // 33 ms in, and the last step took 30: the next would end past 50
  });

  it('is one clock for the thread: a new slicer does not start a new slice', async () => {
    const first = hostTurns({ sliceMs: 50 });
    busy(60);
    expect(await turned(first)).toBe(true);
    busy(40);
    const second = hostTurns({ sliceMs: 50 }); // as a plan after its analysis
    busy(15);
    expect(await turned(second)).toBe(true); // 55 ms since the last turn, though only 15 since this slicer began
  });
});

describe('building the plan', () => {
  it('columnBlocksInSlices offers a turn every 2,048 rows and builds the same block as in one go', async () => {
    const rows = 5000;
    let turns = 0;
    const input = {
      sheet: 'S', headerIndex: 0, lastRowIndex: rows,
      columns: [{ col: 7, header: 'B' }, { col: 6, header: 'A', numberFormat: '@' }],
      cellsOf: (row: number) => (row % 7 === 0 ? null : [`a${row}`, row]),
    };
    const ops = await columnBlocksInSlices(input, async () => { turns++; });
    expect(turns).toBe(Math.ceil(rows / 2048));
    expect(ops).toHaveLength(1);
    const block = ops[0] as Extract<(typeof ops)[number], { op: 'writeBlock' }>;
    expect(block).toMatchObject({ op: 'writeBlock', sheet: 'S', row: 0, col: 6, numberFormats: ['@', undefined] });
    expect(block.values).toHaveLength(rows + 1);
    expect(block.values[0]).toEqual(['A', 'B']);
    expect(block.values[13]).toEqual([null, null]); // sheet row 14: not data
    expect(block.values[rows]).toEqual([rows + 1, `a${rows + 1}`]);
  });

  it('columnBlocksInSlices writes the cells of columns given in order as they come, missing cells as blanks', async () => {
    const input = {
      sheet: 'S', headerIndex: 0, lastRowIndex: 4,
      columns: [{ col: 2, header: 'A' }, { col: 3, header: 'B' }, { col: 5, header: 'C' }],
      cellsOf: (row: number) => (row === 3 ? [`a${row}`, undefined as unknown as null, 'c'] : row === 4 ? ['short'] : row === 5 ? null : [`a${row}`, row, `c${row}`]),
    };
    const ops = await columnBlocksInSlices(input, async () => {});
    const [ab, c] = ops as Extract<(typeof ops)[number], { op: 'writeBlock' }>[];
    expect(ops).toHaveLength(2);
    expect(ab).toMatchObject({ col: 2, values: [['A', 'B'], ['a2', 2], ['a3', null], ['short', null], [null, null]] });
    expect(c).toMatchObject({ col: 5, values: [['C'], ['c2'], ['c'], [null], [null]] });

    // One run of every column: each row's own array is the block's row (no copy), undefined made blank.
    const given: unknown[][] = [];
    const whole = await columnBlocksInSlices({ ...input, columns: input.columns.slice(0, 2), cellsOf: (row: number) => {
      const cells = row === 3 ? ['x', undefined as unknown as null] : row === 4 ? ['short'] : row === 5 ? null : ['y', row];
      if (cells) given.push(cells);
      return cells;
    } }, async () => {});
    const block = whole[0] as Extract<(typeof ops)[number], { op: 'writeBlock' }>;
    expect(block.values).toEqual([['A', 'B'], ['y', 2], ['x', null], ['short', null], [null, null]]);
    expect(block.values[1]).toBe(given[0]);
    expect(block.values[2]).toBe(given[1]);
  });

  it.each([
    ['checkContacts', checkContacts],
    ['computeTiers', computeTiers],
    ['findDuplicates', findDuplicates],
  ] as const)('%s: a cancel once the rows are analysed still writes nothing', async (_name, run) => {
    const { host, port } = simWith({ 客户: ledger(3 * ROWS_PER_STEP) });
    const controller = new AbortController();
    let analysed = false;
    const timer = setInterval(() => {
      if (analysed) controller.abort(new WorkbookError('cancelled', 'Cancelled.')); // Cancel clicked late
    }, 0);
    const before = host.workbook.sheet('客户').values();
    try {
      const onProgress = (p: { phase: string; done: number; total: number }) => {
        if (p.phase === 'analyze' && p.done === p.total) analysed = true;
      };
      await expect(run(ctxFor(port, { sliceMs: 0, onProgress, signal: controller.signal }))).rejects.toMatchObject({ code: 'cancelled' });
    } finally {
      clearInterval(timer);
    }
    expect(host.workbook.sheet('客户').values()).toEqual(before);
  });
});
