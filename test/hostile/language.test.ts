/** The CLI's refusals in the user's language: one line, exit 2, Chinese under LANG=zh_CN. */
import * as fs from 'node:fs';
import { seedXlsx, smallLedger } from './cells';
import { cleanTemp, cli, tempFile, xlsxWorkbook } from './harness';
import { refusalText } from '../../src/cli/refusals';

afterAll(cleanTemp);

async function refusal(args: string[], lang: string) {
  const r = await cli(args, lang);
  expect({ code: r.code, lines: r.err.trim().split('\n').length }).toEqual({ code: 2, lines: 1 });
  return r.err.trim();
}

describe('refusals under LANG=zh_CN', () => {
  it('no customer sheet', async () => {
    const { file } = await xlsxWorkbook((w) => seedXlsx(w.addWorksheet('库存'), [['产品', '数量'], ['螺丝', 3]]));
    expect(await refusal(['apply', file, '--out', tempFile('o1.xlsx')], 'zh_CN.UTF-8')).toMatch(/^customer-ledger: 没有像客户表的工作表/);
    expect(await refusal(['analyze', file], 'zh_CN.UTF-8')).toMatch(/中没有像客户表的工作表/);
    expect(await refusal(['analyze', file], 'en_US.UTF-8')).toMatch(/looks like a customer list/);
    // --lang wins over the environment.
    expect(await refusal(['analyze', file, '--lang', 'zh-CN'], 'en_US.UTF-8')).toMatch(/没有像客户表/);
  });

  it('a protected sheet', async () => {
    const { file } = await xlsxWorkbook(async (w) => {
      const ws = w.addWorksheet('客户信息');
      seedXlsx(ws, smallLedger());
      await ws.protect('pw', {});
    });
    expect(await refusal(['apply', file, '--out', tempFile('o2.xlsx')], 'zh_CN.UTF-8')).toBe('customer-ledger: 工作表「客户信息」受保护：请先撤销保护（审阅 → 撤消工作表保护）再试。未做任何更改。');
  });

  it('files that are not workbooks, and a missing file', async () => {
    const text = tempFile('t.xlsx');
    fs.writeFileSync(text, 'hello');
    expect(await refusal(['analyze', text], 'zh_CN.UTF-8')).toMatch(/不是 \.xlsx 工作簿/);
    expect(await refusal(['apply', text, '--out', tempFile('o3.xlsx')], 'zh_CN.UTF-8')).toMatch(/不是 \.xlsx 工作簿/);
    expect(await refusal(['analyze', tempFile('none.xlsx')], 'zh_CN.UTF-8')).toMatch(/^customer-ledger: 找不到文件：/);
    expect(await refusal(['apply', text, '--out', text], 'zh_CN.UTF-8')).toMatch(/从不覆盖输入文件/);
  });

  it('an unknown sentence stays as it was rather than being guessed', () => {
    expect(refusalText('Something new happened.', 'zh-CN')).toBe('Something new happened.');
    expect(refusalText('File not found: a.xlsx', 'en-US')).toBe('File not found: a.xlsx');
  });
});
