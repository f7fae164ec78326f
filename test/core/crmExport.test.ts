import fc from 'fast-check';
import { analyzeSheet } from '../../src/core/analyze';
import { crmContacts, crmCsv, crmVcards, splitName, CRM_COLUMNS } from '../../src/core/crmExport';

/** A small RFC 4180 reader, to prove what the writer writes reads back field for field. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; } else field += ch;
  }
  return rows;
}

describe('splitName', () => {
  it.each([
    ['张伟', '伟', '张'], ['欧阳娜娜', '娜娜', '欧阳'], ['王', '', '王'], ['Ann Lee', 'Ann', 'Lee'],
    ['Ann B. Lee', 'Ann B.', 'Lee'], ['Lee, Ann', 'Ann', 'Lee'], ['  ', '', ''],
  ])('%s → %s / %s', (full, first, last) => {
    expect(splitName(full)).toEqual({ firstName: first, lastName: last });
  });
});

const LEDGER = [
  ['客户名称', '手机', '邮箱', '公司', '地址', '备注'],
  ['张伟', '138 0013 8000', 'ZW@QQ.com', '瑞丰制造有限公司', '西湖区文三路 1 号', '要发票, 月结'],
  ['欧阳娜娜', '12345', 'bad@', '=HYPERLINK("http://x")', '', '-5 折'],
];

describe('crmCsv and crmVcards', () => {
  const report = analyzeSheet({ sheet: '客户', values: LEDGER, settings: { region: 'CN', asOf: '2026-11-22' } });
  const contacts = crmContacts(LEDGER, report);

  it('writes Zoho and HubSpot layouts with a BOM, E.164 phones and tidy emails, reading back field for field', () => {
    for (const format of ['zoho', 'hubspot'] as const) {
      const csv = crmCsv(contacts, format);
      expect(csv.startsWith('\uFEFF')).toBe(true);
      const rows = parseCsv(csv.slice(1));
      expect(rows[0]).toEqual(CRM_COLUMNS[format].map(([label]) => label));
      const at = (r: number, label: string) => rows[r]![rows[0]!.indexOf(label)];
      expect(at(1, 'First Name')).toBe('伟');
      expect(at(1, 'Last Name')).toBe('张');
      expect(at(1, 'Email')).toBe('zw@qq.com');
      expect(at(1, format === 'zoho' ? 'Mobile' : 'Mobile Phone Number')).toBe('+8613800138000');
      expect(at(1, format === 'zoho' ? 'Description' : 'Notes')).toBe('要发票, 月结');
      // An invalid number goes as typed; nothing a spreadsheet would run goes as a formula.
      expect(at(2, format === 'zoho' ? 'Mobile' : 'Mobile Phone Number')).toBe('12345');
      expect(at(2, format === 'zoho' ? 'Account Name' : 'Company Name')).toBe('\'=HYPERLINK("http://x")');
      expect(at(2, format === 'zoho' ? 'Description' : 'Notes')).toBe('\'-5 折');
    }
  });

  it('writes vCard 3.0 with escaped text and lines folded within 75 bytes, never inside a character', () => {
    const vcf = crmVcards(contacts);
    expect(vcf.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(vcf).toContain('N:张;伟;;;\r\nFN:张伟\r\n');
    expect(vcf).toContain('TEL;TYPE=CELL:+8613800138000');
    expect(vcf).toContain('NOTE:要发票\\, 月结');
    const long = crmVcards([{ ...contacts[0]!, notes: '很长的备注'.repeat(30) }]);
    for (const line of long.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const unfolded = long.replace(/\r\n /g, '');
    expect(unfolded).toContain(`NOTE:${'很长的备注'.repeat(30)}`);
  });

  it('any text survives the CSV round trip (apart from the formula guard)', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const contact = { ...contacts[0]!, notes: text };
      const rows = parseCsv(crmCsv([contact], 'zoho').slice(1));
      const got = rows[1]![CRM_COLUMNS.zoho.findIndex(([, k]) => k === 'notes')]!;
      expect(got === text || got === `'${text}`).toBe(true);
      if (/^[=+\-@\t\r]/.test(text) && !/^\+\d{6,15}$/.test(text)) expect(got).toBe(`'${text}`);
    }));
  });
});
