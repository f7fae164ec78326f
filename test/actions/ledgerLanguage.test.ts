/**
 * Sheets and columns in the ledger's language, whatever the pane speaks (issue 17, "Words"): a
 * Chinese pane on an English ledger writes English columns and sheets, an English pane on a Chinese
 * ledger Chinese ones — as the CLI does — and a workbook keeps the language the add-in first wrote in.
 */
import { buildSummary, checkContacts, computeTiers, findDuplicates, liveCheck, liveCheckLayout, type ActionContext } from '../../src/actions';
import { headerLanguage } from '../../src/actions/context';
import type { Locale } from '../../src/i18n/strings';
import { simWith } from '../helpers/simLedger';

const EN = [
  ['Name', 'Mobile', 'Email', 'Total spend', 'Last purchase', 'Orders'],
  ['Ann Lee', '13800138000', 'ann@qq.con', 1200, 46300, 3],
  ['Bo Chen', '13900139000', 'bo@163.com', 300, 45000, 1],
  ['Ann Lee', '13800138000', 'ann@qq.com', 80, 46200, 1],
];
const ZH = [
  ['姓名', '手机', '邮箱', '消费金额', '最近购买', '购买次数'],
  ['张伟', '13800138000', 'zw@qq.con', 1200, 46300, 3],
  ['王芳', '13900139000', 'wf@163.com', 300, 45000, 1],
  ['张伟', '13800138000', 'zw@qq.com', 80, 46200, 1],
];

function run(values: unknown[][], sheet: string, locale: Locale) {
  const { host, port } = simWith({ [sheet]: values });
  const ctx: ActionContext = { port, locale, now: new Date('2026-11-23T09:00:00Z') };
  return { host, ctx };
}

describe('the ledger\'s language for what is written on the sheets', () => {
  it('a Chinese pane on an English ledger writes English columns and an English summary sheet', async () => {
    const { host, ctx } = run(EN, 'Clients', 'zh-CN');
    await checkContacts(ctx);
    await computeTiers(ctx);
    await findDuplicates(ctx);
    const summary = await buildSummary(ctx);
    const header = host.workbook.sheet('Clients').values()[0]!;
    expect(header).toEqual(expect.arrayContaining(['Phone check', 'Email check', 'Value tier', 'Status', 'Duplicate group']));
    expect(header.join(' ')).not.toMatch(/\p{Script=Han}/u);
    expect(summary.summarySheet).toBe('Customer Summary');
  });

  it('an English pane on a Chinese ledger writes Chinese columns', async () => {
    const { host, ctx } = run(ZH, '客户信息', 'en-US');
    await checkContacts(ctx);
    await computeTiers(ctx);
    const header = host.workbook.sheet('客户信息').values()[0]!;
    expect(header).toEqual(expect.arrayContaining(['电话检查', '邮箱检查', '价值分层']));
    expect(header).not.toContain('Phone check');
  });

  it('keeps the language the add-in first wrote in, when the pane\'s language changes later', async () => {
    const { host, port } = simWith({ Clients: EN });
    await checkContacts({ port, locale: 'en-US', now: new Date('2026-11-23T09:00:00Z') });
    await computeTiers({ port, locale: 'zh-CN', now: new Date('2026-11-23T09:00:00Z') });
    const header = host.workbook.sheet('Clients').values()[0]!;
    expect(header).toEqual(expect.arrayContaining(['Phone check', 'Value tier']));
  });

  it('live checking, under a Chinese pane, words an English ledger\'s check cells in English', async () => {
    const { host, ctx } = run(EN, 'Clients', 'zh-CN');
    await checkContacts(ctx);
    const layout = (await liveCheckLayout(ctx))!;
    expect(layout.locale).toBe('en-US');
    host.workbook.sheet('Clients').write('B3', [['12345']]);
    await liveCheck(ctx.port, 'zh-CN', layout, ['B3']);
    const header = host.workbook.sheet('Clients').values()[0]!;
    const check = host.workbook.sheet('Clients').values()[2]![header.indexOf('Phone check')];
    expect(String(check)).toMatch(/^invalid/);
  });

  it('tells the header\'s language: Han characters, Latin letters, or neither', () => {
    expect(headerLanguage(['姓名', 'Email'])).toBe('zh-CN');
    expect(headerLanguage(['Name', 'Mobile', 3])).toBe('en-US');
    expect(headerLanguage([1, 2, null, '2026'])).toBeNull();
  });
});
