/** The pipeline with region 'auto': the report says which region it used and why; local numbers still find duplicates. */
import { analyzeSheet } from '../../src/core/analyze';
import { ReportSchema } from '../../src/core/report';

const US_LEDGER = [
  ['Name', 'Company', 'Phone', 'Email'],
  ['Ann Lee', 'Acme Inc.', '(415) 555-0123', 'ann@acme.com'],
  ['Bob Stone', 'Stone LLC', '(212) 555-0187', 'bob@stone.com'],
  ['Cy Park', 'Park & Co', '415-555-2671', 'cy@park.com'],
  ['Di Moss', 'Moss Ltd', '(650) 253-0000', 'di@moss.com'],
];

function analyze(values: unknown[][], settings: unknown, language?: string) {
  return analyzeSheet({ sheet: 'S', values, settings: { asOf: '2026-11-22', ...(settings as object) }, today: '2026-11-22', language });
}

describe('analyze with region auto', () => {
  it('reads an English US ledger as US: (415) 555-0123 is +14155550123, not +864155550123', () => {
    const report = analyze(US_LEDGER, {}, 'en-US');
    expect(report.region).toBe('US');
    expect(report.regionSource).toBe('auto');
    expect(report.rows[0]!.phone).toMatchObject({ status: 'valid', e164: '+14155550123' });
    expect(report.rows.every((r) => r.phone?.e164?.startsWith('+1'))).toBe(true);
    expect(() => ReportSchema.parse(report)).not.toThrow();
  });

  it('a region the user chose is used as it is', () => {
    const report = analyze(US_LEDGER, { region: 'CN' }, 'en-US');
    expect(report.region).toBe('CN');
    expect(report.regionSource).toBe('setting');
  });

  it('7-digit local numbers are incomplete, completed by the area code setting', () => {
    const values = [['Name', 'Phone'], ['Ann Lee', '555-0123'], ['Bob Stone', '362 8910']];
    const plain = analyze(values, {}, 'en-US');
    expect(plain.region).toBe('US');
    expect(plain.rows.map((r) => r.phone?.status)).toEqual(['incomplete', 'incomplete']);
    expect(plain.counts.phone.incomplete).toBe(2);
    const completed = analyze(values, { areaCode: '415' }, 'en-US');
    expect(completed.areaCode).toBe('415');
    expect(completed.rows.map((r) => r.phone?.e164)).toEqual(['+14155550123', '+14153628910']);
  });

  it('7-digit local numbers still identify: same name and the same local digits are one customer', () => {
    const values = [
      ['Name', 'Phone'],
      ['Ann Lee', '555-0123'],
      ['Bob Stone', '362-8910'],
      ['Ann Lee', '555 0123'],
      ['Ann Lee', '555-0199'],
    ];
    const report = analyze(values, {}, 'en-US');
    expect(report.duplicateGroups.map((g) => g.rows)).toEqual([[2, 4]]);
  });
});
