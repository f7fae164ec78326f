/**
 * A protected sheet (clear refusal, nothing written anywhere), files that are not workbooks, and user
 * text that starts with =, +, - or @ written back by the add-in (it must stay text, never a formula).
 */
import * as fs from 'node:fs';
import JSZip from 'jszip';
import { checkContacts, findDuplicates } from '../../src/actions';
import { seedSim, seedXlsx, smallLedger, type Cell } from './cells';
import {
  ACTION_NAMES, cleanTemp, cli, ctxFor, expectCliOk, expectCliRefusal, expectUserError, runEach, simSnapshot, simWorkbook,
  tempFile, xlsxSnapshot, xlsxWorkbook,
} from './harness';
import { columnLetter } from '../../src/core/columns';
import { worksheetValues } from '../helpers/exceljsRead';

afterAll(cleanTemp);

describe('a protected customer sheet', () => {
  it('sim: every action refuses with a clear message, and no sheet, cell, rule or setting was written', async () => {
    const { host, port } = simWorkbook({});
    host.workbook.addSheet('客户信息');
    seedSim(host, '客户信息', smallLedger());
    host.workbook.addSheet('说明').seed('A1', [['内部资料']]);
    host.workbook.sheet('客户信息').protect('secret');
    const before = simSnapshot(host);
    const out = await runEach(port, () => simSnapshot(host));
    for (const name of ACTION_NAMES) expectUserError(out[name], /protected.*Unprotect Sheet.*Nothing was changed/);
    expect(out.checkContacts.ok ? null : out.checkContacts.error.name).toBe('WorkbookError');
    expect(simSnapshot(host)).toEqual(before);
    // With the fixes asked for (which would first make a backup sheet) it is refused all the same.
    expectUserError(await checkContacts(ctxFor(port), { fixPhones: true }).then((value) => ({ ok: true as const, value }), (error: Error) => ({ ok: false as const, error })), /protected/);
    expect(simSnapshot(host)).toEqual(before);
    // Unprotected, the same action works.
    host.workbook.sheet('客户信息').unprotect();
    await checkContacts(ctxFor(port));
    expect(host.workbook.sheet('客户信息').values()[0]).toContain('电话检查');
  });

  it('xlsx: the same; the CLI exits 2 with one line and writes no file', async () => {
    const { port, file } = await xlsxWorkbook(async (w) => {
      const ws = w.addWorksheet('客户信息');
      seedXlsx(ws, smallLedger());
      await ws.protect('secret', {});
    });
    const before = xlsxSnapshot(port);
    const out = await runEach(port, () => xlsxSnapshot(port));
    for (const name of ACTION_NAMES) expectUserError(out[name], /protected.*Nothing was changed/);
    expect(xlsxSnapshot(port)).toEqual(before);
    expect((await port.listSheets()).map((w) => w.name)).toEqual(['客户信息']);
    await expectCliRefusal(file, /protected/);
  });
});

describe('files that are not workbooks', () => {
  const cases: [string, () => Promise<string>][] = [
    ['a text file named .xlsx', async () => { const f = tempFile('text.xlsx'); fs.writeFileSync(f, '姓名,电话\n张三,13800138000\n'); return f; }],
    ['an empty file', async () => { const f = tempFile('empty.xlsx'); fs.writeFileSync(f, ''); return f; }],
    ['a zip that is not a workbook', async () => {
      const zip = new JSZip();
      zip.file('readme.txt', 'hello');
      const f = tempFile('other.xlsx');
      fs.writeFileSync(f, await zip.generateAsync({ type: 'nodebuffer' }));
      return f;
    }],
    ['a truncated workbook', async () => {
      const { file } = await xlsxWorkbook((w) => seedXlsx(w.addWorksheet('客户信息'), smallLedger()));
      const bytes = fs.readFileSync(file);
      const f = tempFile('truncated.xlsx');
      fs.writeFileSync(f, bytes.subarray(0, Math.floor(bytes.length / 2)));
      return f;
    }],
    ['a folder', async () => { const f = tempFile('folder.xlsx'); fs.mkdirSync(f); return f; }],
    ['a missing file', async () => tempFile('missing.xlsx')],
  ];
  it.each(cases)('%s: apply and analyze exit 2 with one line', async (_label, make) => {
    const file = await make();
    await expectCliRefusal(file);
    const r = await cli(['analyze', file]);
    expect({ code: r.code, lines: r.err.trim().split('\n').length, out: r.out }).toEqual({ code: 2, lines: 1, out: '' });
    expect(r.err).not.toMatch(/internal error|\n\s+at /);
  });
});

describe('user text starting with =, +, - or @ written back by the add-in stays text', () => {
  const HOSTILE = ['=HYPERLINK("http://evil.example","点我")', '+86 请勿外传', '-5 折扣', '@SUM(1+1)', '=1+1'];
  const rows = (): Cell[][] => {
    const r = smallLedger();
    // Rows 2 and 6 are the same 张三 (same mobile): archiving moves one of them, notes and all.
    for (const i of [1, 5]) {
      r[i]![7] = HOSTILE[0]!;
      r[i]![1] = HOSTILE[4]!;
    }
    r[2]![7] = HOSTILE[1]!;
    r[3]![7] = HOSTILE[2]!;
    r[4]![7] = HOSTILE[3]!;
    return r;
  };

  it('sim: archived rows, fixed phones: the written cells hold text and no formula', async () => {
    const { host, port } = simWorkbook({});
    host.workbook.addSheet('客户信息');
    seedSim(host, '客户信息', rows());
    await checkContacts(ctxFor(port), { fixPhones: true, phoneStyle: 'e164' });
    const s = host.workbook.sheet('客户信息');
    expect(s.cell('C3').value).toBe('+8613900139000');
    expect(s.cell('C3').formula).toBeNull();
    const summary = await findDuplicates(ctxFor(port), { archive: true });
    expect(summary.archived).toHaveLength(1);
    const archive = host.workbook.sheet(summary.archiveSheet!);
    const archived = archive.values();
    const rowIndex = archived.findIndex((r) => r[0] === '张三') + 1;
    const row = archived[rowIndex - 1]!;
    expect(row[7]).toBe(HOSTILE[0]);
    expect(row[1]).toBe(HOSTILE[4]);
    for (const col of ['B', 'H']) expect(archive.cell(`${col}${rowIndex}`).formula).toBeNull();
    // No cell anywhere in the workbook holds a formula made of user text.
    for (const name of host.workbook.sheetNames()) {
      const sheet = host.workbook.sheet(name);
      sheet.values().forEach((r, i) => r.forEach((_, c) => {
        const f = sheet.cell(`${columnLetter(c)}${i + 1}`).formula;
        if (f !== null) expect(f).not.toMatch(/HYPERLINK|^=1\+1$|SUM\(1\+1\)|请勿外传|折扣/);
      }));
    }
    // The user's own cells that stayed (rows moved up by one) are still text.
    const names = s.values().map((r) => r[0]);
    for (const [name, text] of [['李四', HOSTILE[1]], ['王五', HOSTILE[2]], ['赵六', HOSTILE[3]]] as const) {
      const at = `H${names.indexOf(name) + 1}`;
      expect(s.cell(at).value).toBe(text);
      expect(s.cell(at).formula).toBeNull();
    }
  });

  it('xlsx + CLI: the archive sheet holds the same texts as strings, not formulas', async () => {
    const { file } = await xlsxWorkbook((w) => seedXlsx(w.addWorksheet('客户信息'), rows()));
    const { wb } = await expectCliOk(file, ['--archive-duplicates', '--fix-phones', '--phone-style', 'e164']);
    const archive = wb.worksheets.find((w) => /归档|Archive/.test(w.name))!;
    const values = worksheetValues(archive);
    const row = values.find((r) => r[0] === '张三')!;
    expect(row[7]).toBe(HOSTILE[0]);
    expect(row[1]).toBe(HOSTILE[4]);
    const customers = worksheetValues(wb.getWorksheet('客户信息')!);
    const lisi = customers.find((r) => r[0] === '李四')!;
    expect(lisi[7]).toBe(HOSTILE[1]);
    expect(lisi[2]).toBe('+8613900139000');
  });
});

describe('the Office.js adapter refuses a PivotTable Excel would refuse, before writing anything', () => {
  const plan = (source: string, header: string | null) => ({
    description: '',
    ops: [
      { op: 'addSheet' as const, name: '汇总' },
      { op: 'writeBlock' as const, sheet: '汇总', row: 0, col: 0, values: [['标题']] },
      ...(header === null ? [] : [{ op: 'writeBlock' as const, sheet: 'S', row: 0, col: 2, values: [[header]] }]),
      { op: 'pivot' as const, sheet: '汇总', name: 'P', source: { sheet: 'S', address: source }, destination: 'A3', rows: ['a'], columns: [], values: [{ field: 'b', summarizeBy: 'count' as const }] },
    ],
  });
  it.each([
    ['a source with no data row', 'A1:B1', null, /no data rows/],
    ['a source column without a header', 'A1:C3', null, /column C .*no header/],
  ])('%s', async (_label, source, header, pattern) => {
    const { host, port } = simWorkbook({ S: [['a', 'b'], ['x', 1], ['y', 2]] });
    const before = simSnapshot(host);
    const outcome = await port.apply(plan(source, header)).then((value) => ({ ok: true as const, value }), (error: Error) => ({ ok: false as const, error }));
    expectUserError(outcome, pattern);
    expect(simSnapshot(host)).toEqual(before);
  });
  it("counts the plan's own header writes before the pivot", async () => {
    const { host, port } = simWorkbook({ S: [['a', 'b'], ['x', 1], ['y', 2]] });
    await port.apply(plan('A1:C3', 'c'));
    expect(host.workbook.pivots.map((p) => p.name)).toEqual(['P']);
  });
});
