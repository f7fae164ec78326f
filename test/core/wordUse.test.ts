/** Which word for an idea a sheet's own cells use (沉睡 or 休眠): the add-in says that one. */
import fc from 'fast-check';
import { mostUsedWord } from '../../src/core/wordUse';
import { DORMANT_WORDS } from '../../src/i18n/terms';

const scope = { fromRow: 0, ignoreColumns: [] as number[] };

describe('mostUsedWord', () => {
  it('picks the word in more cells; a cell counts once however often it repeats the word', () => {
    const values = [['状态', '备注'], ['休眠', '休眠休眠休眠'], ['沉睡', null], ['活跃', '沉睡客户']];
    expect(mostUsedWord(values, DORMANT_WORDS, scope)).toBe('沉睡'); // 2 cells each: a tie
    expect(mostUsedWord([...values, ['休眠', '']], DORMANT_WORDS, scope)).toBe('休眠');
  });

  it('says the first word (the add-in\'s own) on a tie and when no cell holds either', () => {
    expect(mostUsedWord([['a', 'b']], DORMANT_WORDS, scope)).toBe('沉睡');
    expect(mostUsedWord([], DORMANT_WORDS, scope)).toBe('沉睡');
    expect(mostUsedWord([['休眠', '沉睡']], DORMANT_WORDS, scope)).toBe('沉睡');
  });

  it('does not let ignored columns (the add-in\'s own) vote, nor rows above the header', () => {
    const values = [['沉睡 沉睡', '', ''], ['客户', '状态', '我们的列'], ['甲', '休眠', '沉睡'], ['乙', '', '沉睡']];
    expect(mostUsedWord(values, DORMANT_WORDS, { fromRow: 1, ignoreColumns: [2] })).toBe('休眠');
    expect(mostUsedWord(values, DORMANT_WORDS, { fromRow: 1, ignoreColumns: [] })).toBe('沉睡');
  });

  it('reads only strings and only the first maxRows rows', () => {
    const values: unknown[][] = [[42, new Date(0), true, null, undefined, { text: '休眠' }]];
    expect(mostUsedWord(values, DORMANT_WORDS, scope)).toBe('沉睡');
    const many = [['休眠'], ['沉睡'], ['沉睡']];
    expect(mostUsedWord(many, DORMANT_WORDS, { ...scope, maxRows: 1 })).toBe('休眠');
    expect(mostUsedWord(many, DORMANT_WORDS, { ...scope, maxRows: 3 })).toBe('沉睡');
  });

  it('property: adding a cell with a word never makes another word win instead of it', () => {
    const cell = fc.constantFrom('休眠', '沉睡', '活跃', '休眠客户', '沉睡了', '', null);
    const sheet = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 30 });
    fc.assert(fc.property(sheet, fc.constantFrom(...DORMANT_WORDS), (values, word) => {
      const before = mostUsedWord(values, DORMANT_WORDS, scope);
      const after = mostUsedWord([...values, [word]], DORMANT_WORDS, scope);
      expect(DORMANT_WORDS).toContain(after);
      if (before === word) expect(after).toBe(word);
    }), { numRuns: 500 });
  });
});
