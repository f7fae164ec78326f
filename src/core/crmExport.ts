/**
 * Handing the ledger over to a CRM: contact rows in the import layouts of Zoho CRM and HubSpot (their
 * standard field labels, which their import tools map without help), and vCards for phones. Phones go
 * out in E.164 where the check found them valid, as typed otherwise. Pure: text out, the caller writes it.
 */
import { columnIndex } from './columns';
import type { FieldId } from './fields';
import type { Report } from './report';
import { cellText } from './text';

export const CRM_FORMATS = ['zoho', 'hubspot', 'vcard'] as const;
export type CrmFormat = (typeof CRM_FORMATS)[number];

/** One customer as a CRM sees it. */
export interface CrmContact {
  firstName: string;
  lastName: string;
  company: string;
  email: string;
  phone: string;
  address: string;
  city: string;
  postcode: string;
  owner: string;
  source: string;
  notes: string;
  title: string;
}

type ContactKey = keyof CrmContact;

/**
 * Column labels of each CRM's contact import, in the order written. Zoho CRM: Contacts module (Last Name
 * is its one required field); HubSpot: default contact properties.
 */
export const CRM_COLUMNS: Record<'zoho' | 'hubspot', readonly [string, ContactKey][]> = {
  zoho: [
    ['First Name', 'firstName'], ['Last Name', 'lastName'], ['Account Name', 'company'], ['Title', 'title'],
    ['Email', 'email'], ['Mobile', 'phone'], ['Mailing Street', 'address'], ['Mailing City', 'city'],
    ['Mailing Zip', 'postcode'], ['Contact Owner', 'owner'], ['Lead Source', 'source'], ['Description', 'notes'],
  ],
  hubspot: [
    ['First Name', 'firstName'], ['Last Name', 'lastName'], ['Company Name', 'company'], ['Job Title', 'title'],
    ['Email', 'email'], ['Mobile Phone Number', 'phone'], ['Street Address', 'address'], ['City', 'city'],
    ['Postal Code', 'postcode'], ['Contact owner', 'owner'], ['Original Source Drill-Down 1', 'source'], ['Notes', 'notes'],
  ],
};

/** Two-character Chinese surnames: the rest of a 3–4 character name is the given name. */
const COMPOUND_SURNAMES = new Set(['欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '宇文', '司徒', '夏侯', '令狐', '端木', '独孤', '南宫', '西门', '呼延', '轩辕']);
const HAN = /^\p{Script=Han}+$/u;

/** A full name as given + family name: 张伟 → 伟 / 张, 欧阳娜娜 → 娜娜 / 欧阳, "Ann B. Lee" → "Ann B." / "Lee". */
export function splitName(full: string): { firstName: string; lastName: string } {
  const name = full.trim().replace(/\s+/g, ' ');
  if (!name) return { firstName: '', lastName: '' };
  if (HAN.test(name)) {
    if (name.length === 1) return { firstName: '', lastName: name };
    const surname = name.length >= 3 && COMPOUND_SURNAMES.has(name.slice(0, 2)) ? name.slice(0, 2) : name.slice(0, 1);
    return { firstName: name.slice(surname.length), lastName: surname };
  }
  // "Lee, Ann": the family name is written first.
  const comma = name.indexOf(',');
  if (comma > 0) return { firstName: name.slice(comma + 1).trim(), lastName: name.slice(0, comma).trim() };
  const parts = name.split(' ');
  if (parts.length === 1) return { firstName: '', lastName: name };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1]! };
}

/** Contacts from the ledger's values and its report (rows the analysis counted as customers). */
export function crmContacts(values: readonly (readonly unknown[])[], report: Pick<Report, 'columns' | 'rows'>): CrmContact[] {
  const colOf = (field: FieldId): number | null => {
    const letter = report.columns[field];
    return letter ? columnIndex(letter) : null;
  };
  const cols = {} as Record<FieldId, number | null>;
  for (const f of ['name', 'firstName', 'lastName', 'company', 'email', 'phone', 'address', 'region', 'postcode', 'owner', 'channel', 'notes', 'title'] as const) cols[f] = colOf(f);
  return report.rows.map((r) => {
    const cells = values[r.row - 1] ?? [];
    const text = (f: FieldId) => (cols[f] === null ? '' : cellText(cells[cols[f]!]).trim());
    const split = splitName(text('name'));
    const phone = r.phone?.status === 'valid' && r.phone.e164 ? r.phone.e164 : text('phone');
    const email = r.email && r.email.status !== 'invalid' && r.email.normalized ? r.email.normalized : text('email');
    return {
      firstName: text('firstName') || (text('lastName') ? '' : split.firstName),
      lastName: text('lastName') || (text('firstName') ? '' : split.lastName),
      company: text('company'), email, phone, address: text('address'), city: text('region'), postcode: text('postcode'),
      owner: text('owner'), source: text('channel'), notes: text('notes'), title: text('title'),
    };
  });
}

/**
 * A CSV field. Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading
 * apostrophe — except an E.164 number, which no spreadsheet runs and the CRM needs as it is.
 */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^\+\d{6,15}$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text for a CRM: UTF-8 with a byte-order mark (Excel then reads Chinese right), CRLF line ends. */
export function crmCsv(contacts: readonly CrmContact[], format: 'zoho' | 'hubspot'): string {
  const columns = CRM_COLUMNS[format];
  const lines = [columns.map(([label]) => csvField(label)).join(',')];
  for (const c of contacts) lines.push(columns.map(([, key]) => csvField(c[key])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** vCard 3.0 text value: backslash, comma, semicolon and line breaks escaped (RFC 2426). */
function vcardText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Bytes = (ch: string) => { const c = ch.codePointAt(0)!; return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; };

/** Lines longer than 75 octets are folded (CRLF + space), never inside a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of line) {
    const n = utf8Bytes(ch);
    if (bytes + n > 75) {
      out.push(current);
      current = ' ';
      bytes = 1;
    }
    current += ch;
    bytes += n;
  }
  out.push(current);
  return out.join('\r\n');
}

/** One vCard 3.0 per contact that has a name, phone or email. */
export function crmVcards(contacts: readonly CrmContact[]): string {
  const cards: string[] = [];
  for (const c of contacts) {
    if (!c.firstName && !c.lastName && !c.phone && !c.email) continue;
    const han = HAN.test(c.lastName + c.firstName);
    const full = han ? `${c.lastName}${c.firstName}` : [c.firstName, c.lastName].filter(Boolean).join(' ');
    const lines = ['BEGIN:VCARD', 'VERSION:3.0',
      `N:${vcardText(c.lastName)};${vcardText(c.firstName)};;;`,
      `FN:${vcardText(full || c.company || c.phone || c.email)}`];
    if (c.company) lines.push(`ORG:${vcardText(c.company)}`);
    if (c.title) lines.push(`TITLE:${vcardText(c.title)}`);
    if (c.phone) lines.push(`TEL;TYPE=CELL:${vcardText(c.phone)}`);
    if (c.email) lines.push(`EMAIL;TYPE=INTERNET:${vcardText(c.email)}`);
    if (c.address || c.city || c.postcode) lines.push(`ADR;TYPE=WORK:;;${vcardText(c.address)};${vcardText(c.city)};;${vcardText(c.postcode)};`);
    if (c.notes) lines.push(`NOTE:${vcardText(c.notes)}`);
    lines.push('END:VCARD');
    cards.push(lines.map(fold).join('\r\n'));
  }
  return cards.length ? `${cards.join('\r\n')}\r\n` : '';
}
