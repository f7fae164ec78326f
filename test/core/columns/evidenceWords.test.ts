import { EVIDENCE_CODES } from '../../../src/core/columns/columnEvidence';
import { paneStrings } from '../../../src/i18n/pane';

describe('evidence in words', () => {
  it.each(['zh-CN', 'en-US'] as const)('words every evidence code in %s, with the header where it speaks of it', (locale) => {
    const s = paneStrings(locale);
    for (const code of EVIDENCE_CODES) {
      const text = s.evidence(code, '客户经理');
      expect([code, text]).not.toEqual([code, code]);
      if (code.startsWith('header-')) expect(text).toContain('客户经理');
    }
    expect(paneStrings('en-US').evidence('values-email', 'x')).toBe('values are email addresses');
    expect(paneStrings('en-US').evidence('header-exact', '客户经理')).toBe('header says "客户经理"');
  });
});
