/** @jest-environment jsdom */
/**
 * Import and export in the pane (issue 18): a picked CSV previewed as new / already in the ledger, one
 * row left out by the user, the import confirmed in words and applied after a backup with the ledger's
 * own cells untouched; a legacy .xls refused in words; the ledger exported as a Zoho CSV download.
 */
import { TextDecoder } from 'node:util';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Pane } from '../../src/taskpane/Pane';
import { paneStrings } from '../../src/i18n/pane';
import { card, expand } from './dom';
import { LEDGER, paneHost } from './paneHost';

jest.setTimeout(60_000);

// jsdom leaves out TextDecoder, which every browser and WebView the pane runs in has (the CSV reader decodes with it).
(globalThis as { TextDecoder?: unknown }).TextDecoder ??= TextDecoder;

const en = paneStrings('en-US');

async function ready() {
  await screen.findByText(/header on row 1, 4 customers/, undefined, { timeout: 20_000 });
}

/** Dee and Eve are new; Ann Lee (same mobile, spaced) is row 2 of the ledger. File rows: header 1, Dee 2, Ann 3, Eve 4. */
const CSV = 'Name,Mobile,Email\r\nDee Ma,13700137000,dee@163.com\r\nAnn Lee,138 0013 8000,ann@qq.com\r\nEve Xu,13600136000,eve@163.com\r\n';

function pickFile(region: HTMLElement, file: File, s = en) {
  const input = within(region).getByLabelText(s.importFileLabel) as HTMLInputElement;
  expect(input.type).toBe('file');
  fireEvent.change(input, { target: { files: [file] } });
}

const blobText = (blob: Blob): Promise<string> => new Promise((resolve, reject) => {
  const reader = new FileReader();
  reader.onload = () => resolve(reader.result as string);
  reader.onerror = () => reject(reader.error);
  reader.readAsText(blob);
});

describe('bring in a list', () => {
  it('previews, lets one row be left out, and imports only the new rows below the ledger after a backup', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const before = t.sim.workbook.sheet('Clients').values().map((r) => [...r]);
    const sheetsBefore = t.sim.workbook.sheetNames();
    const region = await expand(card(en.importTitle));
    pickFile(region, new File([CSV], 'fair.csv', { type: 'text/csv' }));

    const fresh = await within(region).findByRole('region', { name: 'New customers (2)' }, { timeout: 20_000 });
    const known = within(region).getByRole('region', { name: 'Already in the ledger (1)' });
    expect(within(fresh).getByText(/^Dee Ma/)).toBeTruthy();
    expect(within(fresh).getByText(/^Eve Xu/)).toBeTruthy();
    expect(within(known).getByText(/^Ann Lee/)).toBeTruthy();
    // The known customer links to its ledger row, and defaults to filling its blanks (the engine's default).
    expect(within(known).getByRole('button', { name: 'Go to row 2' })).toBeTruthy();
    expect((within(known).getByRole('combobox', { name: /row 3 of the file/ }) as HTMLSelectElement).value).toBe('update');
    expect(within(region).getByRole('list', { name: en.importMapped }).textContent).toMatch(/Mobile → Mobile/);
    // The preview wrote nothing.
    expect(t.sim.workbook.sheet('Clients').values()).toEqual(before);
    expect(t.sim.workbook.sheetNames()).toEqual(sheetsBefore);

    await userEvent.selectOptions(within(fresh).getByRole('combobox', { name: /row 4 of the file/ }), 'skip');
    await userEvent.click(within(region).getByRole('button', { name: en.importRun }));
    const confirm = within(region).getByRole('region', { name: en.importConfirmTitle });
    expect(confirm.textContent).toContain('First a backup of "Clients" is made.');
    expect(confirm.textContent).toContain('1 new customer is added below the ledger.');
    expect(confirm.textContent).toContain('1 row of the file is left out.');
    await userEvent.click(within(confirm).getByRole('button', { name: en.confirm }));

    await within(region).findByText(/^Added 1 customer, after a backup in "/, undefined, { timeout: 20_000 });
    const after = t.sim.workbook.sheet('Clients').values();
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(0, before.length).map((r) => r.slice(0, before[0]!.length))).toEqual(before);
    expect(after[before.length]!.slice(0, 3)).toEqual(['Dee Ma', expect.anything(), 'dee@163.com']);
    expect(after.some((r) => r[0] === 'Eve Xu')).toBe(false);
    const backups = t.sim.workbook.sheetNames().filter((n) => !sheetsBefore.includes(n));
    expect(backups.length).toBeGreaterThanOrEqual(1);
    const backup = backups.find((n) => region.textContent!.includes(`"${n}"`));
    expect(backup).toBeDefined();
    expect(t.sim.workbook.sheet(backup!).values().slice(0, before.length)).toEqual(before);
    // The pane read the workbook again: five customers now.
    await screen.findByText(/header on row 1, 5 customers/, undefined, { timeout: 20_000 });
  });

  it('brings in another sheet of this workbook (a list pasted in): previewed, then imported; the pasted sheet is left as it was', async () => {
    const pasted = [['Name', 'Mobile', 'Email'], ['Dee Ma', '13700137000', 'dee@163.com'], ['Ann Lee', '138 0013 8000', 'ann@qq.com']];
    const t = paneHost({ Clients: LEDGER, Pasted: pasted });
    render(<Pane host={t.host} />);
    await ready();
    const before = t.sim.workbook.sheet('Clients').values().map((r) => [...r]);
    const region = await expand(card(en.importTitle));
    const choose = within(region).getByRole('combobox', { name: en.importSheetLabel }) as HTMLSelectElement;
    expect([...choose.options].map((o) => o.value)).toEqual(['', 'Pasted']); // not the customer sheet itself
    await userEvent.selectOptions(choose, 'Pasted');
    await within(region).findByRole('region', { name: 'New customers (1)' }, { timeout: 20_000 });
    expect(within(region).getByRole('region', { name: 'Already in the ledger (1)' })).toBeTruthy();
    expect(t.sim.workbook.sheet('Clients').values()).toEqual(before);
    await userEvent.click(within(region).getByRole('button', { name: en.importRun }));
    const confirm = within(region).getByRole('region', { name: en.importConfirmTitle });
    await userEvent.click(within(confirm).getByRole('button', { name: en.confirm }));
    await within(region).findByText(/^Added 1 customer/, undefined, { timeout: 20_000 });
    const after = t.sim.workbook.sheet('Clients').values();
    expect(after.slice(0, before.length).map((r) => r.slice(0, before[0]!.length))).toEqual(before);
    expect(after.filter((r) => r[0] === 'Dee Ma')).toHaveLength(1);
    expect(t.sim.workbook.sheet('Pasted').values()).toEqual(pasted);
  });

  it('shows a long list 20 rows a kind at a time; rows not shown yet keep their default choice', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const lines = Array.from({ length: 25 }, (_, i) => `Lead ${i + 1},1370013${String(7000 + i)},lead${i + 1}@163.com`);
    const region = await expand(card(en.importTitle));
    pickFile(region, new File([['Name,Mobile,Email', ...lines].join('\r\n')], 'fair.csv'));
    const fresh = await within(region).findByRole('region', { name: 'New customers (25)' }, { timeout: 20_000 });
    expect(within(fresh).getAllByRole('combobox')).toHaveLength(20);
    await userEvent.click(within(region).getByRole('button', { name: en.importRun }));
    expect(within(region).getByRole('region', { name: en.importConfirmTitle }).textContent).toContain('25 new customers are added below the ledger.');
    await userEvent.click(within(fresh).getByRole('button', { name: 'Show 5 more' }));
    expect(within(fresh).getAllByRole('combobox')).toHaveLength(25);
    expect(within(fresh).queryByRole('button', { name: /^Show \d+ more$/ })).toBeNull();
  });

  it('refuses a legacy .xls in words and writes nothing', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const sheetsBefore = t.sim.workbook.sheetNames();
    const region = await expand(card(en.importTitle));
    pickFile(region, new File([Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0])], 'old.xls'));
    expect((await within(region).findByRole('alert', undefined, { timeout: 20_000 })).textContent).toBe(en.errors.type);
    expect(t.sim.workbook.sheetNames()).toEqual(sheetsBefore);
  });
});

describe('one thing at a time, in the user’s language', () => {
  it('the import and export buttons wait while another action runs', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const pick = within(card(en.importTitle)).getByRole('button', { name: en.importPick }) as HTMLButtonElement;
    const exportButton = within(card(en.exportTitle)).getByRole('button', { name: en.exportRun }) as HTMLButtonElement;
    expect([pick.disabled, exportButton.disabled]).toEqual([false, false]);
    t.hold();
    await userEvent.click(within(card('Compute tiers')).getByRole('button', { name: 'Compute tiers' }));
    await waitFor(() => expect(card('Compute tiers').getAttribute('aria-busy')).toBe('true'));
    expect([pick.disabled, exportButton.disabled]).toEqual([true, true]);
    act(() => t.release());
    await waitFor(() => expect(pick.disabled).toBe(false), { timeout: 20_000 });
    expect(exportButton.disabled).toBe(false);
  });

  it('says in Chinese why a file cannot be brought in: no customer header, or no column the ledger has', async () => {
    const zh = paneStrings('zh-CN');
    const t = paneHost({ Clients: LEDGER }, { displayLanguage: 'zh-CN' });
    render(<Pane host={t.host} />);
    await screen.findByText(/表头在第 1 行/, undefined, { timeout: 20_000 });
    const region = await expand(card(zh.importTitle));
    pickFile(region, new File(['Colour,Size\r\nred,XL\r\nblue,M\r\n'], 'stock.csv'), zh);
    expect((await within(region).findByRole('alert', undefined, { timeout: 20_000 })).textContent).toBe(zh.errors['no-header']);
    // The ledger has no gender or industry column: a list of only those has nothing to bring.
    pickFile(region, new File(['性别,行业\r\n男,制造\r\n女,零售\r\n'], 'extra.csv'), zh);
    await waitFor(() => expect(within(region).getByRole('alert').textContent).toBe(zh.errors['no-common-columns']), { timeout: 20_000 });
    expect(t.sim.workbook.sheetNames()).toEqual(['Clients']);
  });
});

describe('export for a CRM', () => {
  const created: Blob[] = [];
  const clicked: { download: string; href: string }[] = [];
  beforeEach(() => {
    created.length = 0;
    clicked.length = 0;
    // jsdom has no object URLs and does not follow links: the Blob and the link are caught here.
    Object.assign(URL, {
      createObjectURL: jest.fn((b: Blob) => { created.push(b); return `blob:test/${created.length}`; }),
      revokeObjectURL: jest.fn(),
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.getAttribute('href')! });
    });
  });
  afterEach(() => jest.restoreAllMocks());

  it('downloads the Zoho CSV named after the sheet, with E.164 phones, and says what it exported', async () => {
    const t = paneHost({ Clients: LEDGER });
    render(<Pane host={t.host} />);
    await ready();
    const before = t.sim.workbook.sheet('Clients').values().map((r) => [...r]);
    const region = await expand(card(en.exportTitle));
    expect(region.textContent).toContain(en.exportHelp.zoho);
    await userEvent.click(within(region).getByRole('button', { name: en.exportRun }));
    await within(region).findByText('Exported 4 customers to Clients-zoho.csv.', undefined, { timeout: 20_000 });
    expect(clicked).toEqual([{ download: 'Clients-zoho.csv', href: 'blob:test/1' }]);
    expect(created[0]!.type).toMatch(/^text\/csv/);
    const text = await blobText(created[0]!);
    expect(text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toMatch(/^First Name,Last Name,Account Name,.*Mobile/);
    expect(text).toContain('+8613800138000');
    expect(t.sim.workbook.sheet('Clients').values()).toEqual(before);

    await userEvent.selectOptions(within(region).getByRole('combobox', { name: en.exportFormat }), 'vcard');
    expect(region.textContent).toContain(en.exportHelp.vcard);
    await userEvent.click(within(region).getByRole('button', { name: en.exportRun }));
    await within(region).findByText('Exported 4 customers to Clients.vcf.', undefined, { timeout: 20_000 });
    expect(clicked[1]!.download).toBe('Clients.vcf');
    expect((await blobText(created[1]!)).match(/BEGIN:VCARD/g)).toHaveLength(4);
  });

  it('says when to move to a CRM from the ledger\'s own facts: not yet for four rows; three owners sharing one, in Chinese', async () => {
    const small = paneHost({ Clients: LEDGER });
    const { unmount } = render(<Pane host={small.host} />);
    await ready();
    const region = await expand(card(en.exportTitle));
    const when = within(region).getByRole('region', { name: en.crmWhenTitle });
    expect(when.textContent).toContain(en.crmNotYet);
    expect(when.textContent).toContain(en.crmHow);
    unmount();

    const zh = paneStrings('zh-CN');
    const owners = ['王经理', '李经理', '赵经理'];
    const rows = [['客户名称', '手机', '负责人'], ...Array.from({ length: 12 }, (_, i) => [`客户${i + 1}`, `1380013${String(8000 + i)}`, owners[i % 3]!])];
    const shared = paneHost({ 客户: rows }, { displayLanguage: 'zh-CN' });
    render(<Pane host={shared.host} />);
    const zhRegion = await expand(await screen.findByRole('region', { name: zh.exportTitle }, { timeout: 20_000 }));
    const zhWhen = await within(zhRegion).findByRole('region', { name: zh.crmWhenTitle }, { timeout: 20_000 });
    await within(zhWhen).findByText(zh.crmSignal.owners(3), undefined, { timeout: 20_000 });
    expect(zhWhen.textContent).not.toContain(zh.crmNotYet);
  });
});
