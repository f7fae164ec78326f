/**
 * The five actions against the simulated Excel host through the Office.js adapter: results, no change
 * to the user's cells, idempotent re-runs, hosts without a capability, hosts too old.
 */
import { OWNED_COLUMNS } from '../../src/actions/names';
import { strings } from '../../src/i18n/strings';
import { buildSummary, checkContacts, computeTiers, findDuplicates, installTemplate, type ActionContext } from '../../src/actions';
import { analyzeSample, readTruth } from '../helpers/samples';
import { sampleValues, simWith } from '../helpers/simLedger';

const NOW = new Date('2026-11-23T09:00:00Z');

function ctxFor(port: ActionContext['port'], extra: Partial<ActionContext> = {}): ActionContext {
  return { port, locale: 'zh-CN', now: NOW, settings: { asOf: '2026-11-22' }, ...extra };
}

/** The user's own block (columns A..Q of the sample) as the sheet now holds it. */
function userBlock(values: unknown[][], width: number): unknown[][] {
  return values.map((r) => r.slice(0, width));
}

describe('checkContacts on the zh sample', () => {
  it('adds check columns, highlights through rules, leaves the user cells alone and re-runs idempotently', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    const before = userBlock(host.workbook.sheet(sheet).values(), 17);

    const summary = await checkContacts(ctxFor(port));
    const s = host.workbook.sheet(sheet);
    expect(s.cell('R1').value).toBe('电话检查');
    expect(s.cell('S1').value).toBe('标准号码');
    expect(s.cell('T1').value).toBe('邮箱检查');
    expect(s.cell('U1').value).toBe('邮箱建议');
    // Row 3: "(+86)18730569106" → valid; E.164 stays text, not the number Excel would make of "+86…".
    expect(s.cell('R3').value).toBe('');
    expect(s.cell('S3').value).toBe('+8618730569106');
    expect(s.cell('R41').value).toMatch(/^无效：/);
    expect(s.cell('T5').value).toMatch(/^可疑：是否应为 kehu1999@outlook\.com/);
    expect(s.cell('U5').value).toBe('kehu1999@outlook.com');
    expect(summary.phones.invalid).toBeGreaterThan(0);
    expect(userBlock(s.values(), 17)).toEqual(before);

    const rules = host.workbook.conditionalFormats.filter((c) => c.sheet === sheet).length;
    expect(rules).toBeGreaterThanOrEqual(5);
    // The rule paints the bad cell itself.
    expect(s.cell('H41').conditionalFill).not.toBeNull();
    expect(s.cell('H3').conditionalFill).toBeNull();

    const snapshot = s.values();
    await checkContacts(ctxFor(port));
    expect(s.values()).toEqual(snapshot);
    expect(host.workbook.conditionalFormats.filter((c) => c.sheet === sheet).length).toBe(rules);
    expect(host.workbook.sheetNames().filter((n) => n.startsWith('备份'))).toEqual([]);
  });

  it('writes fixes only after a backup, and a second run finds nothing left to fix', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    const before = host.workbook.sheet(sheet).values();
    const first = await checkContacts(ctxFor(port), { fixPhones: true, fixEmails: true });
    expect(first.fixes).toBeGreaterThan(0);
    expect(first.backupSheet).toMatch(/^备份 /);
    expect(userBlock(host.workbook.sheet(first.backupSheet!).values(), 17)).toEqual(userBlock(before, 17));
    const s = host.workbook.sheet(sheet);
    expect(s.cell('H3').value).toBe('187 3056 9106'); // the region's own style by default
    expect(s.cell('H41').value).toBe(before[40]![7]); // invalid numbers are not touched
    const second = await checkContacts(ctxFor(port), { fixPhones: true, fixEmails: true });
    expect(second.fixes).toBe(0);
    expect(second.backupSheet).toBeNull();
  });
});

describe('computeTiers on the samples', () => {
  it.each(['customers-zh', 'customers-en'])('writes the tiers the truth has (%s)', async (name) => {
    const truth = readTruth(name);
    const { sheet, values } = await sampleValues(name);
    const { host, port } = simWith({ [sheet]: values });
    // An English pane: the columns and words still follow the ledger's own language.
    const summary = await computeTiers(ctxFor(port, { locale: 'en-US' }));
    const loc = name === 'customers-zh' ? 'zh-CN' : 'en-US';
    const w = strings(loc);
    const s = host.workbook.sheet(sheet);
    const header = s.values()[0]!;
    const col = (id: 'valueTier' | 'statusTier' | 'lifecycle') => header.indexOf(OWNED_COLUMNS[id][loc]);
    const all = s.values();
    const got = truth.rows.map((r) => [all[r.row - 1]![col('valueTier')], all[r.row - 1]![col('statusTier')], all[r.row - 1]![col('lifecycle')]]);
    const want = truth.rows.map((r) => [
      w.valueTier[r.valueTier as keyof typeof w.valueTier], w.statusTier[r.statusTier as keyof typeof w.statusTier], w.lifecycle[r.lifecycle as keyof typeof w.lifecycle],
    ]);
    expect(got).toEqual(want);
    expect(host.workbook.sheetNames()).toContain(loc === 'zh-CN' ? '台账设置' : 'Ledger Settings');
    expect(summary.asOf).toBe('2026-11-22');
    // Idempotent: same columns, same values.
    const snapshot = s.values();
    await computeTiers(ctxFor(port, { locale: 'en-US' }));
    expect(s.values()).toEqual(snapshot);
  });
});

describe('computeTiers with clean cells writes live formulas that follow the settings', () => {
  it('agrees with the engine, then follows a changed threshold', async () => {
    const serial = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000) + 25569;
    const values = [
      ['姓名', '累计消费', '购买次数', '最近购买日期'],
      ['甲', 100, 0, null],
      ['乙', 900, 1, serial('2026-11-01')],
      ['丙', 500, 3, serial('2026-03-01')],
      ['丁', null, 2, serial('2024-01-01')],
      ['戊', 700, 5, serial('2026-10-01')],
    ];
    const { host, port } = simWith({ 客户: values });
    const summary = await computeTiers(ctxFor(port));
    expect(summary.live).toEqual({ valueTier: true, statusTier: true, lifecycle: true });
    const s = host.workbook.sheet('客户');
    expect(s.cell('E2').formula).toMatch(/^=IF\(/);
    expect(s.values().slice(1).map((r) => r.slice(4, 7))).toEqual([
      ['低价值', '未知', '潜在客户'],
      ['高价值', '活跃', '新客户'],
      ['中价值', '沉睡', '老客户'],
      ['低价值', '流失', '老客户'],
      ['中价值', '活跃', '老客户'],
    ]);
    // The user raises the "active" window in the settings sheet: the status column follows.
    host.workbook.sheet('台账设置').write('B7', [[300]]);
    expect(s.cell('F4').value).toBe('活跃');
  });
});

describe('buildSummary', () => {
  it('builds PivotTables whose numbers match the engine, and rebuilding replaces them', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    const result = await buildSummary(ctxFor(port));
    expect(result.mode).toBe('pivot');
    expect(host.workbook.pivots.map((p) => p.name).sort()).toEqual(result.pivots.slice().sort());
    const { report } = await analyzeSample('customers-zh');
    const grid = host.workbook.sheet('客户汇总').values();
    const flat = grid.flat();
    // Grand total revenue of the region pivot equals the engine's revenue.
    expect(flat).toContain(report.summary.revenue);
    await buildSummary(ctxFor(port));
    expect(host.workbook.sheetNames().filter((n) => n === '客户汇总')).toHaveLength(1);
    expect(host.workbook.pivots.length).toBe(result.pivots.length);
    expect(host.workbook.charts.length).toBe(result.charts.length);
  });

  it('writes static tables where the host has no PivotTables (the capability says so), and its chart over them', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    const capabilities = { kind: 'excel' as const, conditionalFormats: true, copySheet: true, dataValidation: true, pivotTables: false, charts: true };
    const result = await buildSummary(ctxFor(port, { capabilities }));
    expect(result.mode).toBe('values');
    expect(host.workbook.pivots).toEqual([]);
    const { report } = await analyzeSample('customers-zh');
    expect(host.workbook.sheet('客户汇总').values().flat()).toContain(report.summary.revenue);
    expect(host.workbook.charts).toHaveLength(1);
  });

  it('on an Excel older than ExcelApi 1.10 (no shared runtime): one clear refusal, nothing changed', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values }, { requirementSets: { ExcelApi: '1.7' } });
    await expect(buildSummary(ctxFor(port))).rejects.toMatchObject({ name: 'WorkbookError', code: 'unsupported', detail: 'excel-too-old' });
    expect(host.workbook.sheetNames()).toEqual([sheet]);
  });
});

describe('findDuplicates', () => {
  it('marks groups and, when asked, moves the rows not kept to an archive after a backup', async () => {
    const { sheet, values } = await sampleValues('customers-zh');
    const { host, port } = simWith({ [sheet]: values });
    const marked = await findDuplicates(ctxFor(port));
    expect(marked.groups.length).toBe(23);
    const s = host.workbook.sheet(sheet);
    const header = s.values()[0]!;
    const noteCol = header.indexOf('重复说明');
    expect(noteCol).toBeGreaterThan(16);
    expect(s.values()[2]![noteCol]).toMatch(/^第 \d+ 组 · 保留第 \d+ 行 · /);

    const rowsBefore = s.values().length;
    const moved = await findDuplicates(ctxFor(port), { archive: true });
    expect(moved.backupSheet).toMatch(/^备份 /);
    expect(host.workbook.sheet(moved.backupSheet!).values().length).toBe(rowsBefore);
    expect(host.workbook.sheet(moved.archiveSheet!).values().length).toBe(moved.archived.length + 1);
    expect(s.values().length).toBe(rowsBefore - moved.archived.length);
    // Nothing left to group afterwards.
    expect((await findDuplicates(ctxFor(port))).groups).toEqual([]);
  });
});

describe('installTemplate', () => {
  it('creates one template with table, validation, frozen header and live tier formulas', async () => {
    const { host, port } = simWith({ Sheet1: [['hello']] });
    const first = await installTemplate(ctxFor(port));
    expect(first).toMatchObject({ created: true, sheet: '客户台账' });
    expect(host.workbook.tables.map((t) => t.name)).toEqual(['LedgerCustomers']);
    expect(host.workbook.sheet('客户台账').freeze.rows).toBe(1);
    expect(host.workbook.validations.filter((v) => v.sheet === '客户台账').length).toBeGreaterThanOrEqual(8);
    const again = await installTemplate(ctxFor(port));
    expect(again).toMatchObject({ created: false, sheet: '客户台账' });
    expect(host.workbook.sheetNames().filter((n) => n.startsWith('客户台账'))).toHaveLength(1);
    const forced = await installTemplate(ctxFor(port), { force: true });
    expect(forced.sheet).toBe('客户台账 (2)');
  });

  it('works without data validation (a host whose capability says so): no rules, still a template', async () => {
    const { host, port } = simWith({ Sheet1: [['hello']] });
    const capabilities = { kind: 'excel' as const, conditionalFormats: true, copySheet: true, dataValidation: false, pivotTables: true, charts: true };
    const r = await installTemplate(ctxFor(port, { locale: 'en-US', capabilities }));
    expect(r.created).toBe(true);
    expect(host.workbook.validations).toEqual([]);
    expect(host.workbook.sheet('Customers').values()[0]).toContain('Customer name');
  });
});
