/** The ledger's words in the add-in's tables: 沉睡 becomes 休眠 everywhere, English stays as it is. */
import { paneStrings } from '../../src/i18n/pane';
import { RFM_SEGMENT_WORDS } from '../../src/i18n/rfm';
import { strings } from '../../src/i18n/strings';
import { SUMMARY_WORDS } from '../../src/i18n/summary';
import { ledgerStrings, OUR_TERMS, sayTerms, withTerms } from '../../src/i18n/terms';

const XIUMIAN = { dormant: '休眠' } as const;

/** Every string a table holds or its functions return for some arguments. */
function texts(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (typeof v === 'function') {
    try {
      const r = (v as (...a: unknown[]) => unknown)(3, 4, 'x', 'y');
      texts(r, out);
    } catch { /* a function that needs other arguments: its words are checked where it is used */ }
  } else if (v && typeof v === 'object') for (const x of Object.values(v)) texts(x, out);
  return out;
}

describe('terms', () => {
  it('our own terms change nothing (the same table, not a copy)', () => {
    const zh = strings('zh-CN');
    expect(withTerms(zh, OUR_TERMS)).toBe(zh);
    expect(sayTerms('超过 90 天 → 沉睡')).toBe('超过 90 天 → 沉睡');
  });

  it('a 休眠 ledger: no 沉睡 left in any table the add-in writes or shows, and 休眠 where 沉睡 was', () => {
    for (const table of [strings('zh-CN'), paneStrings('zh-CN'), SUMMARY_WORDS['zh-CN'], RFM_SEGMENT_WORDS['zh-CN']]) {
      const before = texts(table);
      const after = texts(withTerms(table, XIUMIAN));
      expect(after.join('\n')).not.toContain('沉睡');
      expect(after.filter((t) => t.includes('休眠')).length).toBe(before.filter((t) => t.includes('沉睡') || t.includes('休眠')).length);
    }
    expect(ledgerStrings('zh-CN', XIUMIAN).statusTier).toEqual({ active: '活跃', dormant: '休眠', lost: '流失', unknown: '未知' });
    expect(withTerms(paneStrings('zh-CN'), XIUMIAN).statusInWords(90, 365)).toBe('超过 90 天未购买或联系 → 休眠；超过 365 天 → 流失。');
  });

  it('English is untouched by a Chinese term', () => {
    expect(texts(withTerms(strings('en-US'), XIUMIAN))).toEqual(texts(strings('en-US')));
    expect(ledgerStrings('en-US', XIUMIAN).statusTier.dormant).toBe('Dormant');
  });
});
