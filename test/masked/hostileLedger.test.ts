/**
 * "Nothing lost, nothing leaked — on workbooks we did not make": the masked copy of a ledger full of
 * traps (hidden and very hidden sheets, notes holding phones and emails, traditional-Chinese headers,
 * Contact and Login columns of addresses, a hidden column, the add-in's own E.164 column left behind
 * when the settings sheet was deleted, phones stored as numbers) is a workbook of its own, and no part
 * of its package holds anything unmasked. The user's workbook is not touched.
 */
import { checkContacts, exportMasked } from '../../src/actions';
import { createSimHost, type SimHost } from '../../src/sim';
import { ExcelWorkbookPort } from '../../src/workbook/excel/excelPort';
import { ctxFor, NOW } from '../hostile/harness';
import { column, packageParts, readCopy } from './created';

const HEADER = ['客户姓名', '公司名称', '联系电话', '电子邮箱', '備用電話', '電郵', '手機', '傳真', '聯絡電話', 'Contact', 'Login', '备注', '内部备注',
  '购买次数', '累计消费金额', '最近购买日期'];
const ROWS: unknown[][] = [
  ['张三', '北京华信科技有限公司', 13800138000, 'zhangsan@qq.com', '13911112222', 'zs.private@163.com', '15012345678', '010-62345678',
    '+86 186 2222 3333', 'zhang.contact@acme.cn', 'zhangsan.login@corp.com', '老客户，手机 13700001111，邮箱 zs.note@gmail.com',
    '身份证 110101199003074578 私人手机 15000001111', 3, 125644, 46000],
  ['李四', '上海鼎盛贸易有限公司', '139 0013 9000', 'lisi88@163.com', '(0755)8888-1234', 'lisi.backup@sina.com', 13612345678, '021-61234567',
    '13533334444', 'li.contact@beta.cn', 'lisi.login@corp.com', '周末别打 136-6666-7777', '欠款客户 lisi.debt@foxmail.com', 1, 800, 45500],
  ['王五', '广州新锐餐饮有限公司', '+86 186-1234-5678', 'wangwu.boss@sina.com', null, null, '18899990000', null,
    '0086 13422223333', 'wang.contact@gamma.cn', 'wangwu.login@corp.com', '2025-12-09 来电，合同金额 1234567.89 元', '内线 17711112222', 5, 56000, 46300],
  ['赵六', '深圳恒通物流有限公司', 18612340000, 'zhaoliu.sz@qq.com', '+852 9123 4567', 'zhaoliu.hk@yahoo.com.hk', null, '0755-26661234',
    null, 'zhao.contact@delta.cn', 'zhaoliu.login@corp.com', null, null, 0, null, null],
];

/** Every phone and email a shared copy must not reveal: the last 8 digits of each number, each address's local part. */
function secrets(): { digits: string[]; locals: string[] } {
  const texts = ROWS.flat().filter((v) => typeof v === 'string' || (typeof v === 'number' && v > 1e9)).map(String);
  texts.push('18800001111', 'veryhidden.boss@qq.com', 'hidden.sheet@qq.com');
  const digits = new Set<string>();
  const locals = new Set<string>();
  for (const t of texts) {
    for (const m of t.match(/[+(\d][\d\s\-()]{6,}\d/g) ?? []) {
      const d = m.replace(/\D/g, '');
      if (d.length >= 9 && !/^20\d{6}$/.test(d)) digits.add(d.slice(-8));
    }
    for (const m of t.match(/[\w.]+(?=@)/g) ?? []) locals.add(m);
  }
  return { digits: [...digits], locals: [...locals] };
}

async function hostileWorkbook(options: { requirementSets?: Record<string, string> } = {}): Promise<{ host: SimHost; port: ExcelWorkbookPort }> {
  const host = createSimHost({ now: () => NOW, ...options });
  host.workbook.addSheet('客户信息').seed('A1', [HEADER, ...ROWS]);
  host.workbook.addSheet('内部').seed('A1', [['内部联系人', '说明'], ['18800001111', 'hidden.sheet@qq.com']]);
  host.workbook.addSheet('vh').seed('A1', [['veryhidden.boss@qq.com']]);
  const port = new ExcelWorkbookPort(host as never);
  // The add-in checked the contacts once (its columns, E.164 among them, registered on its settings sheet)…
  if (!options.requirementSets) await checkContacts(ctxFor(port));
  await host.Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    // …then the user deleted the settings sheet, hid a column and two sheets.
    if (!options.requirementSets) sheets.getItem('台账设置').delete();
    sheets.getItem('客户信息').getRange('M:M').columnHidden = true;
    sheets.getItem('内部').visibility = 'Hidden';
    sheets.getItem('vh').visibility = 'VeryHidden';
    await context.sync();
  });
  return { host, port };
}

/** Names, values, formulas, hidden columns and visibility of every sheet: what the export must leave as it was. */
function snapshot(host: SimHost) {
  const wb = host.workbook;
  return wb.sheetNames().map((n) => {
    const s = wb.sheet(n);
    return { n, values: s.values(), formulas: s.formulas(), hidden: s.hiddenColumns(), visibility: host.workbook.model.sheet(n)!.visibility };
  });
}

/** The one workbook the export handed to Excel, as its package parts (path → text). */
function createdParts(host: SimHost): Record<string, string> {
  const created = host.createdWorkbooks();
  expect(created).toHaveLength(1);
  return packageParts(created[0]!);
}

const createdSheet = (host: SimHost) => readCopy(host.createdWorkbooks()[0]!);

describe('the masked copy of a hostile ledger', () => {
  it('is a new workbook; no part of its package holds a phone or an address of the ledger; the user\'s workbook is unchanged', async () => {
    const { host, port } = await hostileWorkbook();
    const before = snapshot(host);
    const summary = await exportMasked(ctxFor(port));
    expect(snapshot(host)).toEqual(before);
    const parts = createdParts(host);
    expect(Object.keys(parts).sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml',
      'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    const { digits, locals } = secrets();
    expect(digits.length).toBeGreaterThanOrEqual(16); // 22 numbers; some share their last 8 digits
    expect(locals.length).toBeGreaterThanOrEqual(19);
    for (const [path, text] of Object.entries(parts)) {
      for (const d of digits) if (text.includes(d)) throw new Error(`${path} holds the digits ${d}`);
      for (const l of locals) if (text.includes(l)) throw new Error(`${path} holds the address ${l}@…`);
    }
    // Not a single formula, no other sheet, nothing about who made it.
    expect(parts['xl/worksheets/sheet1.xml']).not.toMatch(/<f[ >]/);
    expect(parts['xl/workbook.xml']!.match(/<sheet /g)).toHaveLength(1);
    expect(summary).toMatchObject({ sheet: '客户信息', rows: 4, opened: true, fileName: '客户信息（脱敏）.xlsx', maskedSheet: '客户信息（脱敏）', leftOut: { hidden: ['M'] } });
  });

  it('masks the traditional-Chinese contact headers, the Contact and Login columns, the notes, phones stored as numbers and our own E.164 column', async () => {
    const { host, port } = await hostileWorkbook();
    await exportMasked(ctxFor(port));
    const { values } = await createdSheet(host);
    expect(values[0]).not.toContain('内部备注');
    expect(column(values, '联系电话')).toEqual(['138****8000', '139****9000', '186****5678', '186****0000']);
    expect(column(values, '備用電話')).toEqual(['139****2222', '755****1234', null, '+852 ******67']);
    expect(column(values, '電郵')).toEqual(['z***@163.com', 'l***@sina.com', null, 'z***@yahoo.com.hk']);
    expect(column(values, '手機')).toEqual(['150****5678', '136****5678', '188****0000', null]);
    expect(column(values, '傳真')).toEqual(['********78', '********67', null, '755****1234']);
    expect(column(values, '聯絡電話')).toEqual(['186****3333', '135****4444', '134****3333', null]);
    expect(column(values, 'Contact')).toEqual(['z***@acme.cn', 'l***@beta.cn', 'w***@gamma.cn', 'z***@delta.cn']);
    expect(column(values, 'Login')).toEqual(['z***@corp.com', 'l***@corp.com', 'w***@corp.com', 'z***@corp.com']);
    expect(column(values, '备注')).toEqual(['老客户，手机 137****1111，邮箱 z***@gmail.com', '周末别打 136****7777', '2025-12-09 来电，合同金额 1234567.89 元', null]);
    expect(column(values, '标准号码')).toEqual(['138****8000', '139****9000', '186****5678', '186****0000']);
  });

  it('copies counts, amounts and dates as they are: they are not phones', async () => {
    const { host, port } = await hostileWorkbook();
    await exportMasked(ctxFor(port));
    const { values, ws } = await createdSheet(host);
    expect(column(values, '购买次数')).toEqual([3, 1, 5, 0]);
    expect(column(values, '累计消费金额')).toEqual([125644, 800, 56000, null]);
    const dates = column(values, '最近购买日期');
    expect(dates.slice(0, 3).map((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d))).toEqual(['2025-12-09', '2024-07-27', '2026-10-05']);
    const dateCol = (values[0] as unknown[]).indexOf('最近购买日期') + 1;
    expect(ws.getCell(2, dateCol).numFmt).toBe('yyyy-mm-dd');
    expect(column(values, '客户姓名')).toEqual(['张三', '李四', '王五', '赵六']);
  });

  it('refuses on an Excel below the add-in\'s minimum (ExcelApi 1.7: no Excel.createWorkbook either), in plain words, changing nothing', async () => {
    const { host, port } = await hostileWorkbook({ requirementSets: { ExcelApi: '1.7' } });
    const before = snapshot(host);
    await expect(exportMasked(ctxFor(port))).rejects.toMatchObject({ name: 'WorkbookError', code: 'unsupported', detail: 'excel-too-old' });
    expect(snapshot(host)).toEqual(before);
    expect(host.createdWorkbooks()).toEqual([]);
  });
});
