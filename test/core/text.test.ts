import fc from 'fast-check';
import { cellText, cellValue, cleanText, isBlankCell, isExcelError, isMissingText, squeezeText } from '../../src/core/text';

describe('cleanText', () => {
  it('folds full-width forms and removes invisible characters and odd spaces', () => {
    expect(cleanText('\u3000１３８\u00A0０Ｘ＠ｑｑ．ｃｏｍ\u200B ')).toBe('138 0X@qq.com');
    expect(cleanText('a\t\n  b')).toBe('a b');
    expect(squeezeText(' 138 0013\u30008000 ')).toBe('13800138000');
  });
  it('is idempotent and never leaves outer whitespace', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => {
      const once = cleanText(s);
      return cleanText(once) === once && once === once.trim();
    }));
  });
  it('is idempotent also where an invisible character sits between a letter and its mark', () => {
    expect(cleanText('e\u200b\u0301')).toBe('\u00e9');
    const piece = fc.constantFrom('e', 'A', '王', ' ', '\u3000', '\u00a0', '\u200b', '\u200d', '\ufeff', '\u00ad', '\u0301', '\u0308', '\u3099', 'ｶ', '\uff9e', '１', '\t');
    fc.assert(fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
      const once = cleanText(parts.join(''));
      return cleanText(once) === once;
    }), { numRuns: 3000 });
  });
});

describe('missing markers and errors', () => {
  it.each(['', ' ', '-', '无', 'N/A', 'n/a', '—', '暂无', 'null', '#N/A'])('%j is missing', (v) => {
    expect(isMissingText(v)).toBe(true);
  });
  it.each(['0', '王', 'a'])('%j is not missing', (v) => {
    expect(isMissingText(v)).toBe(false);
  });
  it('recognises Excel errors from Office.js and exceljs', () => {
    expect(isExcelError('#N/A')).toBe(true);
    expect(isExcelError('#DIV/0!')).toBe(true);
    expect(isExcelError({ error: '#REF!' })).toBe(true);
    expect(isExcelError('#1 customer')).toBe(false);
  });
});

describe('cellText / cellValue', () => {
  it('reads every shape exceljs hands out', () => {
    expect(cellText({ richText: [{ text: '王' }, { text: '伟' }] })).toBe('王伟');
    expect(cellText({ text: 'a@b.com', hyperlink: 'mailto:a@b.com' })).toBe('a@b.com');
    expect(cellText({ formula: 'A1', result: 42 })).toBe('42');
    expect(cellText({ formula: 'NA()', result: { error: '#N/A' } })).toBe('');
    expect(cellText(new Date(Date.UTC(2025, 0, 2)))).toBe('2025-01-02');
    expect(cellText(null)).toBe('');
    expect(cellText(NaN)).toBe('');
    expect(cellValue({ formula: 'A1', result: 7 })).toBe(7);
    expect(cellValue('#N/A')).toBeNull();
    expect(cellValue({ error: '#DIV/0!' })).toBeNull();
  });
});

describe('isBlankCell', () => {
  it('says blank for what shows nothing, and its fast path agrees with the full rule on any string', () => {
    for (const v of [null, undefined, '', '  ', '\u3000', '\u00A0', '#N/A', '#DIV/0!', { error: '#REF!' }]) expect(isBlankCell(v)).toBe(true);
    for (const v of ['a', '王', '#hashtag', 0, false, '  x ']) expect(isBlankCell(v)).toBe(false);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => isBlankCell(s) === (cellText(s).trim() === '')));
  });
});
