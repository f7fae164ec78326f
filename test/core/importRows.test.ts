import { analyzeSheet } from '../../src/core/analyze';
import { ImportError, planImport } from '../../src/core/importRows';
import { cellText } from '../../src/core/text';
import { sampleValues } from '../helpers/simLedger';

const SETTINGS = { region: 'CN', asOf: '2026-11-22' };

async function ledger() {
  const { sheet, values } = await sampleValues('customers-zh');
  const report = analyzeSheet({ sheet, values, settings: SETTINGS });
  return { values, report, width: values[report.headerRow - 1]!.length };
}

describe('planImport', () => {
  it('classifies incoming rows as new, the same as a ledger row, or a repeat within the import', async () => {
    const l = await ledger();
    const phoneCol = (await import('../../src/core/columns')).columnIndex(l.report.columns.phone!);
    const nameCol = (await import('../../src/core/columns')).columnIndex(l.report.columns.name!);
    // A customer of the ledger with a valid mobile, typed another way in the incoming list.
    const known = l.report.rows.find((r) => r.duplicateGroup === null && r.phone?.status === 'valid' && r.phone.e164?.startsWith('+861'))!;
    const knownName = cellText(l.values[known.row - 1]![nameCol]);
    const digits = known.phone!.e164!.slice(3);
    const spaced = `${digits.slice(0, 3)} ${digits.slice(3, 7)} ${digits.slice(7)}`;
    expect(cellText(l.values[known.row - 1]![phoneCol])).not.toBe(spaced);
    const incoming = [
      ['展会名单 2026', null, null], // a title row above the header
      ['姓名', '联系电话', '微信'],
      [knownName, spaced, 'wx1'],
      ['新客户甲', '13512345678', 'wx2'],
      ['新客户甲', '135-1234-5678', null],
      [null, null, null],
    ];
    const plan = planImport(l, incoming, SETTINGS);
    expect(plan.mapped.map((m) => [m.field, m.from])).toEqual(expect.arrayContaining([['name', '姓名'], ['phone', '联系电话']]));
    expect(plan.rows.map((r) => [r.source, r.kind, r.match])).toEqual([
      [3, 'same', known.row], [4, 'new', null], [5, 'repeat', 4],
    ]);
    expect(plan.rows[0]!.reasons.length).toBeGreaterThan(0);
    // Laid out in the ledger's columns: the phone lands in the ledger's phone column.
    expect(plan.rows[1]!.cells[phoneCol]).toBe('13512345678');
    expect(plan.rows[1]!.cells).toHaveLength(l.width);
  });

  it('refuses a list with no header, or with no column in common', async () => {
    const l = await ledger();
    expect(() => planImport(l, [[1, 2], [3, 4]], SETTINGS)).toThrow(ImportError);
    try {
      planImport(l, [['Favourite colour', 'Shoe size'], ['red', 42]], SETTINGS);
      throw new Error('no refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(ImportError);
      expect((err as ImportError).code).toMatch(/no-header|no-common-columns/);
    }
  });
});
