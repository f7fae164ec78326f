/**
 * The playground in Debian's Chromium: the real task pane over the simulated workbook. Loads the zh
 * sample, clicks every action, checks the workbook through window.ledgerPlayground, saves a screenshot
 * per action (test-output/screenshots/), and fails on any request that leaves 127.0.0.1.
 * Serves dist/web-test, which the browser project's globalSetup builds when its sources changed.
 * Fails, saying what to install, when Chromium or a Chinese font is missing (`npm run test:fast` leaves it out).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { idle, watchBusy } from './paneDriver';
import { openSession, ROOT, SHOTS, WEB, type PlaygroundWindow, type Session } from './session';

describe('playground in Chromium', () => {
  let session: Session;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let outside: string[];
  let pageErrors: string[];

  beforeAll(async () => {
    session = await openSession();
    ({ base, context, outside, pageErrors } = session);
    page = await session.newPage();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  const values = (sheet: string) => page.evaluate((s) => (window as unknown as PlaygroundWindow).ledgerPlayground.values(s), sheet);
  const sheetNames = () => page.evaluate(() => (window as unknown as PlaygroundWindow).ledgerPlayground.sheetNames());
  const card = (id: string) => page.locator(`[data-action="${id}"]`);
  /** Opens a card that folds (its disclosure button), so what it holds can be read and clicked. */
  async function unfold(region: Locator) {
    const toggle = region.locator('[aria-expanded="false"][aria-controls]');
    if (await toggle.count()) await toggle.first().click();
  }

  /** Clicks an action's button and waits until its card has been busy and is idle again. */
  async function run(id: string, name: string, shot: string) {
    const sel = `[data-action="${id}"]`;
    await watchBusy(page, sel);
    await card(id).getByRole('button', { name, exact: true }).click();
    await idle(page, sel);
    await page.screenshot({ path: path.join(SHOTS, shot) });
  }

  it('does all five jobs on the zh sample without touching the user\'s columns', async () => {
    await page.goto(base);
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().includes('客户信息'));
    await page.getByText('识别的列').waitFor();
    await page.screenshot({ path: path.join(SHOTS, '00-loaded-zh.png') });
    const original = (await values('客户信息')).map((r) => r.slice(0, 17));
    expect(original.length).toBeGreaterThan(300);

    await run('checkContacts', '检查电话和邮箱', '01-check-contacts.png');
    const header = () => values('客户信息').then((v) => v[0] as string[]);
    expect(await header()).toEqual(expect.arrayContaining(['电话检查', '标准号码', '邮箱检查', '邮箱建议']));
    const problems = card('checkContacts').getByRole('list', { name: '需要核对的单元格' });
    await expect(problems.getByRole('listitem').count()).resolves.toBeGreaterThan(0);
    // "Go to cell" selects the cell in the (simulated) Excel; the grid shows the selection.
    const firstLink = problems.getByRole('button').first();
    const cell = ((await firstLink.textContent()) ?? '').trim();
    expect(cell).toMatch(/^[A-Z]+\d+$/);
    await firstLink.click();
    await page.locator('td[aria-selected="true"]').first().waitFor();
    await page.screenshot({ path: path.join(SHOTS, '02-go-to-cell.png') });

    await run('computeTiers', '计算客户分层', '03-compute-tiers.png');
    expect(await header()).toEqual(expect.arrayContaining(['价值分层', '客户状态', '生命周期']));
    const tierCol = (await header()).indexOf('价值分层');
    const tiers = new Set((await values('客户信息')).slice(1).map((r) => r[tierCol]).filter(Boolean));
    expect([...tiers].every((t) => ['高价值', '中价值', '低价值'].includes(String(t)))).toBe(true);

    await run('findDuplicates', '查找重复客户', '04-find-duplicates.png');
    expect(await header()).toEqual(expect.arrayContaining(['重复组', '重复说明']));
    await expect(page.getByRole('region', { name: '确认重复分组' }).or(page.getByLabel('确认重复分组')).first().isVisible()).resolves.toBe(true);

    await run('buildSummary', '生成汇总', '05-build-summary.png');
    expect(await sheetNames()).toContain('客户汇总');
    expect((await values('客户汇总')).length).toBeGreaterThan(3);
    // Its "go to" link opens the summary sheet; the grid follows Excel's active sheet.
    await card('buildSummary').getByRole('button', { name: '转到 客户汇总!A1' }).click();
    await page.getByRole('tab', { name: '客户汇总', selected: true }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '05b-summary-sheet.png') });

    await run('installTemplate', '创建模板', '06-create-template.png');
    expect(await sheetNames()).toContain('客户台账');
    await card('installTemplate').getByRole('button', { name: '转到 客户台账!A1' }).click();
    await page.getByRole('tab', { name: '客户台账', selected: true }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, '06b-template-sheet.png') });

    // The user's own block is exactly as it was.
    expect((await values('客户信息')).map((r) => r.slice(0, 17))).toEqual(original);
    const stats = await page.evaluate(() => (window as unknown as PlaygroundWindow).ledgerPlayground.stats());
    expect(stats.syncs).toBeGreaterThan(5);
    expect(stats.largestRequestBytes).toBeLessThan(5 * 1024 * 1024);
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
  }, 180_000);

  it('speaks English with ?lang=en-US and explains a sheet without contact columns in plain words', async () => {
    await page.goto(`${base}?lang=en-US`);
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().includes('客户信息'));
    await page.getByText('Columns found').waitFor();
    await run('checkContacts', 'Check phones & emails', '07-en-check-contacts.png');
    // The pane speaks English; what it writes on a Chinese ledger is in Chinese, as the ledger is.
    expect((await values('客户信息'))[0]).toEqual(expect.arrayContaining(['电话检查', '邮箱检查']));

    // The user's own workbook, through the "Open .xlsx" button: names and amounts only.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Clients');
    ws.addRows([['Name', 'Company', 'Total spend'], ['Ann Lee', 'Acme Ltd', 1200], ['Bo Chen', 'Beta Inc', 300], ['Cy Wu', 'Gamma LLC', 50]]);
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    await page.getByTestId('file-input').setInputFiles({ name: 'clients.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground.sheetNames().includes('Clients'));
    await page.getByText('"Clients": header on row 1, 3 customers.').first().waitFor();
    await run('checkContacts', 'Check phones & emails', '08-en-own-file-error.png');
    await expect(card('checkContacts').getByText('The customer sheet has no phone or email column.').isVisible()).resolves.toBe(true);
    await run('computeTiers', 'Compute tiers', '09-en-own-file-tiers.png');
    expect((await values('Clients'))[0]).toEqual(expect.arrayContaining(['Value tier']));
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
  }, 120_000);

  it('keeps checking as the user types: a bad phone typed into the grid updates its check column', async () => {
    await page.goto(`${base}?lang=en-US`);
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().includes('客户信息'));
    await page.getByText('Columns found').waitFor();
    await run('checkContacts', 'Check phones & emails', '13a-live-before.png');
    const toggle = card('checkContacts').getByRole('switch', { name: 'Keep checking as I type' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await unfold(page.getByRole('region', { name: 'Columns found' }));
    const phoneLetter = await page.getByRole('combobox', { name: 'Column for Phone' }).inputValue();
    expect(phoneLetter).toMatch(/^[A-Z]$/);
    const rows = await values('客户信息');
    const checkCol = (rows[0] as string[]).indexOf('电话检查'); // the ledger's language, not the pane's
    expect(checkCol).toBeGreaterThan(0);
    const checkLetter = String.fromCharCode(65 + checkCol);
    const e164Col = (rows[0] as string[]).indexOf('标准号码');
    expect(e164Col).toBeGreaterThan(0);
    // A valid number: its check cell says nothing, its E.164 cell holds the number.
    const row = rows.findIndex((r, i) => i > 0 && i < 15 && r[checkCol] === '' && String(r[e164Col]).startsWith('+')) + 1;
    expect(row).toBeGreaterThan(1);
    const before = rows[row - 1]![phoneLetter.charCodeAt(0) - 65];

    // Double-click the phone cell, replace its text, Enter: the grid writes it and Excel's onChanged fires.
    await page.locator(`td[data-cell="${phoneLetter}${row}"]`).dblclick();
    const editor = page.getByRole('textbox', { name: `Edit cell ${phoneLetter}${row}` });
    await editor.waitFor();
    await editor.fill('12345');
    await editor.press('Enter');
    await page.waitForFunction(([r, c]) => String((window as unknown as PlaygroundWindow).ledgerPlayground.values('客户信息')[r]![c]).startsWith('无效'),
      [row - 1, checkCol] as const, { timeout: 15_000 });
    await page.locator(`td[data-cell="${checkLetter}${row}"]`).filter({ hasText: /^无效/ }).waitFor();
    await card('checkContacts').getByText('Re-checked 1 row as you typed; the counts above are from the last run.').waitFor();
    await page.locator(`td[data-cell="${checkLetter}${row}"]`).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, '13-live-check.png') });
    expect((await values('客户信息'))[row - 1]![phoneLetter.charCodeAt(0) - 65]).not.toBe(before);

    // From the keyboard: the cell above is selected, ArrowDown, then typing starts the edit (as in Excel), Enter saves.
    await page.locator(`td[data-cell="${phoneLetter}${row - 1}"]`).click();
    await page.locator(`td[data-cell="${phoneLetter}${row - 1}"][aria-selected="true"]`).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.locator(`td[data-cell="${phoneLetter}${row}"][aria-selected="true"]`).waitFor();
    await page.keyboard.press('1');
    await editor.waitFor();
    await expect(editor.inputValue()).resolves.toBe('1');
    await editor.press('End');
    await editor.pressSequentially('3800138000');
    await editor.press('Enter');
    await page.waitForFunction(([r, c, e]) => {
      const cells = (window as unknown as PlaygroundWindow).ledgerPlayground.values('客户信息')[r]!;
      return cells[c] === '' && cells[e] === '+8613800138000';
    }, [row - 1, checkCol, e164Col] as const, { timeout: 15_000 });
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
  }, 120_000);

  it('exports a masked copy as a download: a valid .xlsx of one masked sheet; the simulated workbook is unchanged', async () => {
    await page.goto(base);
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().includes('客户信息'));
    await page.getByText('识别的列').waitFor();
    const source = await values('客户信息');
    const before = await sheetNames();
    await unfold(card('exportMasked'));
    await expect(card('exportMasked').getByText(/^下载一个只含客户数据行的新工作簿/).isVisible()).resolves.toBe(true);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      run('exportMasked', '导出脱敏副本', '14-export-masked.png'),
    ]);
    expect(download.suggestedFilename()).toBe('客户信息（脱敏）.xlsx');
    await expect(card('exportMasked').getByText(/^已下载「客户信息（脱敏）\.xlsx」：「客户信息」的 \d+ 行，已脱敏。您的工作簿未做任何更改。$/).isVisible()).resolves.toBe(true);
    expect(await sheetNames()).toEqual(before);
    expect(await values('客户信息')).toEqual(source);

    // The bytes: a zip Excel opens (exceljs reads it back), one sheet, bold frozen header, no phone of the source.
    const bytes = fs.readFileSync(await download.path());
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['客户信息（脱敏）']);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.rowCount).toBeGreaterThan(300);
    const copy: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => copy.push(String(c.value ?? ''))));
    const phones = source.slice(1).map((r) => String(r[7] ?? '').replace(/\D/g, '')).filter((d) => d.length >= 7);
    expect(phones.length).toBeGreaterThan(100);
    const digitsInCopy = new Set(copy.map((v) => v.replace(/\D/g, '')));
    for (const p of phones) expect(digitsInCopy.has(p)).toBe(false);
    expect(copy.join('\n')).toMatch(/\d{3}\*{4}\d{4}/);
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
  }, 120_000);

  it('restores from a backup after asking in place (the sheet is backed up first, it says), and the restore can be undone', async () => {
    await page.goto(`${base}?lang=en-US`);
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().includes('客户信息'));
    await page.getByText('Columns found').waitFor();
    await expect(page.getByRole('region', { name: 'Backups' }).count()).resolves.toBe(0);
    const original = await values('客户信息');
    // A backup as the add-in names them: a copy of the sheet (as Excel copies it), with one cell different.
    const backup = 'Backup 客户信息 1123-0905';
    await page.evaluate(async (name) => {
      const Excel = (window as unknown as { Excel: { run: (f: (c: any) => Promise<void>) => Promise<void> } }).Excel; // eslint-disable-line @typescript-eslint/no-explicit-any
      await Excel.run(async (ctx) => {
        const copy = ctx.workbook.worksheets.getItem('客户信息').copy('End');
        copy.name = name;
        copy.getRange('A2').values = [['Old name']];
        await ctx.sync();
      });
    }, backup);
    await page.getByRole('button', { name: 'Read the workbook again' }).click();
    const backups = page.getByRole('region', { name: 'Backups' });
    await backups.waitFor();
    await unfold(backups);
    await backups.getByText(backup, { exact: true }).waitFor();

    // Keyboard: Enter opens the confirmation under the button, "Keep the sheet as it is" closes it, nothing changes.
    const restore = backups.getByRole('button', { name: `Restore from ${backup}` });
    await restore.focus();
    await page.keyboard.press('Enter');
    const confirmation = backups.getByRole('region', { name: 'Restore from this backup?' });
    await confirmation.getByText(/The current "客户信息" is backed up first, so you can undo this/).waitFor();
    await confirmation.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, '15-restore-confirmation.png') });
    await confirmation.getByRole('button', { name: 'Keep the sheet as it is' }).focus();
    await page.keyboard.press('Enter');
    await confirmation.waitFor({ state: 'detached' });
    expect(await values('客户信息')).toEqual(original);

    await restore.click();
    await confirmation.getByRole('button', { name: 'Back up and restore' }).click();
    const done = backups.getByText(/^Restored "客户信息" from "Backup 客户信息 1123-0905" \(\d+ rows\)\. The sheet as it was is in "(.+)"\.$/);
    await done.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(SHOTS, '15b-restored.png') });
    const restored = await values('客户信息');
    expect(restored[1]![0]).toBe('Old name');
    expect(restored.slice(2)).toEqual(original.slice(2)); // the rest as it was: phones, dates and text as the backup holds them
    const safety = /as it was is in "([^"]+)"/.exec((await done.textContent()) ?? '')![1]!;
    expect(await values(safety)).toEqual(original);

    // Undo: restore the safety backup (a second confirmation in the same page).
    await backups.getByRole('button', { name: `Restore from ${safety}` }).click();
    await confirmation.getByRole('button', { name: 'Back up and restore' }).click();
    await backups.getByText(new RegExp(`^Restored "客户信息" from "${safety.replace(/[()]/g, '\\$&')}"`)).waitFor({ timeout: 30_000 });
    expect(await values('客户信息')).toEqual(original);
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
  }, 120_000);

  it('keeps a 10,000-row sheet responsive: only the rows in view are in the page', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Big');
    ws.addRow(['Name', 'Mobile', 'Email', 'Total spend']);
    for (let i = 0; i < 10_000; i++) ws.addRow([`Customer ${i}`, `139${String(10_000_000 + i).slice(-8)}`, `c${i}@qq.com`, i * 3]);
    const data = await wb.xlsx.writeBuffer();
    await page.goto(`${base}?lang=en-US`);
    await page.getByText('Columns found').waitFor();
    await page.evaluate(async (bytes) => {
      await (window as unknown as PlaygroundWindow).ledgerPlayground.load(new Uint8Array(bytes).buffer);
    }, [...new Uint8Array(data as ArrayBuffer)]);
    await page.getByText('"Big": header on row 1, 10000 customers.').first().waitFor({ timeout: 60_000 });
    const rendered = await page.locator('[data-testid="grid"] tbody tr[aria-rowindex]').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(120);
    const t0 = Date.now();
    await page.locator('[data-testid="grid"]').evaluate((el) => { el.scrollTop = 22 * 8000; });
    await page.locator('tr[aria-rowindex="8001"]').waitFor({ timeout: 5000 });
    expect(Date.now() - t0).toBeLessThan(3000);
    await page.screenshot({ path: path.join(SHOTS, '10-big-sheet-scrolled.png') });

    // More than 5,000 rows: the progress bar and Cancel show at once; Cancel stops it before it writes.
    // (A run here takes about a second; an Excel on the web that answers in 400 ms leaves time to click.)
    const big = await values('Big');
    await page.evaluate(() => (window as unknown as PlaygroundWindow).ledgerPlayground.setLatency(400));
    await card('findDuplicates').getByRole('button', { name: 'Find duplicates', exact: true }).click();
    await card('findDuplicates').getByRole('progressbar', { name: 'Reading…' }).waitFor({ timeout: 5000 });
    await page.screenshot({ path: path.join(SHOTS, '10b-big-sheet-progress.png') });
    await card('findDuplicates').getByRole('button', { name: 'Cancel' }).click({ timeout: 5000 });
    await card('findDuplicates').getByText('Cancelled. Nothing was changed.').waitFor({ timeout: 30_000 });
    await page.evaluate(() => (window as unknown as PlaygroundWindow).ledgerPlayground.setLatency(0));
    await page.screenshot({ path: path.join(SHOTS, '10c-big-sheet-cancelled.png') });
    expect(await values('Big')).toEqual(big);
    expect(await sheetNames()).not.toContain('Ledger Settings');

    // The phase words the card shows while it runs, recorded as they render. The card changes its words
    // at most every 100 ms, and this 4-column sheet is analyzed in about that on a fast machine, so the
    // run goes on a slow laptop: the CPU throttled 6× (DevTools' own throttling), then back to full speed.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await page.evaluate(() => {
      const el = document.querySelector('[data-action="checkContacts"]')!;
      const seen: string[] = [];
      (window as unknown as { __phases: string[] }).__phases = seen;
      new MutationObserver(() => {
        const bar = el.querySelector('.fui-ProgressBar');
        const label = bar ? document.getElementById(bar.getAttribute('aria-labelledby') ?? '')?.textContent : null;
        if (label && seen[seen.length - 1] !== label) seen.push(label);
      }).observe(el, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    await run('checkContacts', 'Check phones & emails', '11-big-sheet-checked.png');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect((await values('Big'))[0]).toEqual(expect.arrayContaining(['Phone check']));
    const phases = await page.evaluate(() => (window as unknown as { __phases: string[] }).__phases);
    expect(phases[0]).toBe('Reading…');
    expect(phases).toEqual(expect.arrayContaining([expect.stringMatching(/^Checking rows \d{1,2},\d{3} of 10,000$/)]));
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it('opens an .xlsx as Excel reads it: a merged area is one cell spanning it, its value in the top-left only', async () => {
    // A ledger as people keep them: a merged title over the header, and a company merged over two customers' rows.
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('客户名单');
    ws.addRows([
      ['客户台账 · 2026 年度'],
      ['客户姓名', '公司名称', '联系电话', '电子邮箱', '累计消费金额'],
      ['张伟', '华信贸易', '13800138000', 'zhangwei@qq.com', 12000],
      ['李娜', null, '13900139000', 'lina@163.com', 8000],
      ['王芳', '鼎盛科技', '13700137000', 'wangfang@126.com', 3000],
      ['刘强', '新锐物流', '13600136000', 'liuqiang@sina.com', 500],
    ]);
    ws.mergeCells('A1:E1');
    ws.mergeCells('B3:B4');
    ws.getCell('B4').value = '华信贸易'; // exceljs copies a merged value into every cell; Excel reads only the top-left
    [14, 14, 16, 22, 14].forEach((w, i) => { ws.getColumn(i + 1).width = w; });
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());

    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(base);
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().includes('客户信息'));
    await page.getByTestId('file-input').setInputFiles({ name: 'merged.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground.sheetNames().includes('客户名单'));
    await page.getByText('「客户名单」：表头在第 2 行，共 4 位客户。').first().waitFor();

    // The workbook holds what Excel would: the title in A1 only, the company in B3 only ('' is an empty cell in Range.values).
    const rows = await values('客户名单');
    expect(rows[0]).toEqual(['客户台账 · 2026 年度', '', '', '', '']);
    expect(rows[2]![1]).toBe('华信贸易');
    expect(rows[3]![1]).toBe('');

    // The grid draws each area as one cell spanning it, and none of the cells it covers.
    const title = page.locator('td[data-merge="A1:E1"]');
    await expect(title.count()).resolves.toBe(1);
    await expect(title.textContent()).resolves.toBe('客户台账 · 2026 年度');
    await expect(title.getAttribute('colspan')).resolves.toBe('5');
    for (const covered of ['B1', 'C1', 'D1', 'E1', 'B4']) await expect(page.locator(`td[data-cell="${covered}"]`).count()).resolves.toBe(0);
    const company = page.locator('td[data-merge="B3:B4"]');
    await expect(company.textContent()).resolves.toBe('华信贸易');
    await expect(company.getAttribute('rowspan')).resolves.toBe('2');
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    const [t, a, e] = [await box('td[data-merge="A1:E1"]'), await box('[data-testid="grid"] thead th:nth-child(2)'), await box('[data-testid="grid"] thead th:nth-child(6)')];
    expect(Math.abs(t.x - a.x)).toBeLessThanOrEqual(1);
    expect(Math.abs(t.x + t.width - (e.x + e.width))).toBeLessThanOrEqual(1);
    const [c, r3, r4] = [await box('td[data-merge="B3:B4"]'), await box('[data-testid="grid"] tr[aria-rowindex="3"] th'), await box('[data-testid="grid"] tr[aria-rowindex="4"] th')];
    expect(Math.abs(c.y - r3.y)).toBeLessThanOrEqual(1);
    expect(Math.abs(c.y + c.height - (r4.y + r4.height))).toBeLessThanOrEqual(1);

    // Selecting it selects the whole area, as in Excel; the arrow key leaves it in one step.
    await title.click();
    await page.locator('td[data-merge="A1:E1"][aria-selected="true"]').waitFor();
    await page.keyboard.press('ArrowDown');
    await page.locator('td[data-cell="A2"][aria-selected="true"]').waitFor();
    await page.screenshot({ path: path.join(SHOTS, '16-merged-1280.png') });
    await page.setViewportSize({ width: 320, height: 800 });
    await title.waitFor();
    await page.screenshot({ path: path.join(SHOTS, '16b-merged-320.png') });
    await page.setViewportSize({ width: 1400, height: 900 });

    // The bundles read .xlsx with the product's own reader: exceljs is in none of them.
    const bundles = [...fs.readdirSync(WEB), ...fs.readdirSync(path.join(WEB, 'chunks')).map((f) => `chunks/${f}`)].filter((f) => f.endsWith('.js'));
    expect(bundles.length).toBeGreaterThan(4);
    for (const f of bundles) expect([f, fs.readFileSync(path.join(WEB, f), 'utf8').includes('node_modules/exceljs')]).toEqual([f, false]);
    expect(pageErrors).toEqual([]);
    expect(outside).toEqual([]);
  }, 60_000);

  it('taskpane.html boots under its CSP once office.js is ready, registers the ribbon functions, and words a host error', async () => {
    const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
    const pane = await context.newPage();
    const errors: string[] = [];
    pane.on('pageerror', (e) => errors.push(e.message));
    pane.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    // A stand-in for office.js (no network here): Office ready, an Excel whose every batch fails as Excel can.
    await pane.route(OFFICE_JS, (route) => route.fulfill({ contentType: 'text/javascript', body: `
      window.__associated = [];
      // onReady as office.js has it: an optional callback, and a promise either way.
      window.Office = { onReady: (cb) => new Promise((resolve) => setTimeout(() => { const info = { host: 'Excel', platform: 'OfficeOnline' }; if (cb) cb(info); resolve(info); }, 0)),
        context: { displayLanguage: 'en-US', requirements: { isSetSupported: () => true } },
        actions: { associate: (name) => window.__associated.push(name) } };
      window.Excel = { run: () => Promise.reject(Object.assign(new Error('boom'), { name: 'RichApi.Error', code: 'GeneralException' })) };
    ` }));
    const before = outside.length;
    await pane.goto(`${base}taskpane.html`);
    await pane.getByText('Excel reported an error. Try again; if it keeps happening, reload the add-in.').waitFor();
    await pane.screenshot({ path: path.join(SHOTS, '12-taskpane-host-error.png') });
    // Every function a ribbon button of the manifest calls, and no other.
    const manifest = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
    const called = [...new Set([...manifest.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]!))].sort();
    expect(called.length).toBeGreaterThan(3);
    expect(await pane.evaluate(() => (window as unknown as { __associated: string[] }).__associated.sort())).toEqual(called);
    expect(outside.slice(before).filter((u) => u !== OFFICE_JS)).toEqual([]);
    expect(errors).toEqual([]);
    await pane.close();
  }, 60_000);
});
