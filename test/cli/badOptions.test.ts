/**
 * "Nothing lost, nothing leaked" (10): options that look well-formed but mean nothing are refused with
 * exit 2 and one line, never stored in the settings (an impossible --as-of made every live status #VALUE!).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expectRefusal, ledgerFile, run, tempDir } from './cliHarness';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = tempDir('ledger-options-');
  file = await ledgerFile(path.join(dir, 'ledger.xlsx'));
});
afterAll(() => { fs.rmSync(dir, { recursive: true, force: true }); });

describe('--as-of', () => {
  it.each(['2026-02-30', '9999-99-99', '2025-13-01', '2026-04-31', '2023-02-29', '2026-00-10', '2026-01-00'])(
    'refuses the impossible date %s (analyze and apply, nothing written)', async (date) => {
      expectRefusal(await run(['analyze', file, '--as-of', date]), new RegExp(`--as-of .*"${date}"`));
      const out = path.join(dir, `asof-${date}.xlsx`);
      expectRefusal(await run(['apply', file, '--out', out, '--as-of', date]), /--as-of/);
      expect(fs.existsSync(out)).toBe(false);
    });

  it.each(['1899-12-31', '0001-01-01', '1000-06-15'])('refuses %s, before 1900 (Excel has no dates before 1900)', async (date) => {
    expectRefusal(await run(['analyze', file, '--as-of', date]), /--as-of .*1900/);
  });

  it('accepts real dates from 1900-01-01 to 9999-12-31, leap days included', async () => {
    for (const date of ['1900-01-01', '2024-02-29', '2000-02-29', '2026-11-22', '9999-12-31']) {
      const r = await run(['analyze', file, '--as-of', date, '--json']);
      expect({ date, code: r.code, err: r.err }).toEqual({ date, code: 0, err: '' });
    }
  });

  it('says it in Chinese under LANG=zh_CN', async () => {
    expect(expectRefusal(await run(['analyze', file, '--as-of', '2026-02-30'], { LANG: 'zh_CN.UTF-8' }))).toMatch(/--as-of.*不是.*日期|日期.*--as-of/);
  });
});

describe('--region', () => {
  it.each(['ZZ', 'XX', 'zz', 'EU', 'UK'])('refuses %s, not a country libphonenumber knows', async (region) => {
    expectRefusal(await run(['analyze', file, '--region', region]), new RegExp(`--region.*"${region}"`));
  });

  it('accepts real country codes in any case', async () => {
    for (const region of ['CN', 'us', 'HK', 'gb', 'TW', 'XK']) {
      const r = await run(['analyze', file, '--region', region]);
      expect({ region, code: r.code, err: r.err }).toEqual({ region, code: 0, err: '' });
    }
  });

  it('says it in Chinese with --lang zh-CN', async () => {
    expect(expectRefusal(await run(['analyze', file, '--region', 'ZZ', '--lang', 'zh-CN']))).toMatch(/--region.*「ZZ」.*国家/);
  });
});

describe('--lang', () => {
  it.each(['xx', 'fr', 'de-DE', 'zh-TW', 'english', 'en-', ''])('refuses "%s"', async (lang) => {
    expectRefusal(await run(['analyze', file, '--lang', lang]), /--lang .*zh-CN.*en-US/);
  });

  it('accepts zh-CN, en-US and their obvious spellings', async () => {
    for (const lang of ['zh-CN', 'zh_CN', 'zh-cn', 'ZH', 'zh', 'zh-Hans', 'zh_CN.UTF-8', 'en', 'en-US', 'en_US', 'EN-us', 'en_US.UTF-8']) {
      const r = await run(['analyze', file, '--lang', lang]);
      expect({ lang, code: r.code, err: r.err }).toEqual({ lang, code: 0, err: '' });
      expect(r.out).toMatch(/^zh/i.test(lang) ? /工作表/ : /Sheet/);
    }
  });

  it('refuses a bad --lang for apply too, and writes nothing', async () => {
    const out = path.join(dir, 'lang.xlsx');
    expectRefusal(await run(['apply', file, '--out', out, '--lang', 'xx']), /--lang/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
