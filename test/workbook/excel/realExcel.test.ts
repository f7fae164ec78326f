/**
 * "Works in real Excel, not only in our simulator": what an audit found the adapter and the actions did
 * that real Excel refuses or does differently. Each case runs on the simulator made as strict as Excel
 * there (test/sim/strictness.test.ts).
 */
import { columnIndex } from '../../../src/core/grid/a1';
import { buildSummary, checkContacts, installTemplate, type ActionContext } from '../../../src/actions';
import type { WriteOp, WritePlan } from '../../../src/workbook/port';
import { generateLedger } from '../../helpers/generateLedger';
import { simWith } from '../../helpers/simLedger';
import { MB, setup } from './helpers';

const NOW = new Date('2026-11-23T09:00:00Z');
const ctxFor = (port: ActionContext['port'], extra: Partial<ActionContext> = {}): ActionContext => ({ port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' }, ...extra });
const plan = (...ops: WriteOp[]): WritePlan => ({ description: 'test', ops });

describe('the template: its table exists, under its final name, before its formulas', () => {
  it('is made in one plan whose tier formulas work as rows are typed in', async () => {
    const { host, port } = simWith({ Sheet1: [['hello']] });
    const made = await installTemplate(ctxFor(port));
    expect(made).toMatchObject({ created: true, table: 'LedgerCustomers' });
    const s = host.workbook.sheet(made.sheet);
    const header = s.values()[0] as string[];
    const tierCol = header.indexOf('价值分层');
    expect(tierCol).toBeGreaterThan(0);
    expect(s.formulas()[1]?.[tierCol]).toMatch(/^=IF\(LedgerCustomers\[@\[/);
    // A name typed in makes the row a customer: the status formula answers.
    s.write('A2', [['张三']]);
    expect(s.values()[1]?.[header.indexOf('客户状态')]).toBe('未知');
  });
});

describe('merged cells: more than 512 merged areas on the sheet', () => {
  /** 600 rows whose owner and notes cells are merged (P:Q): a common Chinese ledger shape. */
  const mergedLedger = () => {
    const values = generateLedger(600);
    const sim = simWith({ 客户信息: values });
    const s = sim.host.workbook.sheet('客户信息');
    for (let r = 2; r <= 601; r++) s.merge(`P${r}:Q${r}`);
    return sim;
  };

  it('checkContacts fixing phones writes the phone column and its own columns, the merged cells between them in the way of neither', async () => {
    const { host, port } = mergedLedger();
    const summary = await checkContacts(ctxFor(port), { fixPhones: true });
    const values = host.workbook.sheet('客户信息').values();
    expect(values[0]).toContain('电话检查');
    expect(summary.backupSheet).toBeTruthy();
    expect(host.workbook.sheet('客户信息').merges()).toHaveLength(600);
  });

  it('still refuses, before writing, a block whose own cells hold more than 512 merged areas and a value in one of them', async () => {
    const { host, port } = mergedLedger();
    const before = host.workbook.sheet('客户信息').values();
    const values = Array.from({ length: 600 }, (_, i) => ['x', i === 599 ? 'into a merged cell' : null]);
    await expect(port.apply(plan({ op: 'addSheet', name: 'Side' }, { op: 'writeBlock', sheet: '客户信息', row: 1, col: 15, values }))).rejects.toMatchObject({ code: 'unsupported', detail: 'merged-cells', message: expect.stringMatching(/P601:Q601.*Q601/) });
    expect(host.workbook.sheetNames()).toEqual(['客户信息']);
    expect(host.workbook.sheet('客户信息').values()).toEqual(before);
  });
});

describe('the summary: pivots that cannot collide, a chart that is not a PivotChart', () => {
  /** A ledger with the user's own 客户状态 column (seven statuses), so the add-in's status column has the same header. */
  const withUserStatus = () => {
    const words = ['正常', '停用', '潜在', '冻结', '黑名单', '待审核', '合作中'];
    const values = generateLedger(80).map((row, i) => [...row, i === 0 ? '客户状态' : words[i % words.length]]);
    return simWith({ 客户信息: values });
  };

  it('finds the add-in\'s 客户状态 by the name Excel numbers it with (客户状态2), and lays the pivots out apart', async () => {
    const { host, port } = withUserStatus();
    const result = await buildSummary(ctxFor(port));
    expect(result.mode).toBe('pivot');
    const tier = host.workbook.pivots.find((p) => p.name === 'LedgerTierByStatus')!;
    expect(tier.columns).toEqual(['客户状态2']);
    // The tier pivot counts the add-in's statuses, not the user's (which the by-category table may list).
    const summary = host.workbook.sheet(result.summarySheet);
    const [from, to] = tier.address!.replace(/^.*!/, '').split(':').map((a) => /^([A-Z]+)(\d+)$/.exec(a.replace(/\$/g, ''))!);
    const [c0, c1] = [columnIndex(from![1]!), columnIndex(to![1]!)];
    const cells = summary.values().slice(Number(from![2]) - 1, Number(to![2])).flatMap((r) => r.slice(c0, c1 + 1));
    expect(cells).not.toContain('黑名单');
    expect(cells).toContain('活跃');
    const rects = host.workbook.pivots.map((p) => p.address);
    expect(new Set(rects).size).toBe(rects.length);
  });

  it('charts a block of plain values holding the engine\'s region totals, outside every pivot', async () => {
    const { host, port } = withUserStatus();
    const result = await buildSummary(ctxFor(port));
    const [chart] = host.workbook.charts;
    expect(chart).toBeDefined();
    const source = chart!.source.split('!')[1]!;
    const s = host.workbook.sheet(result.summarySheet);
    const [, headerRow] = /^[A-Z]+(\d+)/.exec(source)!;
    expect(s.cell(`B${Number(headerRow)}`).value).toBe('消费金额');
    const label = s.cell(`A${Number(headerRow) + 1}`).value;
    const total = s.cell(`B${Number(headerRow) + 1}`).value;
    expect(typeof label).toBe('string');
    expect(typeof total).toBe('number');
    expect(host.workbook.pivots.every((p) => p.address === null || !overlaps(p.address, chart!.source))).toBe(true);
  });
});

describe('nothing is loaded below a null object', () => {
  it('a plan that adds a sheet and styles it checks only sheets that exist: one preflight, one write', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Data', [['name'], ['a']]);
    host.resetStats();
    await port.apply(plan(
      { op: 'addSheet', name: 'New' },
      { op: 'writeBlock', sheet: 'New', row: 0, col: 0, values: [['a', 1], ['b', 2]] },
      { op: 'addTable', sheet: 'New', address: 'A1:B2', name: 'T' },
      { op: 'conditionalFormat', sheet: 'New', address: 'A2:A2', formula: '=$A2="a"', fill: '#FFC7CE' },
      { op: 'chart', sheet: 'New', name: 'C', type: 'bar', source: 'A1:B2', title: 'T', topLeft: 'D2', bottomRight: 'H9' },
      { op: 'deleteSheet', name: 'Never there' },
    ));
    expect(host.stats().syncs).toBe(2);
    expect(host.workbook.tables.map((t) => t.name)).toEqual(['T']);
  });

  it('a sheet the plan needs but the workbook lacks is refused by name, nothing written', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('Data', [['name'], ['a']]);
    await expect(port.apply(plan(
      { op: 'writeBlock', sheet: 'Data', row: 5, col: 0, values: [['x']] },
      { op: 'conditionalFormat', sheet: 'Gone', address: 'A2:A9', formula: '=A2=1', fill: '#FF0000' },
    ))).rejects.toMatchObject({ code: 'not-found', message: expect.stringMatching(/no sheet "Gone"/) });
    expect(host.workbook.sheet('Data').values()).toEqual([['name'], ['a']]);
  });
});

describe('text stays text', () => {
  it('in a column the block formats as Text, no apostrophe (a Text cell would keep it); elsewhere the cell is made Text', async () => {
    const { host, port } = setup();
    host.workbook.addSheet('S');
    await port.apply(plan({ op: 'writeBlock', sheet: 'S', row: 0, col: 0, values: [['+8613800138000', '+8613800138000', '00123', "'quoted", 'plain']], numberFormats: ['@', undefined, '0', undefined, undefined] }));
    const s = host.workbook.sheet('S');
    expect(s.cell('A1')).toMatchObject({ value: '+8613800138000', numberFormat: '@' });
    expect(s.cell('B1')).toMatchObject({ value: '+8613800138000', numberFormat: '@' });
    expect(s.cell('C1')).toMatchObject({ value: '00123', numberFormat: '0' });
    expect(s.cell('D1')).toMatchObject({ value: "'quoted", numberFormat: '@' });
    expect(s.cell('E1')).toMatchObject({ value: 'plain', numberFormat: 'General' });
  });

  it('checkContacts writes E.164 numbers into its Text columns as they are', async () => {
    const { host, port } = simWith({ 客户信息: generateLedger(40) });
    await checkContacts(ctxFor(port));
    const values = host.workbook.sheet('客户信息').values();
    const col = (values[0] as string[]).indexOf('标准号码');
    const numbers = values.slice(1).map((r) => r[col]).filter((v) => v !== '');
    expect(numbers.length).toBeGreaterThan(10);
    for (const n of numbers) expect(n).toMatch(/^\+\d+$/);
  });
});

describe('sparse reads', () => {
  it('reads a 30-row ledger with a stray value at XFD1048576 in a few syncs and small payloads', async () => {
    const { host, port } = setup();
    const s = host.workbook.addSheet('S', generateLedger(30));
    s.seed('XFD1048576', [['stray']]);
    host.resetStats();
    const got = await port.readValues('S');
    const stats = host.stats();
    expect(got.length).toBe(1_048_576);
    expect(got[0]?.[0]).toBe('客户姓名');
    expect(got[30]?.length).toBe(17);
    expect(got[1000]).toEqual([]);
    expect(got[1_048_575]?.[16_383]).toBe('stray');
    expect(stats.syncs).toBeLessThanOrEqual(3);
    expect(stats.bytesRead).toBeLessThan(64 * 1024);
    expect(stats.largestResponseBytes).toBeLessThan(32 * 1024);
  });

  it('a stray value far right of the data is read as its own small area', async () => {
    const { host, port } = setup({ payloadLimitBytes: 1 * MB });
    const s = host.workbook.addSheet('S', generateLedger(2000));
    s.seed('XFD5', [['far']]);
    host.resetStats();
    const got = await port.readValues('S');
    expect(got[4]?.[16_383]).toBe('far');
    expect(got[1999]?.[0]).toBeTruthy();
    expect(host.stats().bytesRead).toBeLessThan(2 * MB);
  });
});

function overlaps(a: string, b: string): boolean {
  const rect = (x: string) => {
    const m = /!?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(x)!;
    const col = (l: string) => [...l].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { r0: Number(m[2]), c0: col(m[1]!), r1: Number(m[4] ?? m[2]), c1: col(m[3] ?? m[1]!) };
  };
  const p = rect(a);
  const q = rect(b);
  return p.r0 <= q.r1 && q.r0 <= p.r1 && p.c0 <= q.c1 && q.c0 <= p.c1;
}
