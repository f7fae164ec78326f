/**
 * Import and export as the pane runs them (src/addin), over the simulated Excel: a picked file (GBK CSV,
 * an .xlsx with a cover sheet, a wrong type) read into rows, an import previewed without a write then
 * applied with the user's choices after a backup, and the ledger exported as a CRM file.
 */
import ExcelJS from 'exceljs';
import { readImportFile, runExport, runImport, runImportPreview } from '../../src/addin/runAction';
import { IncomingFileError } from '../../src/addin/incomingFile';
import { LEDGER, paneHost } from '../taskpane/paneHost';

jest.setTimeout(60_000);

/** 姓名,电话,邮箱 / 张伟,138 0013 8000,zw@qq.com — in GBK, as Chinese Excel saves a CSV. */
function gbkCsv(): Uint8Array {
  const gbk: Record<string, number[]> = { 姓: [0xd0, 0xd5], 名: [0xc3, 0xfb], 电: [0xb5, 0xe7], 话: [0xbb, 0xb0], 邮: [0xd3, 0xca], 箱: [0xcf, 0xe4], 张: [0xd5, 0xc5], 伟: [0xce, 0xb0] };
  const text = '姓名,电话,邮箱\r\n张伟,138 0013 8000,zw@qq.com\r\n';
  return Uint8Array.from([...text].flatMap((ch) => gbk[ch] ?? [...Buffer.from(ch)]));
}

async function xlsxWithCover(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Cover').addRows([['Trade fair 2026'], ['Prepared by Ann']]);
  wb.addWorksheet('Leads').addRows([
    ['Name', 'Mobile', 'Email'],
    ['Dee Ma', '13700137000', 'dee@163.com'],
    ['Ann Lee', '138 0013 8000', 'ann@qq.com'],
  ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const clients = (t: ReturnType<typeof paneHost>) => t.sim.workbook.sheet('Clients').values();

describe('import from a picked file', () => {
  it('reads a GBK CSV as Chinese Excel saves it', async () => {
    const f = await readImportFile(gbkCsv(), 'fair.csv');
    expect(f).toMatchObject({ sheet: null, encoding: 'gbk' });
    expect(f.rows[1]).toEqual(['张伟', '138 0013 8000', 'zw@qq.com']);
  });

  it('reads the customer-like sheet of an .xlsx, not its cover sheet', async () => {
    const f = await readImportFile(await xlsxWithCover(), 'fair.xlsx');
    expect(f.sheet).toBe('Leads');
    expect(f.rows.map((r) => r[0])).toEqual(['Name', 'Dee Ma', 'Ann Lee']);
  });

  it('refuses, in words, a legacy .xls, a renamed non-workbook and a file without rows', async () => {
    await expect(readImportFile(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0]), 'old.xls')).rejects.toMatchObject({ code: 'type' });
    await expect(readImportFile(new TextEncoder().encode('name,phone'), 'fake.xlsx')).rejects.toBeInstanceOf(IncomingFileError);
    await expect(readImportFile(new TextEncoder().encode('name,phone\r\n'), 'empty.csv')).rejects.toMatchObject({ code: 'no-customers' });
  });

  it('previews without writing, then imports with the choices: new added, a known customer skipped when asked, a backup first', async () => {
    const t = paneHost({ Clients: LEDGER });
    const { rows } = await readImportFile(await xlsxWithCover(), 'fair.xlsx');
    const before = clients(t).map((r) => [...r]);
    const sheetsBefore = t.sim.workbook.sheetNames();
    const preview = await runImportPreview(t.host, 'en-US', rows);
    expect(clients(t)).toEqual(before); // a preview writes nothing
    expect(t.sim.workbook.sheetNames()).toEqual(sheetsBefore);
    const kinds = Object.fromEntries(preview.plan.rows.map((r) => [r.cells[0], r.kind]));
    expect(kinds).toEqual({ 'Dee Ma': 'new', 'Ann Lee': 'same' });
    const ann = preview.plan.rows.find((r) => r.cells[0] === 'Ann Lee')!;
    expect(ann.match).toBe(2); // the ledger's first Ann Lee, sheet row 2

    const done = await runImport(t.host, 'en-US', { incoming: rows, choices: { [ann.source]: 'skip' } });
    expect(done.added).toBe(1);
    expect(done.updated).toBe(0);
    const after = clients(t);
    expect(after.slice(0, before.length).map((r) => r.slice(0, 7))).toEqual(before); // nothing of the ledger changed
    expect(after.filter((r) => r[0] === 'Dee Ma')).toHaveLength(1);
    expect(done.backupSheet).not.toBeNull();
    expect(t.sim.workbook.sheetNames()).toContain(done.backupSheet);
  });
});

describe('export for a CRM', () => {
  it('writes the Zoho layout with E.164 phones and a BOM, names the file after the sheet, and writes nothing', async () => {
    const t = paneHost({ Clients: LEDGER });
    const before = clients(t).map((r) => [...r]);
    const out = await runExport(t.host, 'en-US', 'zoho');
    expect(out).toMatchObject({ sheet: 'Clients', format: 'zoho', fileName: 'Clients-zoho.csv', count: LEDGER.length - 1 });
    expect(out.text.charCodeAt(0)).toBe(0xfeff);
    const lines = out.text.slice(1).trim().split(/\r?\n/);
    expect(lines).toHaveLength(LEDGER.length);
    expect(lines[1]).toContain('+8613800138000');
    expect(clients(t)).toEqual(before);
  });

  it('a vCard per customer; a sheet name with " < > | (Excel allows them) still gives a file name the OS accepts', async () => {
    const t = paneHost({ 'Clients "VIP" <A|B>': LEDGER });
    const out = await runExport(t.host, 'zh-CN', 'vcard');
    expect(out.fileName).toBe('Clients _VIP_ _A_B_.vcf');
    expect(out.text.match(/BEGIN:VCARD/g)).toHaveLength(LEDGER.length - 1);
  });
});
