/**
 * A new user's first minutes, clicked through in the real task pane: a workbook with nothing but an empty
 * sheet, "Create template", then the old list brought in from a CSV. The customers must land in the
 * template's Excel table (its empty first row used, the table grown over them: banding, filter and sort
 * cover them) with their tiers, and the pane must say so. zh-CN at Excel's narrowest pane, en-US wide.
 * Screenshots: test-output/screenshots/onboarding-<locale>-<width>-NN-<step>.png.
 */
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { OWNED_COLUMNS, SHEETS } from '../../src/actions/names';
import { paneStrings, type PaneStrings } from '../../src/i18n/pane';
import { strings } from '../../src/i18n/strings';
import { action, drive, NARROW, PaneDriver, WIDE, type Layout } from './paneDriver';
import { openSession, type PlaygroundWindow, type Session } from './session';

const LAYOUTS: Layout[] = [{ locale: 'zh-CN', ...NARROW }, { locale: 'en-US', ...WIDE }];
const CSV = ['姓名,手机,邮箱,累计消费,最近购买', '陈静,13811112222,chenjing@qq.com,5200,2026-10-08', '刘洋,139 2222 3333,liuyang@163.com,800,2026-06-01',
  '赵敏,13633334444,,120,2025-09-15'].join('\r\n');

describe('a new user: template, then the old list imported into it', () => {
  let session: Session;
  beforeAll(async () => { session = await openSession(); }, 60_000);
  afterAll(async () => { await session?.close(); });

  it.each(LAYOUTS)('$locale, pane $tag px: the customers land in the template\'s table, with their tiers', async (layout) => {
    const flow = await drive(session, layout, (page) => new Onboarding(page, paneStrings(layout.locale), layout));
    expect(flow.overflow).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.outside).toEqual([]);
  }, 180_000);
});

class Onboarding extends PaneDriver {
  constructor(page: Page, s: PaneStrings, layout: Layout) {
    super(page, s, layout, { shots: 'onboarding', confirmFits: true, pageScrollOverflows: false });
  }

  private tables() {
    return this.page.evaluate(() => (window as unknown as PlaygroundWindow).ledgerPlayground.tables());
  }

  async run() {
    const { page, s } = this;
    const locale = this.layout.locale;
    const TEMPLATE = SHEETS.template[locale];
    await page.waitForFunction(() => ((window as unknown as PlaygroundWindow).ledgerPlayground?.sheetNames().length ?? 0) > 0);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1');
    const bytes = [...new Uint8Array(await wb.xlsx.writeBuffer() as ArrayBuffer)];
    await page.evaluate(async (b) => { await (window as unknown as PlaygroundWindow).ledgerPlayground.load(new Uint8Array(b).buffer); }, bytes);
    await page.waitForFunction(() => (window as unknown as PlaygroundWindow).ledgerPlayground.sheetNames().join() === 'Sheet1');
    await this.after('empty-workbook');

    await this.runAction('installTemplate');
    expect(await this.sheetNames()).toContain(TEMPLATE);
    const [table] = await this.tables();
    expect(table?.address).toMatch(new RegExp(`^${TEMPLATE}!A1:[A-Z]+2$`));
    await this.after('template', this.actionCard('installTemplate'));

    const card = this.card('[data-card="import"]');
    await card.waitFor({ timeout: 30_000 });
    await card.getByLabel(s.importFileLabel, { exact: true }).setInputFiles({ name: '老客户.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
    await card.getByRole('region', { name: `${s.importKinds.new} (3)`, exact: true }).waitFor({ timeout: 30_000 });
    await this.after('import-preview', card);
    await this.confirmed('[data-card="import"]', s.importRun, s.importConfirmTitle, 'import');
    await card.getByRole('status').getByText(s.importRefreshed(true, false), { exact: false }).waitFor({ timeout: 30_000 });

    const values = await this.values(TEMPLATE);
    const header = values[0] as string[];
    // The template's empty first row is used: the three customers are rows 2–4, nothing below them.
    expect(values.slice(1).map((r) => r[0])).toEqual(['陈静', '刘洋', '赵敏']);
    const after = await this.tables();
    expect(after.find((t) => t.name === table!.name)?.address).toBe(table!.address.replace(/2$/, '4'));
    // Their tiers are there: the highest spender is high value.
    const tier = header.indexOf(OWNED_COLUMNS.valueTier[locale]);
    expect(tier).toBeGreaterThan(0);
    const words = strings(locale).valueTier;
    expect(values.slice(1).map((r) => r[tier])).toEqual([words.high, words.medium, words.low]);
    await this.after('imported', card);
    await expect(this.card(action('installTemplate')).getByRole('alert').count()).resolves.toBe(0);
  }
}
