/**
 * Issue 18's capabilities, clicked through in the real task pane of the playground: bring in a CSV
 * (preview: who is new, who is already in the ledger; one row left out; confirmed), export for a CRM
 * (the download read back), put whom to call on a sheet, protect and unprotect, remove what the add-in
 * added and restore the backup that removal made. In zh-CN with the pane at 320 px and in en-US wide.
 * After each step the WORKBOOK is checked through window.ledgerPlayground and nothing in the pane may
 * stick out past its right edge. Screenshots: test-output/screenshots/finish-<locale>-<width>-NN-<step>.png.
 */
import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { CRM_COLUMNS } from '../../src/core/crmExport';
import { OWNED_COLUMNS, SHEETS } from '../../src/actions/names';
import { paneStrings, type PaneStrings } from '../../src/i18n/pane';
import { action, drive, isBackup, LEDGER, NARROW, PaneDriver, SHEET, WIDE, type Grid, type Layout } from './paneDriver';
import { openSession, type PlaygroundWindow, type Session } from './session';

type Playground = PlaygroundWindow['ledgerPlayground'] & { isProtected(sheet: string): boolean; hiddenRows(sheet: string): number[]; hiddenColumns(sheet: string): string[] };

// Two layouts keep the suite's runtime down: English at Excel's narrowest pane and Chinese wide (paneFlow
// runs the other two), so every language meets every width; LEDGER_BROWSER_LAYOUTS=all runs all four.
const LAYOUTS: Layout[] = [
  { locale: 'en-US', ...NARROW },
  { locale: 'zh-CN', ...WIDE },
  ...(process.env.LEDGER_BROWSER_LAYOUTS === 'all' ? [{ locale: 'zh-CN' as const, ...NARROW }, { locale: 'en-US' as const, ...WIDE }] : []),
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const digits = (v: unknown) => String(v ?? '').replace(/\D/g, '');
/** One CSV field, quoted when it holds a comma, a quote or a line break. */
const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A label built from a pane string with one part left open: "What to do with row 4 of the file (…)" whatever the gist. */
function around(build: (hole: string) => string, inside = '', { toEnd = true } = {}): RegExp {
  const [before, after] = build('\u0000').split('\u0000').map(escape);
  return new RegExp(`^${before}.*${escape(inside)}.*${after}${toEnd ? '$' : ''}`);
}

describe('issue 18 in the task pane, clicked through in the playground', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it.each(LAYOUTS)('$locale, pane $tag px: import, export, call list, protect, filter, remove and restore', async (layout) => {
    const started = Date.now();
    const flow = await drive(session, layout, (page) => new FinishFlow(page, paneStrings(layout.locale), layout));
    console.log(`${flow.prefix}: ${flow.timings.join(' · ')} · total ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(flow.overflow).toEqual([]);
    expect(flow.misworded).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.outside).toEqual([]);
  }, 240_000);
});

class FinishFlow extends PaneDriver {
  /** Lines of the pane that show an internal id where words belong. */
  readonly misworded: string[] = [];
  /** The customer sheet as loaded, values and formulas. */
  private original: Grid = [];
  private originalFormulas: Grid = [];

  constructor(page: Page, s: PaneStrings, layout: Layout) {
    super(page, s, layout, { shots: 'finish', confirmFits: true, pageScrollOverflows: false });
  }

  // ---- the workbook, read through window.ledgerPlayground --------------------------------------------

  private isProtected(sheet: string): Promise<boolean> {
    return this.page.evaluate((name) => (window as unknown as { ledgerPlayground: Playground }).ledgerPlayground.isProtected(name), sheet);
  }

  private hiddenRows(sheet: string): Promise<number[]> {
    return this.page.evaluate((name) => (window as unknown as { ledgerPlayground: Playground }).ledgerPlayground.hiddenRows(name), sheet);
  }

  private async everySheet(): Promise<Record<string, Grid>> {
    const out: Record<string, Grid> = {};
    for (const name of await this.sheetNames()) out[name] = await this.formulas(name);
    return out;
  }

  /** The rows as loaded are on the sheet, cell for cell (user's columns), at the same rows. */
  private async assertOriginalKept(step: string) {
    const now = this.user(await this.formulas(SHEET)).slice(0, this.original.length);
    expect([step, now]).toEqual([step, this.user(this.originalFormulas)]);
  }

  // ---- the steps --------------------------------------------------------------------------------------

  async run() {
    await this.loaded();
    await this.importList();
    await this.exportCrm();
    await this.callListSheet();
    await this.protectAndUnprotect();
    const backup = await this.removeAdded();
    await this.restore(backup);
  }

  private async loaded() {
    await this.page.waitForFunction((sheet) => (window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().includes(sheet), SHEET);
    await this.pane.getByRole('region', { name: this.s.mappingTitle }).waitFor();
    this.original = await this.values(SHEET);
    this.originalFormulas = await this.formulas(SHEET);
    this.width = this.original[0]!.length;
    expect(this.original.length).toBeGreaterThan(300);
    await this.page.getByText(this.s.sheetSummary(SHEET, 1, this.original.length - 1)).first().waitFor();
    this.since = Date.now();
  }

  /**
   * A CSV with one customer of the sample (a real row's name and phone) and two new ones: the preview
   * lists 2 new + 1 already in the ledger and writes nothing; one new row is left out; after "Go ahead"
   * exactly one row is appended below the ledger, every cell as loaded is as it was, and a backup was made.
   */
  private async importList() {
    const { s } = this;
    const header = this.original[0] as string[];
    const nameCol = header.indexOf('客户姓名');
    const phoneCol = header.indexOf('联系电话');
    expect([nameCol, phoneCol].every((c) => c >= 0)).toBe(true);
    const rows = this.original.slice(1);
    const count = (col: number, v: unknown, norm: (x: unknown) => string) => rows.filter((r) => norm(r[col]) === norm(v)).length;
    // A customer entered once (no duplicate in the sample to make the match ambiguous), with an 11-digit mobile.
    const known = rows.find((r) => String(r[nameCol] ?? '').trim() !== '' && /^1\d{10}$/.test(digits(r[phoneCol]))
      && count(nameCol, r[nameCol], (x) => String(x ?? '').trim()) === 1 && count(phoneCol, r[phoneCol], digits) === 1)!;
    expect(known).toBeDefined();
    const knownRow = rows.indexOf(known) + 2;
    const fresh = [{ name: '测试新客甲', phone: '13987650001', email: 'xinke.jia@example.cn' }, { name: '测试新客乙', phone: '13987650002', email: 'xinke.yi@example.cn' }];
    for (const f of fresh) expect([f.name, count(nameCol, f.name, String), count(phoneCol, f.phone, digits)]).toEqual([f.name, 0, 0]);
    // File rows: header 1, first new 2, the known customer 3, second new 4. The known row has no email, so
    // "fill its blanks" (the default for a match) has nothing to write.
    const csv = ['Name,Mobile,Email', ...[fresh[0]!, { name: String(known[nameCol]), phone: String(known[phoneCol]), email: '' }, fresh[1]!]
      .map((r) => [r.name, r.phone, r.email].map(csvCell).join(','))].join('\r\n');

    const sel = '[data-card="import"]';
    const card = this.card(sel);
    await card.waitFor();
    const names = await this.sheetNames();
    await card.getByLabel(s.importFileLabel, { exact: true }).setInputFiles({ name: 'fair.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    const newGroup = card.getByRole('region', { name: `${s.importKinds.new} (2)`, exact: true });
    const sameGroup = card.getByRole('region', { name: `${s.importKinds.same} (1)`, exact: true });
    await newGroup.waitFor({ timeout: 30_000 });
    await sameGroup.waitFor();
    await expect(card.getByRole('region', { name: new RegExp(`^(${escape(s.importKinds.possible)}|${escape(s.importKinds.repeat)}) `) }).count()).resolves.toBe(0);
    // Each row's select names the row of the file and its gist; the known one links to its ledger row.
    const choice = (row: number, name: string) => card.getByRole('combobox', { name: around((w) => s.importChoiceLabel(row, w), name) });
    await expect(newGroup.getByRole('combobox').count()).resolves.toBe(2);
    await expect(sameGroup.getByRole('combobox').count()).resolves.toBe(1);
    await expect(choice(2, fresh[0]!.name).inputValue()).resolves.toBe('add');
    await expect(choice(4, fresh[1]!.name).inputValue()).resolves.toBe('add');
    await sameGroup.getByRole('button', { name: s.goToRow(knownRow), exact: true }).waitFor();
    await expect(sameGroup.getByRole('combobox').getAttribute('aria-label')).resolves.toMatch(around((w) => s.importChoiceLabel(3, w), String(known[nameCol])));
    // The preview wrote nothing.
    expect(await this.sheetNames()).toEqual(names);
    await this.assertOriginalKept('import-preview');
    expect((await this.values(SHEET)).length).toBe(this.original.length);
    await this.after('import-preview', newGroup);

    await choice(4, fresh[1]!.name).selectOption('skip');
    const open = card.getByRole('button', { name: s.importRun, exact: true });
    await open.click();
    const panel = card.getByRole('region', { name: s.importConfirmTitle });
    await panel.waitFor();
    for (const line of [s.importAddLine(1), s.importSkipLine(1)]) await panel.getByText(line, { exact: true }).waitFor();
    await open.click(); // closed again: the confirmed() below opens it as a user would
    await this.confirmed(sel, s.importRun, s.importConfirmTitle, 'import');

    // Its line (the backup's name open), then a link to the first added row: the one below the ledger.
    const done = card.getByRole('status').filter({ hasText: around((b) => s.importDone(1, 0, 0, b), '', { toEnd: false }) });
    await done.waitFor({ timeout: 30_000 });
    await done.getByRole('button', { name: s.goToRow(this.original.length + 1), exact: true }).waitFor();
    const made = (await this.sheetNames()).filter((n) => !names.includes(n));
    const backup = made.find(isBackup);
    expect([made, backup]).toEqual([made, expect.any(String)]);
    expect(await this.formulas(backup!)).toEqual(this.originalFormulas);
    const now = await this.values(SHEET);
    expect(now.length).toBe(this.original.length + 1);
    await this.assertOriginalKept('import');
    const added = now[this.original.length]!;
    expect([added[nameCol], digits(added[phoneCol]).slice(-11)]).toEqual([fresh[0]!.name, fresh[0]!.phone]);
    expect(now.some((r) => r[nameCol] === fresh[1]!.name)).toBe(false);
    await this.after('import', done);
  }

  /** Zoho CSV: the download read back (BOM, Zoho's header, E.164 phones); the workbook is not changed. */
  private async exportCrm() {
    const { s, page } = this;
    const sel = '[data-card="export"]';
    const card = this.card(sel);
    const format = card.getByRole('combobox', { name: s.exportFormat, exact: true });
    await this.reveal(card, format);
    await format.selectOption('hubspot');
    await card.getByText(s.exportHelp.hubspot, { exact: true }).waitFor();
    await format.selectOption('zoho');
    await card.getByText(s.exportHelp.zoho, { exact: true }).waitFor();
    const before = await this.everySheet();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      card.getByRole('button', { name: s.exportRun, exact: true }).click(),
    ]);
    const file = download.suggestedFilename();
    expect(file).toMatch(/\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(CRM_COLUMNS.zoho.map(([label]) => label).join(','));
    const mobile = CRM_COLUMNS.zoho.findIndex(([label]) => label === 'Mobile');
    const phones = lines.slice(1).map((l) => l.split(',')[mobile]);
    expect(phones).toContain('+8613987650001');
    expect(phones.filter((p) => /^\+86 ?1\d{10}$/.test(p ?? '')).length).toBeGreaterThan(100);
    const customers = (await this.values(SHEET)).length - 1;
    const said = card.getByRole('status').filter({ hasText: s.exportDone(customers, file) });
    await said.waitFor();
    expect(await this.everySheet()).toEqual(before);
    // When to move: the sample's rows are owned by several people (its 负责人 column, counted here).
    const rows = await this.values(SHEET);
    const ownerCol = (rows[0] as string[]).indexOf('负责人');
    const owners = new Set(rows.slice(1).map((r) => String(r[ownerCol] ?? '').trim()).filter(Boolean)).size;
    expect(owners).toBeGreaterThanOrEqual(3);
    const when = card.getByRole('region', { name: s.crmWhenTitle });
    await when.getByText(s.crmSignal.owners(owners), { exact: true }).waitFor();
    await when.getByText(s.crmHow, { exact: true }).waitFor();
    await this.after('export', said);
  }

  /** "Put this list on a sheet to print" in the whom-to-call card: a new sheet listing customers of the ledger. */
  private async callListSheet() {
    const { s } = this;
    const card = this.card('[data-card="today"]');
    const button = card.getByRole('button', { name: s.callListSheetRun, exact: true });
    await this.reveal(card, button);
    const names = await this.sheetNames();
    const ledger = await this.values(SHEET);
    await button.click();
    const sheet = SHEETS.callList[LEDGER];
    await this.page.waitForFunction((n) => (window as unknown as PlaygroundWindow).ledgerPlayground.sheetNames().includes(n), sheet, { timeout: 60_000 });
    expect(names).not.toContain(sheet);
    // Its line, with any count (the link to the sheet follows it).
    const [before, after] = s.callListSheetResult(sheet, 987_654).split('987654').map(escape);
    const said = card.getByText(new RegExp(`${before}\\d+${after}`));
    await said.first().waitFor({ timeout: 30_000 });
    const list = await this.values(sheet);
    const customerNames = new Set(ledger.slice(1).map((r) => r[(ledger[0] as string[]).indexOf('客户姓名')]).filter((v) => v !== ''));
    const listed = list.flat().filter((v) => customerNames.has(v));
    const n = new RegExp(`${before}(\\d+)${after}`).exec((await said.first().textContent()) ?? '')?.[1];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.length).toBe(Number(n));
    expect(this.user(await this.values(SHEET))).toEqual(this.user(ledger));
    await this.after('call-list-sheet', said);
  }

  /** Protect: the workbook's sheet is protected (a locked cell refuses a write); Unprotect: it is not. */
  private async protectAndUnprotect() {
    const { s, page } = this;
    const sel = '[data-card="protect"]';
    const card = this.card(sel);
    const protect = card.getByRole('button', { name: s.protectRun, exact: true });
    await this.reveal(card, protect);
    expect(await this.isProtected(SHEET)).toBe(false);
    const before = await this.values(SHEET);
    await this.watchBusy(sel);
    await protect.click();
    await this.idle(sel);
    const said = card.getByRole('status');
    await said.waitFor();
    expect(await said.textContent()).toMatch(around((c) => s.protectedResult(SHEET, c, false)));
    expect(await this.isProtected(SHEET)).toBe(true);
    // The header is locked: Excel refuses a write to it.
    const refused = await page.evaluate(async (sheet) => {
      const Excel = (window as unknown as { Excel: { run: (f: (c: any) => Promise<void>) => Promise<void> } }).Excel; // eslint-disable-line @typescript-eslint/no-explicit-any
      try {
        await Excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(sheet).getRange('A1').values = [['overwritten']];
          await ctx.sync();
        });
        return false;
      } catch {
        return true;
      }
    }, SHEET);
    expect(refused).toBe(true);
    expect(await this.values(SHEET)).toEqual(before);
    await this.after('protect', said);

    await this.watchBusy(sel);
    await card.getByRole('button', { name: s.unprotectRun, exact: true }).click();
    await this.idle(sel);
    await card.getByRole('status').filter({ hasText: s.unprotectedResult(SHEET) }).waitFor();
    expect(await this.isProtected(SHEET)).toBe(false);
    expect(await this.values(SHEET)).toEqual(before);
    await this.after('unprotect', said);

    // Before sharing: the columns that hold money are ticked (the total spend among them); hide, then show again.
    const group = card.getByRole('group', { name: s.hideColumnsLabel });
    const total = String.fromCharCode(65 + (before[0] as string[]).indexOf('累计消费金额'));
    const totalBox = group.getByRole('checkbox', { name: s.hideColumnOption(total, '累计消费金额'), exact: true });
    await this.reveal(card, totalBox);
    await expect(totalBox.isChecked()).resolves.toBe(true);
    const ticked: string[] = [];
    for (const box of await group.getByRole('checkbox').all()) if (await box.isChecked()) ticked.push(((await box.getAttribute('aria-label')) ?? (await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ''))).split(' · ')[0]!);
    expect(ticked).toContain(total);
    await this.watchBusy(sel);
    await card.getByRole('button', { name: s.hideAmountsRun, exact: true }).click();
    await this.idle(sel);
    await card.getByRole('status').filter({ hasText: s.columnsHiddenResult(ticked.join(this.layout.locale === 'zh-CN' ? '、' : ', '), true) }).waitFor();
    expect(await this.hiddenColumns(SHEET)).toEqual(ticked);
    expect(await this.values(SHEET)).toEqual(before);
    await this.after('hide-columns', group);
    await this.watchBusy(sel);
    await card.getByRole('button', { name: s.showAmountsRun, exact: true }).click();
    await this.idle(sel);
    await card.getByRole('status').filter({ hasText: s.columnsHiddenResult(ticked.join(this.layout.locale === 'zh-CN' ? '、' : ', '), false) }).waitFor();
    expect(await this.hiddenColumns(SHEET)).toEqual([]);
  }

  private hiddenColumns(sheet: string): Promise<string[]> {
    return this.page.evaluate((name) => (window as unknown as { ledgerPlayground: Playground }).ledgerPlayground.hiddenColumns(name), sheet);
  }

  /**
   * Check phones & emails adds the add-in's columns; "Remove what the add-in added" lists them first
   * (nothing changed), then after its confirmation they are gone, every user cell is as it was, and the
   * sheet as it was is on a new backup. Returns that backup.
   */
  private async removeAdded(): Promise<string> {
    const { s } = this;
    const userBefore = await this.formulas(SHEET);
    await this.runAction('checkContacts');
    const checked = await this.formulas(SHEET);
    const owned = [OWNED_COLUMNS.phoneCheck[LEDGER], OWNED_COLUMNS.emailCheck[LEDGER]];
    expect(checked[0]).toEqual(expect.arrayContaining(owned));
    await this.filterProblems(checked);

    const sel = action('removeAdded');
    const card = this.card(sel);
    await this.runAction('removeAdded');
    const columns = card.getByRole('list', { name: s.removeAddedColumnsTitle });
    await columns.waitFor();
    const items = (await columns.getByRole('listitem').allTextContents()).join('\n');
    for (const header of owned) expect(items).toContain(header);
    const names = await this.sheetNames();
    expect(await this.formulas(SHEET)).toEqual(checked); // the preview changed nothing
    // The sheets it made, each named with its kind in words: the call list made above among them.
    const callList = SHEETS.callList[LEDGER];
    expect(names).toContain(callList);
    const sheets = card.getByRole('list', { name: s.removeAddedSheetsTitle });
    const lines = await sheets.getByRole('listitem').allTextContents();
    const kinds = Object.values(s.removeAddedKinds);
    const kindOf = (sheet: string) => {
      const line = lines.find((l) => l.startsWith(s.removeAddedSheetLine(sheet, '\u0000').split('\u0000')[0]!));
      return kinds.find((k) => line?.startsWith(s.removeAddedSheetLine(sheet, k))) ?? line ?? null; // the whole line when no kind fits
    };
    // Recorded and asserted at the end, like an overflow: a misworded line does not hide the steps after it.
    const kind = kindOf(callList);
    if (!kinds.includes(kind!)) this.misworded.push(`remove-preview: the call list's line names no kind in words: ${kind}`);
    await this.after('remove-preview', columns);

    await this.confirmed(sel, s.removeAddedConfirm, s.removeAddedTitle, 'remove');
    const made = (await this.sheetNames()).filter((n) => !names.includes(n));
    const backup = made.find(isBackup);
    expect([made, backup]).toEqual([made, expect.any(String)]);
    expect(await this.formulas(backup!)).toEqual(checked);
    expect(await this.sheetNames()).not.toContain(callList);
    const now = await this.formulas(SHEET);
    expect((now[0] as unknown[]).slice(this.width).filter((v) => v !== '' && v !== null)).toEqual([]);
    expect(this.user(now)).toEqual(this.user(userBefore));
    await this.assertOriginalKept('remove');
    // Its one line names the backup it made.
    await card.getByText(backup!, { exact: false }).first().waitFor();
    await expect(card.getByRole('alert').count()).resolves.toBe(0);
    await this.after('remove', card);
    return backup!;
  }

  /**
   * "Show only rows with problems" on the check's result: the rows hidden are exactly those whose phone
   * check cell is blank (the filter is on that column), no value changes; pressed again, every row shows.
   */
  private async filterProblems(checked: Grid) {
    const { s } = this;
    const card = this.actionCard('checkContacts');
    const toggle = card.getByRole('button', { name: s.filterProblemsOn, exact: true });
    await this.reveal(card, toggle);
    expect(await this.hiddenRows(SHEET)).toEqual([]);
    const col = (checked[0] as string[]).indexOf(OWNED_COLUMNS.phoneCheck[LEDGER]);
    const letter = String.fromCharCode(65 + col);
    const blank = checked.slice(1).flatMap((r, i) => (r[col] === '' || r[col] === null || r[col] === undefined ? [i + 2] : []));
    const problems = checked.length - 1 - blank.length;
    expect(problems).toBeGreaterThan(0);
    await toggle.click();
    const said = card.getByRole('status').filter({ hasText: s.filterProblemsShown(problems, letter) });
    await said.waitFor({ timeout: 30_000 });
    await expect(toggle.getAttribute('aria-pressed')).resolves.toBe('true');
    expect(await this.hiddenRows(SHEET)).toEqual(blank);
    expect(await this.formulas(SHEET)).toEqual(checked);
    await this.after('filter-problems', said);
    await toggle.click();
    await card.getByRole('status').filter({ hasText: s.filterProblemsAll }).waitFor({ timeout: 30_000 });
    expect(await this.hiddenRows(SHEET)).toEqual([]);
    expect(await this.formulas(SHEET)).toEqual(checked);
  }

  /** Restore the backup the removal made: the sheet equals it again (the add-in's columns back too). */
  private async restore(backup: string) {
    const { s, page } = this;
    const expected = await this.formulas(backup);
    const backups = this.card('[data-card="backups"]');
    const button = backups.getByRole('button', { name: s.restoreLabel(backup), exact: true });
    await this.reveal(backups, button);
    await button.click();
    const go = page.getByRole('button', { name: s.restoreConfirm, exact: true });
    await go.waitFor();
    await this.snap('restore-confirm', go);
    await go.click();
    const done = backups.getByRole('status');
    await done.waitFor({ timeout: 30_000 });
    expect(await done.textContent()).toMatch(new RegExp(`^${escape(s.restored(SHEET, backup, '\u0000', 999_999)).replace(/999\D?999/, '[\\d,. ]+').replace('\u0000', '.+')}$`));
    expect(await this.formulas(SHEET)).toEqual(expected);
    await this.assertOriginalKept('restore');
    await this.after('restore', done);
  }
}
