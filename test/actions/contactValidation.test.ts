/**
 * Warning-style validation on the user's own phone and email cells: Excel questions a bad entry with
 * the pane closed, refuses nothing, and a rule the user made is never replaced (sim and .xlsx).
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { checkContacts, type ActionContext } from '../../src/actions';
import { contactValidationOp, emailRuleFormula, phoneRuleFormula, MAX_VALIDATION_FORMULA } from '../../src/actions/contactValidation';
import { XlsxWorkbookPort } from '../../src/workbook/xlsx/xlsxPort';
import { simWith } from '../helpers/simLedger';

const ctxFor = (port: ActionContext['port'], locale: 'zh-CN' | 'en-US' = 'en-US'): ActionContext => ({ port, locale, now: new Date('2026-11-23T09:00:00Z'), settings: { asOf: '2026-11-22', region: 'CN' } });

const ledger = (): unknown[][] => [
  ['Name', 'Mobile', 'Email'],
  ['Ann', '13800138000', 'ann@qq.com'],
  ['Bob', '138 0013 8001', 'bob@qq.com'],
  ['Cat', '12345', 'cat@qq.con'],
];

type Sim = ReturnType<typeof simWith>;
const rulesOn = (sim: Sim, sheet: string) => sim.host.workbook.validations.filter((v) => v.sheet === sheet);

/** Whether Excel would take `value` in `cell` without a question, by the sim's evaluation of the rule there. */
async function accepts(sim: Sim, cell: string, value: unknown): Promise<boolean> {
  sim.host.workbook.sheet('Clients').seed(cell, [[value]]);
  let valid = false;
  await sim.host.Excel.run(async (context) => {
    const dv = context.workbook.worksheets.getItem('Clients').getRange(cell).dataValidation;
    dv.load('valid');
    await context.sync();
    valid = dv.valid;
  });
  return valid;
}

describe('the rules Excel evaluates', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = simWith({ Clients: ledger() });
    await checkContacts(ctxFor(sim.port));
  });

  it.each<[unknown, boolean]>([
    ['13800138000', true], ['+86 138-0013-8000', true], ['(0571) 8888-6666', true], [13800138000, true],
    ['1234567', true], ['123456789012345', true], ['', true], ['   ', true],
    ['12345', false], ['1234567890123456', false], ['abc', false], ['138.0013.8000', false], ['1e10', false],
    ['1,380,013,800', false], ['138 0013 800o', false], ['13800138000%', false],
  ])('phone %j → %s', async (value, ok) => {
    expect(await accepts(sim, 'B4', value)).toBe(ok);
  });

  it.each<[unknown, boolean]>([
    ['a@b.com', true], [' a@b.com ', true], ['', true],
    ['ab.com', false], ['a@@b.com', false], ['a@b', false], ['a b@c.com', false], ['a@.com', false], ['a@b@c.com', false],
  ])('email %j → %s', async (value, ok) => {
    expect(await accepts(sim, 'C4', value)).toBe(ok);
  });

  it('fits in Excel’s 255 characters even at the last cell of the sheet', () => {
    expect(phoneRuleFormula('XFD1048576').length).toBeLessThanOrEqual(MAX_VALIDATION_FORMULA);
    expect(emailRuleFormula('XFD1048576').length).toBeLessThanOrEqual(MAX_VALIDATION_FORMULA);
  });
});

describe('on the simulator', () => {
  it("reports a range's rules as Excel does: one type, MixedCriteria (some cells), Inconsistent (different rules)", async () => {
    const sim = simWith({ Clients: ledger() });
    const types: string[] = [];
    await sim.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      ws.getRange('B2:B3').dataValidation.rule = { custom: { formula: '=LEN(B2)>0' } };
      ws.getRange('B4').dataValidation.rule = { list: { inCellDropDown: true, source: 'a,b' } };
      const probes = ['B2:B3', 'B2:B5', 'B2:B4', 'C2:C4'].map((a) => ws.getRange(a).dataValidation.load('type'));
      await context.sync();
      types.push(...probes.map((p) => p.type));
    });
    expect(types).toEqual(['Custom', 'MixedCriteria', 'Inconsistent', 'None']);
  });

  it('writes one warning rule per contact column where none was, and a rerun keeps it one', async () => {
    const sim = simWith({ Clients: ledger() });
    await checkContacts(ctxFor(sim.port));
    const rules = rulesOn(sim, 'Clients');
    expect(rules.map((r) => r.addresses)).toEqual([['Clients!B2:B4'], ['Clients!C2:C4']]);
    for (const r of rules) expect(r.errorAlert).toMatchObject({ style: 'Warning', showAlert: true });
    await checkContacts(ctxFor(sim.port, 'zh-CN')); // a Chinese pane: the English ledger keeps its English rules
    const again = rulesOn(sim, 'Clients');
    expect(again.map((r) => r.addresses)).toEqual([['Clients!B2:B4'], ['Clients!C2:C4']]);
    expect(again.map((r) => (r.errorAlert as { title: string }).title)).toEqual(['Ledger check: phone', 'Ledger check: email']);
    // Either language's title is the add-in's own, so a rule written in the other language is replaced, not kept as the user's.
    const op = contactValidationOp('phone', 'Clients', 1, 1, 3, 'zh-CN') as { keepOther?: { ownTitles: readonly string[] } };
    expect(op.keepOther?.ownTitles).toEqual(expect.arrayContaining(['台账检查：电话', 'Ledger check: phone']));
  });

  it("keeps the user's own list rule on the email column, and their stop rule over part of the phones", async () => {
    const sim = simWith({ Clients: ledger() });
    await sim.host.Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Clients');
      const email = ws.getRange('C2:C4').dataValidation;
      email.rule = { list: { inCellDropDown: true, source: 'ann@qq.com,bob@qq.com,cat@qq.con' } };
      email.errorAlert = { showAlert: true, style: 'Stop', title: 'Pick one', message: 'From the list' };
      const phone = ws.getRange('B3').dataValidation;
      phone.rule = { custom: { formula: '=LEN(B3)>0' } };
      await context.sync();
    });
    const before = JSON.stringify(rulesOn(sim, 'Clients'));
    await checkContacts(ctxFor(sim.port));
    expect(JSON.stringify(rulesOn(sim, 'Clients'))).toBe(before);
  });

  it('refuses nothing: bad values still go in, and the alert only asks', async () => {
    const sim = simWith({ Clients: ledger() });
    await checkContacts(ctxFor(sim.port));
    await sim.port.apply({ description: 'typed', ops: [{ op: 'writeBlock', sheet: 'Clients', row: 1, col: 1, values: [['not a phone', 'not an email']] }] });
    expect(sim.host.workbook.sheet('Clients').values()[1]!.slice(1, 3)).toEqual(['not a phone', 'not an email']);
    expect(await accepts(sim, 'B2', 'not a phone')).toBe(false); // questioned, as a warning
  });
});

describe('on an .xlsx file', () => {
  async function file(withUserRule: boolean): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Clients');
    for (const r of ledger()) ws.addRow(r);
    if (withUserRule) {
      ws.getCell('C2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"ann@qq.com,bob@qq.com"'], errorTitle: 'Mine', showErrorMessage: true };
    }
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  async function validationsOf(bytes: Uint8Array): Promise<Record<string, { type: string; errorStyle?: string; errorTitle?: string }>> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const model = (wb.getWorksheet('Clients')! as unknown as { dataValidations: { model: Record<string, { type: string; errorStyle?: string; errorTitle?: string }> } }).dataValidations.model;
    return model;
  }

  /** The <dataValidation> elements of the sheet as saved: sqref, error title and style. */
  function rawRules(bytes: Uint8Array): { sqref: string; title: string; style: string }[] {
    const xml = strFromU8(unzipSync(bytes)['xl/worksheets/sheet1.xml']!);
    return [...xml.matchAll(/<dataValidation\b([^>]*)>/g)].map((m) => ({
      sqref: /sqref="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
      title: /errorTitle="([^"]*)"/.exec(m[1]!)?.[1] ?? '',
      style: /errorStyle="([^"]*)"/.exec(m[1]!)?.[1] ?? 'stop',
    }));
  }

  it('writes the warning rules where none are, once, however often it runs', async () => {
    const port = XlsxWorkbookPort.open(await file(false));
    await checkContacts(ctxFor(port));
    await checkContacts(ctxFor(port, 'zh-CN'));
    expect(rawRules(port.toBytes())).toEqual([
      { sqref: 'B2:B4', title: 'Ledger check: phone', style: 'warning' },
      { sqref: 'C2:C4', title: 'Ledger check: email', style: 'warning' },
    ]);
    // Another reader sees the rule on every cell of the column.
    expect((await validationsOf(port.toBytes())).C3).toMatchObject({ type: 'custom', errorStyle: 'warning' });
  });

  it("leaves the email column alone when one of its cells has the user's rule", async () => {
    const port = XlsxWorkbookPort.open(await file(true));
    await checkContacts(ctxFor(port));
    const rules = rawRules(port.toBytes());
    expect(rules).toContainEqual({ sqref: 'C2', title: 'Mine', style: 'stop' });
    expect(rules.filter((r) => r.title.startsWith('Ledger check'))).toEqual([{ sqref: 'B2:B4', title: 'Ledger check: phone', style: 'warning' }]);
    expect((await validationsOf(port.toBytes())).C2).toMatchObject({ type: 'list', errorTitle: 'Mine' });
  });
});
