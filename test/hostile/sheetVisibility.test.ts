/**
 * Hidden and very hidden customer sheets: a backup or an archive of one is as hidden as the sheet it
 * copies (a very hidden sheet's rows never surface on a visible tab), the listing says how hidden each
 * sheet is, and no plan trips Excel's rule that one sheet must stay visible.
 */
import { buildSummary, checkContacts, findDuplicates } from '../../src/actions';
import { seedSim, seedXlsx, smallLedger } from './cells';
import { cleanTemp, ctxFor, simWorkbook, xlsxWorkbook } from './harness';

afterAll(cleanTemp);

type SimVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

function sim(customerVisibility: SimVisibility) {
  const c = simWorkbook({});
  seedSim(c.host, '说明', [['说明']]);
  seedSim(c.host, '客户', smallLedger());
  c.host.workbook.model.sheet('客户')!.visibility = customerVisibility;
  const visibility = (name: string) => c.host.workbook.model.sheet(name)!.visibility;
  return { ...c, visibility };
}

describe('listSheets says how hidden a sheet is', () => {
  it('sim: visible, hidden, very hidden', async () => {
    const c = simWorkbook({});
    for (const n of ['A', 'B', 'C']) seedSim(c.host, n, [['x']]);
    c.host.workbook.model.sheet('B')!.visibility = 'Hidden';
    c.host.workbook.model.sheet('C')!.visibility = 'VeryHidden';
    const sheets = await c.port.listSheets();
    expect(sheets.map((s) => [s.name, s.visibility, s.visible])).toEqual([['A', 'visible', true], ['B', 'hidden', false], ['C', 'veryHidden', false]]);
  });

  it('xlsx: visible, hidden, very hidden', async () => {
    const { port } = await xlsxWorkbook((wb) => {
      seedXlsx(wb.addWorksheet('A'), [['x']]);
      seedXlsx(wb.addWorksheet('B', { state: 'hidden' }), [['x']]);
      seedXlsx(wb.addWorksheet('C', { state: 'veryHidden' }), [['x']]);
    });
    const sheets = await port.listSheets();
    expect(sheets.map((s) => [s.name, s.visibility, s.visible])).toEqual([['A', 'visible', true], ['B', 'hidden', false], ['C', 'veryHidden', false]]);
  });
});

describe('backups keep the visibility of the sheet they copy (sim, Office.js adapter)', () => {
  for (const v of ['Hidden', 'VeryHidden', 'Visible'] as const) {
    it(`a ${v} customer sheet gets a ${v} backup`, async () => {
      const c = sim(v);
      const r = await checkContacts(ctxFor(c.port), { fixPhones: true });
      expect(r.backupSheet).not.toBeNull();
      expect(c.visibility(r.backupSheet!)).toBe(v);
      expect(c.visibility('客户')).toBe(v);
    });
  }

  it('the archive of a very hidden customer sheet is very hidden too, and so is its backup', async () => {
    const c = sim('VeryHidden');
    const r = await findDuplicates(ctxFor(c.port), { archive: true });
    expect(r.archived.length).toBeGreaterThan(0);
    expect(c.visibility(r.backupSheet!)).toBe('VeryHidden');
    expect(c.visibility(r.archiveSheet!)).toBe('VeryHidden');
  });

  it('the archive of a hidden customer sheet is hidden', async () => {
    const c = sim('Hidden');
    const r = await findDuplicates(ctxFor(c.port), { archive: true });
    expect(c.visibility(r.archiveSheet!)).toBe('Hidden');
  });
});

describe('backups keep the visibility of the sheet they copy (xlsx)', () => {
  for (const state of ['hidden', 'veryHidden'] as const) {
    it(`a ${state} customer sheet gets a ${state} backup and archive`, async () => {
      const x = await xlsxWorkbook((w) => {
        seedXlsx(w.addWorksheet('说明'), [['说明']]);
        seedXlsx(w.addWorksheet('客户', { state }), smallLedger());
      });
      const r = await findDuplicates(ctxFor(x.port), { archive: true });
      const wb = await x.refresh();
      expect(wb.getWorksheet(r.backupSheet!)!.state).toBe(state);
      expect(wb.getWorksheet(r.archiveSheet!)!.state).toBe(state);
    });
  }
});

describe('Excel keeps one sheet visible: no plan trips it', () => {
  it('sim: rebuilding the summary when it is the only visible sheet (the customer list is hidden)', async () => {
    const c = sim('Hidden');
    const first = await buildSummary(ctxFor(c.port));
    // The user hides the settings sheet and deletes the notes: our summary is the only visible sheet.
    for (const n of c.host.workbook.sheetNames()) if (n !== first.summarySheet && n !== '说明') c.host.workbook.model.sheet(n)!.visibility = 'Hidden';
    c.host.workbook.model.deleteSheet(c.host.workbook.model.sheet('说明')!);
    const second = await buildSummary(ctxFor(c.port));
    expect(c.visibility(second.summarySheet)).toBe('Visible');
    expect(c.host.workbook.sheetNames().filter((n) => n.startsWith(first.summarySheet.replace(/ \(\d+\)$/, '')))).toHaveLength(1);
  });
});
