/** Live checking in the simulated Excel host: onChanged → one coalesced batch → check columns updated. */
import { checkContacts, createLiveChecker, loadLedger } from '../../src/actions';
import { inCheckColumnsOnly, parseAreas, touchedRows, type LiveCheckLayout } from '../../src/actions/liveCheck';
import { watchSheetChanges } from '../../src/workbook/excel/events';
import { generateLedger } from '../helpers/generateLedger';
import { seedSim, smallLedger } from '../hostile/cells';
import { ctxFor, simWorkbook } from '../hostile/harness';

async function setup(rows = smallLedger() as unknown[][]) {
  const c = simWorkbook({});
  c.host.workbook.addSheet('客户信息');
  seedSim(c.host, '客户信息', rows as never);
  await checkContacts(ctxFor(c.port));
  const checker = createLiveChecker(c.port, { locale: 'zh-CN', now: () => new Date('2026-11-23T09:00:00Z') });
  const watch = await watchSheetChanges(c.host.Excel as never, '客户信息', (address, type) => checker.onChanged(address, type));
  return { ...c, checker, watch, sheet: c.host.workbook.sheet('客户信息') };
}

describe('live checking', () => {
  it('an edit in the phone column updates its status and E.164 cells; an email edit its check and suggestion', async () => {
    const { host, checker, sheet } = await setup();
    expect(sheet.cell('I2').value).toBe(''); // phone check column after the 8 user columns
    sheet.write('C2', [['12345']]);
    await host.fireChanged('客户信息', 'C2', { valueBefore: '13800138000' });
    await checker.idle();
    expect(sheet.cell('I2').value).toMatch(/^无效/);
    expect(sheet.cell('J2').value).toBe('');
    sheet.write('C4', [['186 1234 5678']]);
    sheet.write('D3', [['LiSi@QQ.com']]); // valid; its tidy form is offered because it differs
    await host.fireChanged('客户信息', 'C4');
    await host.fireChanged('客户信息', 'D3');
    await checker.idle();
    expect(sheet.cell('I4').value).toBe('');
    expect(sheet.cell('J4').value).toBe('+8618612345678');
    expect(sheet.cell('J4').formula).toBeNull(); // E.164 written as text, not a formula
    expect(sheet.cell('K3').value).toBe('');
    expect(sheet.cell('L3').value).toBe('lisi@qq.com');
    // The two edits within 300 ms were one batch.
    expect(checker.stats()).toMatchObject({ batches: 2, errors: 0 });
  });

  it('coalesces edits within the delay into one batch, and ignores edits outside the phone/email columns (its own writes among them)', async () => {
    const { host, checker, sheet } = await setup();
    host.resetStats();
    sheet.write('C2', [['1']]);
    sheet.write('C3', [['2']]);
    await host.fireChanged('客户信息', 'C2');
    await host.fireChanged('客户信息', 'C3');
    await host.fireChanged('客户信息', 'A5'); // the name column: not re-checked on its own
    await host.fireChanged('客户信息', 'I2:L7'); // the check columns: what the checker itself writes
    // Nothing ran inside the handlers.
    expect(host.stats().syncs).toBe(0);
    await checker.idle();
    expect(checker.stats()).toMatchObject({ batches: 1, rows: 2 });
    expect(sheet.cell('I2').value).toMatch(/^无效/);
    expect(sheet.cell('I3').value).toMatch(/^无效/);
    expect(sheet.cell('I5').value).toBe('');
  });

  it('a paste of 10,000 rows is one batch in a bounded number of syncs', async () => {
    const ledger = generateLedger(10_000, 7);
    const { host, checker, sheet } = await setup(ledger);
    await checker.prepare();
    const phoneCheck = (sheet.values()[0] as unknown[]).indexOf('电话检查');
    expect(phoneCheck).toBeGreaterThan(0);
    // Paste the same valid number into every phone cell (column H), as one edit.
    sheet.write('H2:H10001', Array.from({ length: 10_000 }, () => ['13800138000']));
    host.resetStats();
    await host.fireChanged('客户信息', 'H2:H10001');
    await checker.idle();
    const s = host.stats();
    expect(checker.stats()).toMatchObject({ batches: 1, rows: 10_000, errors: 0 });
    // One read, the plan's preflight, its writes (10,000 rows × 4 short cells fit one request).
    expect(s.syncs).toBeLessThanOrEqual(4);
    const values = sheet.values();
    for (const r of [1, 500, 9999, 10_000]) expect(values[r]![phoneCheck]).toBe('');
    expect(values[10_000]![phoneCheck + 1]).toBe('+8613800138000');
  }, 60_000);

  it('a whole-column edit (H:H) stops at the used rows; a cleared row gets blank check cells', async () => {
    const { host, checker, sheet } = await setup();
    sheet.write('A7:H7', [['', '', '', '', '', '', '', '']]);
    await host.fireChanged('客户信息', 'A7:H7');
    await host.fireChanged('客户信息', 'C:C');
    await checker.idle();
    expect(checker.stats().rows).toBe(6);
    expect(sheet.cell('I7').value).toBe('');
    expect(sheet.values().length).toBe(6); // row 7 is now empty through and through: no stray status left
  });

  it('does nothing before checkContacts has added its columns, and reports a protected sheet without writing', async () => {
    const c = simWorkbook({});
    c.host.workbook.addSheet('客户信息');
    seedSim(c.host, '客户信息', smallLedger());
    const errors: Error[] = [];
    const checker = createLiveChecker(c.port, { locale: 'zh-CN', onError: (e) => errors.push(e) });
    checker.onChanged('C2');
    await checker.flush();
    expect(checker.stats().batches).toBe(0);
    expect(c.host.workbook.sheet('客户信息').values()[0]).toHaveLength(8);

    const p = await setup();
    const checker2 = createLiveChecker(p.port, { locale: 'zh-CN', onError: (e) => errors.push(e) });
    await checker2.prepare();
    p.sheet.protect();
    const before = p.sheet.values();
    checker2.onChanged('C2');
    await checker2.flush();
    expect(errors.map((e) => e.name)).toEqual(['WorkbookError']);
    expect(errors[0]!.message).toMatch(/protected/);
    expect(p.sheet.values()).toEqual(before);
    // It carries on after the failure.
    p.sheet.unprotect();
    p.sheet.write('C2', [['12']]);
    checker2.onChanged('C2');
    await checker2.flush();
    expect(p.sheet.cell('I2').value).toMatch(/^无效/);
  });

  it('watchSheetChanges: remove() stops the handler', async () => {
    const { host, checker, watch, sheet } = await setup();
    await watch.remove();
    sheet.write('C2', [['1']]);
    await host.fireChanged('客户信息', 'C2');
    await checker.idle();
    expect(checker.stats().batches).toBe(0);
    expect(sheet.cell('I2').value).toBe('');
  });
});

describe('addresses', () => {
  it('parses the forms onChanged gives', () => {
    expect(parseAreas('H2:H10001')).toEqual([{ r0: 1, r1: 10000, c0: 7, c1: 7 }]);
    expect(parseAreas('A5')).toEqual([{ r0: 4, r1: 4, c0: 0, c1: 0 }]);
    expect(parseAreas("'客户 信息'!$B$2:$C$3")).toEqual([{ r0: 1, r1: 2, c0: 1, c1: 2 }]);
    expect(parseAreas('3:5')[0]).toMatchObject({ r0: 2, r1: 4, c0: 0 });
    expect(parseAreas('H:H')[0]).toMatchObject({ r0: 0, c0: 7, c1: 7 });
    expect(parseAreas('A1, C3:D4')).toHaveLength(2);
    expect(parseAreas('not an address')).toEqual([]);
  });
  it("a change only in the check columns is the add-in's output; one that reaches any other column is not", () => {
    const layout: LiveCheckLayout = { sheet: 'S', headerIndex: 0, rowCount: 7, region: 'CN', phoneCol: 2, emailCol: 3, nameCol: 0, out: { phoneCheck: 8, phoneE164: 9, emailCheck: 10 } };
    expect(inCheckColumnsOnly('I2:K7', layout)).toBe(true);
    expect(inCheckColumnsOnly("'S'!J3", layout)).toBe(true);
    expect(inCheckColumnsOnly('I2:L7', layout)).toBe(false);
    expect(inCheckColumnsOnly('I2, C2', layout)).toBe(false);
    expect(inCheckColumnsOnly('2:2', layout)).toBe(false);
    expect(inCheckColumnsOnly('', layout)).toBe(false);
  });
  it('touched rows: below the header, only the watched columns, whole rows count', async () => {
    const layout: LiveCheckLayout = { sheet: 'S', headerIndex: 0, rowCount: 7, region: 'CN', phoneCol: 2, emailCol: 3, nameCol: 0, out: { phoneCheck: 8 } };
    expect(touchedRows(['C1:C3'], layout)).toEqual([2, 3]);
    expect(touchedRows(['5:6'], layout)).toEqual([5, 6]);
    expect(touchedRows(['A2:B9', 'I2:L7'], layout)).toEqual([]);
    expect(touchedRows(['D:D'], layout)).toEqual([2, 3, 4, 5, 6, 7]);
    void loadLedger;
  });
});

describe('liveCheck through the xlsx adapter', () => {
  it('readAreas reads only the asked cells without creating any; liveCheck updates the check cells', async () => {
    const { xlsxSnapshot, xlsxWorkbook } = await import('../hostile/harness');
    const { seedXlsx } = await import('../hostile/cells');
    const { liveCheck, liveCheckLayout } = await import('../../src/actions/liveCheck');
    const x = await xlsxWorkbook((w) => seedXlsx(w.addWorksheet('客户信息'), smallLedger()));
    const { port } = x;
    await checkContacts(ctxFor(port));
    const before = xlsxSnapshot(port);
    expect(await port.readAreas('客户信息', [{ row: 1, col: 2, rows: 2, cols: 2 }, { row: 29, col: 0, rows: 1, cols: 3 }]))
      .toEqual([[['13800138000', 'zhangsan@qq.com'], ['139 0013 9000', 'lisi@163.con']], [[null, null, null]]]);
    expect(xlsxSnapshot(port)).toEqual(before);
    // The user types "12" over C3.
    await port.apply({ description: 'edit', ops: [{ op: 'writeBlock', sheet: '客户信息', row: 2, col: 2, values: [['12']] }] });
    const layout = (await liveCheckLayout(ctxFor(port)))!;
    expect(await liveCheck(port, 'zh-CN', layout, ['C3'])).toEqual({ rows: 1, cells: 4 });
    expect(String((await x.refresh()).getWorksheet('客户信息')!.getCell('I3').value)).toMatch(/^无效/);
  });
});

describe('live checking on a UI thread', () => {
  it('with sliceMs, finding the layout of a large sheet gives the host turns instead of freezing it', async () => {
    const sheet = '客户信息';
    const values = generateLedger(3 * 2048, 7);
    const c = simWorkbook({});
    c.host.workbook.addSheet(sheet);
    seedSim(c.host, sheet, values as never);
    await checkContacts(ctxFor(c.port));
    const turnsDuring = async (sliceMs: number | undefined) => {
      let turns = 0;
      let ticking = true;
      // Counts macrotasks while the layout is found; a run that never yields lets none through.
      const tick = () => { if (ticking) { turns++; setTimeout(tick, 0); } };
      setTimeout(tick, 0);
      const checker = createLiveChecker(c.port, { locale: 'zh-CN', sliceMs });
      const layout = await checker.prepare();
      ticking = false;
      checker.dispose();
      expect(layout).not.toBeNull();
      return turns;
    };
    const sliced = await turnsDuring(0);
    const whole = await turnsDuring(undefined);
    expect(sliced).toBeGreaterThan(whole);
    expect(sliced).toBeGreaterThanOrEqual(3);
  });
});
