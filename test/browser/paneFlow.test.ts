/**
 * The real task pane in the playground, clicked through as a user would: columns found → check phones &
 * emails → fix one cell → fix all → find duplicates → merge → move duplicates to the archive → build
 * summary → restore a backup → every card opened; in zh-CN and en-US, with the pane at Excel's
 * narrowest width (320 px) and wide.
 * After every step the WORKBOOK is checked through window.ledgerPlayground: no non-empty cell of the
 * user's columns as loaded is lost, moved rows are on the archive as they were, a restored sheet equals
 * its backup. And nothing in the pane sticks out past its right edge. A screenshot per step goes to
 * test-output/screenshots/flow-<locale>-<width>-NN-<step>.png.
 */
import type { Page } from 'playwright-core';
import { FIELDS, type FieldId } from '../../src/core/fields';
import { OWNED_COLUMNS, SHEETS } from '../../src/actions/names';
import { paneStrings, type PaneStrings } from '../../src/i18n/pane';
import type { Locale } from '../../src/i18n/strings';
import { action, drive, isBackup, LEDGER, NARROW, PaneDriver, SHEET, WIDE, type Grid, type Layout } from './paneDriver';
import { openSession, type PlaygroundWindow, type Session } from './session';

// About half a minute each on two cores. This flow runs Chinese at 320 px and English wide; finishFlow
// runs English at 320 px (its longer words are what overflows first) and Chinese wide, so every
// language meets every width in `npm test`. LEDGER_BROWSER_LAYOUTS=all runs all four here.
const LAYOUTS: Layout[] = [
  { locale: 'zh-CN', ...NARROW },
  { locale: 'en-US', ...WIDE },
  ...(process.env.LEDGER_BROWSER_LAYOUTS === 'all' ? [{ locale: 'en-US' as const, ...NARROW }, { locale: 'zh-CN' as const, ...WIDE }] : []),
];

const isEmpty = (v: unknown) => v === '' || v === null || v === undefined;
const key = (v: unknown) => (v instanceof Date ? v.toISOString() : JSON.stringify(v));
const digits = (v: unknown) => String(v).replace(/\D/g, '');
const localPart = (v: unknown) => String(v).replace(/\s/g, '').toLowerCase().split('@')[0];
const columnOf = (letter: string) => letter.charCodeAt(0) - 65;
const fieldLabel = (id: FieldId, locale: Locale) => FIELDS.find((f) => f.id === id)!.label[locale];

describe('the task pane, clicked through in the playground', () => {
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  it.each(LAYOUTS)('$locale, pane $tag px: every step keeps the user\'s data and fits the pane', async (layout) => {
    const flow = await drive(session, layout, (page) => new Flow(page, paneStrings(layout.locale), layout));
    console.log(`${flow.prefix}: ${flow.timings.join(' · ')}`);
    expect(flow.overflow).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.outside).toEqual([]);
  }, 240_000);
});

class Flow extends PaneDriver {
  private original: Grid = [];
  private phoneCol = -1;
  private emailCol = -1;

  constructor(page: Page, s: PaneStrings, layout: Layout) {
    super(page, s, layout, { shots: 'flow', confirmFits: false, pageScrollOverflows: true });
  }

  private get locale() { return this.layout.locale; }

  // ---- the workbook ------------------------------------------------------------------------------------

  /**
   * A backup is the sheet as it was, formulas as formulas: their values follow the workbook later (a
   * tier formula reads thresholds the settings sheet computes from the customer sheet).
   */
  private async assertBackupOf(backup: string, sheet: Grid) {
    expect([backup, await this.formulas(backup)]).toEqual([backup, sheet]);
  }

  /** Sheets added by a step: the one-of-a-kind ones it must have made. */
  private async added(before: string[]): Promise<string[]> {
    return (await this.sheetNames()).filter((n) => !before.includes(n));
  }

  private archiveName(names: string[]): string | undefined {
    return names.find((n) => n.startsWith(SHEETS.archive[LEDGER]));
  }

  /**
   * No non-empty cell of the user's columns as loaded is lost: each of them is still in its column on
   * the customer sheet, the archive or a backup the add-in made, and each column holds at least as many
   * non-empty cells (customer sheet + archive) as it did.
   */
  private async assertNothingLost(step: string) {
    const names = await this.sheetNames();
    const sheet = this.user(await this.values(SHEET));
    const archive = this.archiveName(names);
    const archived = archive ? this.user(await this.values(archive)).slice(1) : [];
    const backups = await Promise.all(names.filter((n) => isBackup(n)).map(async (n) => this.user(await this.values(n))));
    const lost: string[] = [];
    for (let c = 0; c < this.width; c++) {
      const live = [...sheet.slice(1), ...archived].map((r) => r[c]);
      const kept = new Set([...live, ...backups.flatMap((b) => b.slice(1).map((r) => r[c]))].map(key));
      const before = this.original.slice(1).map((r) => r[c]).filter((v) => !isEmpty(v));
      for (const v of before) if (!kept.has(key(v))) lost.push(`${String.fromCharCode(65 + c)}: ${key(v)}`);
      expect([step, c, live.filter((v) => !isEmpty(v)).length >= before.length]).toEqual([step, c, true]);
    }
    expect([step, lost.slice(0, 5)]).toEqual([step, []]);
  }

  protected override checkWorkbook(step: string) {
    return this.assertNothingLost(step);
  }

  // ---- the steps --------------------------------------------------------------------------------------

  async run() {
    await this.mapped();
    await this.checkContacts();
    const firstBackup = await this.fixOne();
    await this.fixAll();
    await this.findDuplicates();
    await this.merge();
    await this.archive();
    await this.summary();
    await this.restore(firstBackup);
    await this.allOpen();
  }

  /** Every card that folds, opened: what a folded card hides must fit the pane too once the user opens it. */
  private async allOpen() {
    const folded = this.pane.locator('[aria-expanded="false"][aria-controls]');
    for (let n = await folded.count(); n > 0; n = await folded.count()) await folded.first().click();
    await this.assertFits('all-open');
    await this.snap('all-open', this.pane.locator('[aria-expanded="true"][aria-controls]').last());
  }

  /** Columns found: the sheet and each field's column are shown; the workbook is as loaded. */
  private async mapped() {
    const { page, s, locale } = this;
    await page.waitForFunction((sheet) => (window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().includes(sheet), SHEET);
    const mapping = this.pane.getByRole('region', { name: s.mappingTitle });
    const select = (field: FieldId) => mapping.getByRole('combobox', { name: s.mappingSelect(fieldLabel(field, locale)), exact: true });
    await mapping.waitFor();
    // ?paneWidth= took: inside its border the pane is as wide as Excel's narrowest (its scrollbar included, as in Excel's).
    const inner = await this.container.evaluate((el) => {
      const style = getComputedStyle(el);
      return el.getBoundingClientRect().width - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    });
    if (this.layout.paneWidth) expect(Math.round(inner)).toBe(this.layout.paneWidth);
    await this.reveal(mapping, select('phone'));
    this.original = await this.values(SHEET);
    this.width = this.original[0]!.length;
    expect(this.original.length).toBeGreaterThan(300);
    const header = this.original[0] as string[];
    const letterOf = async (field: FieldId) => (await select(field).inputValue()).trim();
    // The columns shown are the sheet's: each select names the column whose header says so.
    expect(header[columnOf(await letterOf('name'))]).toBe('客户姓名');
    this.phoneCol = columnOf(await letterOf('phone'));
    this.emailCol = columnOf(await letterOf('email'));
    expect(header[this.phoneCol]).toBe('联系电话');
    expect(header[this.emailCol]).toBe('电子邮箱');
    await expect(mapping.getByRole('combobox').count()).resolves.toBeGreaterThan(8);
    await page.getByText(s.sheetSummary(SHEET, 1, this.original.length - 1)).first().waitFor();
    await this.after('mapped', mapping);
  }

  private async checkContacts() {
    const before = await this.values(SHEET);
    await this.runAction('checkContacts');
    const after = await this.values(SHEET);
    expect(this.user(after)).toEqual(this.user(before));
    expect(after[0]).toEqual(expect.arrayContaining([OWNED_COLUMNS.phoneCheck[LEDGER], OWNED_COLUMNS.emailCheck[LEDGER]]));
    const problems = this.actionCard('checkContacts').getByRole('list', { name: this.s.topProblems });
    await expect(problems.getByRole('listitem').count()).resolves.toBeGreaterThan(0);
    await this.after('check-contacts', problems);
  }

  /**
   * A problem's own "Fix": that one cell gets the suggestion, after a backup of the sheet as it was;
   * every other cell of the user's stays as it is. Returns the backup.
   */
  private async fixOne(): Promise<string> {
    const { s } = this;
    const before = await this.values(SHEET);
    const beforeFormulas = await this.formulas(SHEET);
    const names = await this.sheetNames();
    const problems = this.actionCard('checkContacts').getByRole('list', { name: s.topProblems });
    const [a, b] = s.fixOneLabel('\u0000', '\u0001').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').split('\u0000');
    const [between, after] = b!.split('\u0001');
    const pattern = new RegExp(`^${a}([A-Z]+\\d+)${between}(.+)${after}$`);
    const fix = problems.getByRole('button', { name: pattern }).first();
    await fix.waitFor();
    const [, cell, value] = pattern.exec((await fix.getAttribute('aria-label')) ?? '')!;
    const row = Number(cell!.replace(/^[A-Z]+/, '')) - 1;
    const col = columnOf(cell!.replace(/\d+$/, ''));
    await this.watchBusy(action('checkContacts'));
    await fix.click();
    await this.idle(action('checkContacts'));
    const now = await this.values(SHEET);
    const changed: string[] = [];
    this.user(now).forEach((r, i) => r.forEach((v, c) => {
      if (key(v) !== key(before[i]![c] ?? '')) changed.push(`${String.fromCharCode(65 + c)}${i + 1}`);
    }));
    expect(changed).toEqual([cell]);
    expect([now[row]![col], [this.phoneCol, this.emailCol].includes(col)]).toEqual([value, true]);
    const backup = (await this.added(names)).find((n) => isBackup(n));
    expect([cell, backup]).toEqual([cell, expect.any(String)]);
    await this.assertBackupOf(backup!, beforeFormulas);
    await this.after('fix-one', problems);
    return backup!;
  }

  /** Fix all, after its confirmation: a backup of the sheet as it was, then phones and emails rewritten, never emptied. */
  private async fixAll(): Promise<string> {
    const { s } = this;
    const before = await this.values(SHEET);
    const beforeFormulas = await this.formulas(SHEET);
    const names = await this.sheetNames();
    await this.confirmed(action('checkContacts'), s.fixAll, s.fixAllTitle, 'checkContacts');
    const made = await this.added(names);
    const backup = made.find((n) => isBackup(n));
    expect([made, backup]).toEqual([made, expect.any(String)]);
    await this.assertBackupOf(backup!, beforeFormulas);
    const after = this.user(await this.values(SHEET));
    expect(after.length).toBe(before.length);
    let changed = 0;
    after.forEach((row, r) => row.forEach((v, c) => {
      const was = before[r]![c] ?? '';
      if (key(v) === key(was)) return;
      changed++;
      expect([r + 1, c, [this.phoneCol, this.emailCol].includes(c), isEmpty(v)]).toEqual([r + 1, c, true, isEmpty(was)]);
      // The same number written another way, the same address tidied or corrected after its @.
      if (c === this.phoneCol) expect([String(was), digits(v).slice(-7)]).toEqual([String(was), digits(was).slice(-7)]);
      if (c === this.emailCol) expect([String(was), localPart(v)]).toEqual([String(was), localPart(was)]);
    }));
    expect(changed).toBeGreaterThan(0);
    await this.actionCard('checkContacts').getByText(s.fixedResult(changed, backup!)).waitFor();
    await this.after('fix-all', this.actionCard('checkContacts').getByText(s.fixedResult(changed, backup!)));
    return backup!;
  }

  private async findDuplicates() {
    const before = await this.values(SHEET);
    await this.runAction('findDuplicates');
    const after = await this.values(SHEET);
    expect(this.user(after)).toEqual(this.user(before));
    expect(after[0]).toEqual(expect.arrayContaining([OWNED_COLUMNS.duplicateGroup[LEDGER], OWNED_COLUMNS.duplicateNote[LEDGER]]));
    const review = this.actionCard('findDuplicates').getByRole('region', { name: this.s.reviewTitle });
    await review.waitFor();
    await expect(review.getByRole('group').count()).resolves.toBeGreaterThan(0);
    await this.after('find-duplicates', review);
  }

  /**
   * The rows a move took away are on the archive as they were (user's columns), below what it held
   * already; the customer sheet is what it was without them, but for `changedAtMost` kept rows, whose
   * non-empty cells stay non-empty. Returns the rows moved.
   */
  private async assertMoved(before: Grid, archiveBefore: Grid, archive: string, changedAtMost: number): Promise<number> {
    const now = this.user(await this.values(archive));
    if (archiveBefore.length > 0) expect(now.slice(0, archiveBefore.length)).toEqual(archiveBefore);
    const moved = now.slice(Math.max(archiveBefore.length, 1));
    expect(moved.length).toBeGreaterThan(0);
    const rest = this.user(before).slice(1);
    for (const row of moved) {
      const i = rest.findIndex((r) => r.every((v, c) => key(v) === key(row[c])));
      expect([row.slice(0, 3), i >= 0]).toEqual([row.slice(0, 3), true]);
      rest.splice(i, 1);
    }
    const after = this.user(await this.values(SHEET)).slice(1);
    expect(after.length).toBe(rest.length);
    let changedRows = 0;
    after.forEach((row, r) => {
      if (row.every((v, c) => key(v) === key(rest[r]![c]))) return;
      changedRows++;
      row.forEach((v, c) => expect([r + 2, c, isEmpty(v)]).toEqual([r + 2, c, isEmpty(rest[r]![c]) && isEmpty(v)]));
    });
    expect(changedRows).toBeLessThanOrEqual(changedAtMost);
    return moved.length;
  }

  /** Merge, after its confirmation: a backup first; the other rows of each group on the archive; blanks of the kept row filled. */
  private async merge() {
    const { s } = this;
    const before = await this.values(SHEET);
    const beforeFormulas = await this.formulas(SHEET);
    // Every group merges, not only those the review shows (a page at a time): count them on the sheet.
    const groupCol = (before[0] as string[]).indexOf(OWNED_COLUMNS.duplicateGroup[LEDGER]);
    const groups = new Set(before.slice(1).map((r) => r[groupCol]).filter((v) => !isEmpty(v))).size;
    expect(groups).toBeGreaterThan(0);
    const names = await this.sheetNames();
    await this.confirmed(action('findDuplicates'), s.mergeGroups, s.mergeTitle, 'findDuplicates');
    const made = await this.added(names);
    const backup = made.find((n) => isBackup(n));
    const archive = this.archiveName(made);
    expect([made, backup, archive]).toEqual([made, expect.any(String), expect.any(String)]);
    await this.assertBackupOf(backup!, beforeFormulas);
    const moved = await this.assertMoved(before, [], archive!, groups);
    const said = this.actionCard('findDuplicates').getByText(s.archivedResult(moved, archive!, backup!));
    await said.waitFor();
    await this.after('merge', said);
  }

  /**
   * Move duplicates to the archive. Merging resolved every group, so first the user enters two
   * customers again (the way duplicates arise), reads the workbook again and finds them.
   */
  private async archive() {
    const { s, page } = this;
    const current = await this.values(SHEET);
    await page.evaluate(async ({ sheet, rows, at }) => {
      const Excel = (window as unknown as { Excel: { run: (f: (c: any) => Promise<void>) => Promise<void> } }).Excel; // eslint-disable-line @typescript-eslint/no-explicit-any
      await Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheet).getRange(`A${at}`).getResizedRange(rows.length - 1, rows[0]!.length - 1).values = rows;
        await ctx.sync();
      });
    }, { sheet: SHEET, rows: this.user(current).slice(5, 7), at: current.length + 1 });
    await this.pane.getByRole('button', { name: s.reload }).click();
    await this.runAction('findDuplicates');
    const review = this.actionCard('findDuplicates').getByRole('region', { name: s.reviewTitle });
    await review.waitFor();
    const groups = await review.getByRole('group').count();
    expect(groups).toBeGreaterThan(0);

    const before = await this.values(SHEET);
    const beforeFormulas = await this.formulas(SHEET);
    const names = await this.sheetNames();
    const archive = this.archiveName(names)!;
    const archiveBefore = this.user(await this.values(archive));
    await this.confirmed(action('findDuplicates'), s.archiveGroups, s.archiveTitle, 'findDuplicates');
    const made = await this.added(names);
    const backup = made.find((n) => isBackup(n));
    expect([made, backup]).toEqual([made, expect.any(String)]);
    await this.assertBackupOf(backup!, beforeFormulas);
    // Nothing merged: the kept rows are exactly as they were.
    const moved = await this.assertMoved(before, archiveBefore, archive, 0);
    const said = this.actionCard('findDuplicates').getByText(s.archivedResult(moved, archive, backup!));
    await said.waitFor();
    await this.after('archive', said);
  }

  private async summary() {
    const before = await this.values(SHEET);
    await this.runAction('buildSummary');
    expect(this.user(await this.values(SHEET))).toEqual(this.user(before));
    const summary = SHEETS.summary[LEDGER];
    expect(await this.sheetNames()).toContain(summary);
    expect((await this.values(summary)).length).toBeGreaterThan(3);
    await this.after('summary', this.actionCard('buildSummary'));
  }

  /**
   * Restore the backup fix-all made: after its confirmation the sheet equals that backup (so the user's
   * columns are exactly as loaded), and the sheet as it was is in a new backup.
   */
  private async restore(backup: string) {
    const { s, page } = this;
    const expected = await this.values(backup);
    const expectedFormulas = await this.formulas(backup);
    const beforeFormulas = await this.formulas(SHEET);
    const names = await this.sheetNames();
    const backups = this.pane.getByRole('region', { name: s.backupsTitle });
    const button = backups.getByRole('button', { name: s.restoreLabel(backup), exact: true });
    await this.reveal(backups, button);
    await button.click();
    const go = page.getByRole('button', { name: s.restoreConfirm, exact: true });
    await go.waitFor();
    await this.snap('restore-confirm', go);
    await go.click();
    // Its words, with any row count (grouped as the locale groups digits) and the new backup's name.
    const words = s.restored(SHEET, backup, '\u0000', 999_999).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const done = backups.getByText(new RegExp(`^${words.replace(/999\D?999/, '[\\d,. ]+').replace('\u0000', '.+')}$`));
    await done.waitFor({ timeout: 30_000 });
    const after = await this.values(SHEET);
    expect(after).toEqual(expected);
    expect(await this.formulas(SHEET)).toEqual(expectedFormulas);
    expect(this.user(after)).toEqual(this.original);
    const safety = (await this.added(names)).find((n) => isBackup(n));
    expect(safety).toEqual(expect.any(String));
    await this.assertBackupOf(safety!, beforeFormulas);
    await this.after('restore', done);
  }
}
