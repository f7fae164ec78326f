/**
 * The next follow-up column through both adapters: the template has it (date validation, date format,
 * the overdue rule), an existing ledger's 回访日期 column is read as it, and compute tiers marks overdue
 * follow-ups with one rule however often it runs.
 */
import ExcelJS from 'exceljs';
import { computeTiers, installTemplate, type ActionContext } from '../../src/actions';
import { OVERDUE_STYLE } from '../../src/actions/followUpFormat';
import type { Locale } from '../../src/i18n/strings';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { simWith } from '../helpers/simLedger';
import { isoToExcelSerial } from '../../src/core/calendar';

const NOW = new Date('2026-11-23T09:00:00Z');
const ctxFor = (port: WorkbookPort, locale: Locale = 'zh-CN'): ActionContext => ({ port, locale, now: NOW, settings: { asOf: '2026-11-22' } });

async function xlsxOf(sheets: Record<string, unknown[][]>): Promise<XlsxWorkbookPort> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return XlsxWorkbookPort.open(new Uint8Array(await wb.xlsx.writeBuffer()));
}

async function reopen(port: XlsxWorkbookPort): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(port.toBytes()) as never);
  return wb;
}

const cfRules = (ws: ExcelJS.Worksheet) => (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae?: string[] }[] }[] })
  .conditionalFormattings.flatMap((cf) => cf.rules.map((r) => ({ ref: cf.ref, formula: r.formulae?.[0] ?? '' })));

const SERIAL = (iso: string) => isoToExcelSerial(iso);

describe('template: the next follow-up column', () => {
  it.each([['zh-CN', '客户台账', '最近联系日期', '下次跟进日期'], ['en-US', 'Customers', 'Last contact', 'Next follow-up']] as const)(
    '%s (simulator): beside the last contact, a date rule, a date format and one overdue rule after two runs',
    async (locale, sheetName, lastHeader, nextHeader) => {
      const { host, port } = simWith({ Sheet1: [['hello']] });
      await installTemplate(ctxFor(port, locale));
      await installTemplate(ctxFor(port, locale));
      const s = host.workbook.sheet(sheetName);
      const header = s.values()[0]!;
      const col = header.indexOf(nextHeader);
      expect(col).toBe(header.indexOf(lastHeader) + 1);
      const letter = String.fromCharCode(65 + col);
      const rule = host.workbook.validations.find((v) => v.sheet === sheetName && v.addresses.some((a) => a.endsWith(`!${letter}2:${letter}1001`)));
      expect(rule?.type).toMatch(/^date$/i);
      expect(s.cell(`${letter}2`).numberFormat).toBe('yyyy-mm-dd');
      const overdue = host.workbook.conditionalFormats.filter((c) => c.sheet === sheetName && /TODAY\(\)/.test(c.formula ?? ''));
      expect(overdue).toHaveLength(1);
      expect(overdue[0]!.formula).toContain(`$${letter}2`);
      expect(overdue[0]!.fill).toBe(OVERDUE_STYLE.fill);
      // The rule paints a date already past, and neither a blank nor a later date.
      s.seed(`${letter}2`, [[SERIAL('2026-11-01')], [SERIAL('2026-12-30')]]);
      expect(s.cell(`${letter}2`).conditionalFill).toBe(OVERDUE_STYLE.fill);
      expect(s.cell(`${letter}3`).conditionalFill).toBeNull();
      expect(s.cell(`${letter}4`).conditionalFill).toBeNull();
    });

  it.each([['zh-CN', '下次跟进日期'], ['en-US', 'Next follow-up']] as const)('%s (.xlsx): header, date validation, date format, overdue rule', async (locale, nextHeader) => {
    const port = await xlsxOf({ Sheet1: [['hello']] });
    const { sheet } = await installTemplate(ctxFor(port, locale));
    const wb = await reopen(port);
    const ws = wb.getWorksheet(sheet)!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf(nextHeader) + 1;
    expect(col).toBeGreaterThan(0);
    const cell = ws.getRow(2).getCell(col);
    expect(cell.dataValidation?.type).toBe('date');
    expect(cell.numFmt).toBe('yyyy-mm-dd');
    const letter = String.fromCharCode(64 + col);
    expect(cfRules(ws).filter((r) => r.formula.includes('TODAY()') && r.formula.includes(`$${letter}2`))).toHaveLength(1);
  });
});

describe('an existing ledger: 回访日期 is the next follow-up, overdue marked once', () => {
  const rows = (dates: boolean) => [
    ['客户名称', '手机', '累计消费金额', '最近联系日期', '回访日期'],
    ['张伟', '13800138000', 5000, dates ? SERIAL('2026-10-01') : '2026-10-01', dates ? SERIAL('2026-11-10') : '2026-11-10'],
    ['李娜', '13900139001', 800, dates ? SERIAL('2026-10-05') : '2026-10-05', dates ? SERIAL('2026-12-03') : '2026-12-03'],
    ['王芳', '13700137002', 1200, dates ? SERIAL('2026-10-09') : '2026-10-09', dates ? SERIAL('2026-11-24') : '2026-11-24'],
    ['刘洋', '13600136003', 300, dates ? SERIAL('2026-10-12') : '2026-10-12', null],
    ['陈静', '13500135004', 2600, dates ? SERIAL('2026-10-15') : '2026-10-15', dates ? SERIAL('2027-01-05') : '2027-01-05'],
    ['杨勇', '13400134005', 450, dates ? SERIAL('2026-10-20') : '2026-10-20', dates ? SERIAL('2026-11-30') : '2026-11-30'],
  ];

  it('simulator: compute tiers twice, rows added between → one overdue rule on the 回访日期 column', async () => {
    const { host, port } = simWith({ 客户: rows(true) });
    await computeTiers(ctxFor(port));
    host.workbook.sheet('客户').seed('A8', [['周敏', '13300133006', 700, SERIAL('2026-10-22'), SERIAL('2026-11-02')]]);
    await computeTiers(ctxFor(port));
    const overdue = host.workbook.conditionalFormats.filter((c) => c.sheet === '客户' && /TODAY\(\)/.test(c.formula ?? ''));
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.formula).toContain('$E2');
    const s = host.workbook.sheet('客户');
    expect(s.cell('E2').conditionalFill).toBe(OVERDUE_STYLE.fill);
    expect(s.cell('E3').conditionalFill).toBeNull();
    expect(s.cell('E5').conditionalFill).toBeNull();
    expect(s.cell('E8').conditionalFill).toBe(OVERDUE_STYLE.fill);
  });

  it('.xlsx: compute tiers twice → one overdue rule', async () => {
    const port = await xlsxOf({ 客户: rows(false).map((r, i) => (i === 0 ? r : r.map((v, c) => (c >= 3 && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v)))) });
    await computeTiers(ctxFor(port));
    await computeTiers(ctxFor(port));
    const ws = (await reopen(port)).getWorksheet('客户')!;
    expect(cfRules(ws).filter((r) => r.formula.includes('TODAY()') && r.formula.includes('$E2'))).toHaveLength(1);
  });

  it('a ledger without a follow-up column gets no overdue rule', async () => {
    const { host, port } = simWith({ 客户: rows(true).map((r) => r.slice(0, 4)) });
    await computeTiers(ctxFor(port));
    expect(host.workbook.conditionalFormats.filter((c) => /TODAY\(\)/.test(c.formula ?? ''))).toEqual([]);
  });
});
