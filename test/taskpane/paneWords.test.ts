/** The pane's words: English plurals, full-width punctuation in Chinese; the thresholds as shares; the card order as a list. */
import { ADDED_SHEET_KINDS } from '../../src/actions/removeAdded';
import { ACTION_IDS, paneStrings, type ActionId } from '../../src/i18n/pane';
import { CARD_ORDER, HOSTED_ACTIONS, nextStep, paneCards } from '../../src/taskpane/logic/cardOrder';
import { percentileOf, topShareOf } from '../../src/taskpane/logic/settingsWords';

const en = paneStrings('en-US');
const zh = paneStrings('zh-CN');

describe('English plurals', () => {
  it('says one thing in the singular', () => {
    expect(en.sheetSummary('Clients', 1, 1)).toBe('"Clients": header on row 1, 1 customer.');
    expect(en.duplicatesResult(1, 2)).toBe('1 duplicate group (2 rows).');
    expect(en.possibleResult(1)).toBe('1 pair looks alike — review it.');
    expect(en.todayCount(1)).toBe('1 customer to call.');
    expect(en.fixedResult(1, 'B')).toBe('Fixed 1 cell, after a backup in "B".');
    expect(en.archivedResult(1, 'A', 'B')).toBe('Moved 1 duplicate row to "A", after a backup in "B".');
    expect(en.mergedResult(1, 1)).toBe('Merged 1 cell into the kept rows; 1 cell holding formulas was left as it was.');
    expect(en.showMoreGroups(1)).toBe('Show 1 more group');
    expect(en.restored('S', 'B', 'C', 1)).toBe('Restored "S" from "B" (1 row). The sheet as it was is in "C".');
    expect(en.maskedOpened('S', 1)).toMatch(/^Opened a new workbook with 1 row of "S"/);
    expect(en.incompleteResult(1)).toMatch(/^1 without its area code/);
  });

  it('and more than one in the plural, with grouped digits', () => {
    expect(en.sheetSummary('Clients', 1, 4)).toBe('"Clients": header on row 1, 4 customers.');
    expect(en.duplicatesResult(3, 7)).toBe('3 duplicate groups (7 rows).');
    expect(en.possibleResult(2)).toBe('2 pairs look alike — review them.');
    expect(en.todayCount(2)).toBe('2 customers to call, the most urgent first.');
    expect(en.fixedResult(1200, 'B')).toBe('Fixed 1,200 cells, after a backup in "B".');
    expect(en.mergedResult(5, 2)).toBe('Merged 5 cells into the kept rows; 2 cells holding formulas were left as they were.');
    expect(en.restored('S', 'B', 'C', 5)).toMatch(/\(5 rows\)/);
  });
});

/** Every string the zh table produces, functions called with plain arguments (small numbers: no digit grouping). */
function allTexts(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    const f = value as (...args: unknown[]) => unknown;
    const argSets = [(i: number) => (i % 2 === 0 ? 3 : '客户'), () => '客户', () => 3, () => ['客户']]
      .map((arg) => Array.from({ length: f.length }, (_, i) => arg(i)));
    return argSets.flatMap((args) => {
      try {
        return allTexts(f(...args));
      } catch {
        return []; // arguments of another shape
      }
    });
  }
  if (Array.isArray(value)) return value.flatMap(allTexts);
  if (value && typeof value === 'object') return Object.values(value).flatMap(allTexts);
  return [];
}

describe('the import\'s result says only what happened', () => {
  it.each([
    [3, 0, 0, 'Added 3 customers, after a backup in "B".', '已添加 3 位客户，之前已备份到「B」。'],
    [0, 2, 5, 'Filled 5 cells of 2 customers, after a backup in "B".', '补全 2 位客户的 5 个空白单元格，之前已备份到「B」。'],
    [1, 1, 1, 'Added 1 customer and filled 1 cell of 1 customer, after a backup in "B".', '已添加 1 位客户，补全 1 位客户的 1 个空白单元格，之前已备份到「B」。'],
  ])('added %i, %i customers filled in %i cells', (added, updated, cells, english, chinese) => {
    expect(en.importDone(added, updated, cells, 'B')).toBe(english);
    expect(zh.importDone(added, updated, cells, 'B')).toBe(chinese);
  });
});

describe('Chinese punctuation', () => {
  it('is full-width: no ASCII comma, colon, semicolon, question or exclamation mark, or parentheses beside Chinese text', () => {
    // ASCII punctuation next to a CJK character (file names like ".xlsx" and "138****8000" are not punctuation).
    const halfWidth = /[\u4e00-\u9fff][,:;?!()]|[,:;?!()][\u4e00-\u9fff]/;
    const bad = allTexts(zh).filter((t) => halfWidth.test(t));
    expect(bad).toEqual([]);
  });

  it('the ellipsis is the Chinese double one', () => {
    const single = allTexts(zh).filter((t) => /[^…]…$/.test(t));
    expect(single).toEqual([]);
  });
});

describe('thresholds as shares', () => {
  it('turns percentiles into top shares and back, exactly', () => {
    expect(topShareOf('0.8')).toBe('20');
    expect(topShareOf('0.5')).toBe('50');
    expect(topShareOf('0.85')).toBe('15');
    expect(percentileOf('20')).toBe('0.8');
    expect(percentileOf('15')).toBe('0.85');
    expect(percentileOf('33.3')).toBe('0.667');
    for (const p of ['0', '0.1', '0.25', '0.7', '0.9', '1']) expect(percentileOf(topShareOf(p))).toBe(p);
  });

  it('passes text that is no number on as typed, so saving says what is wrong', () => {
    expect(percentileOf('abc')).toBe('abc');
    expect(percentileOf('')).toBe('');
    expect(topShareOf('')).toBe('');
  });
});

describe('card order', () => {
  it('is one list; an action it does not name gets a card after the listed actions, before backups and settings', () => {
    const ids = [...ACTION_IDS, 'notNamedYet'] as ActionId[];
    const cards = paneCards(ids, true);
    expect(cards.slice(0, 6)).toEqual(['mapping', 'checkContacts', 'findDuplicates', 'computeTiers', 'buildSummary', 'today']);
    expect(cards.slice(-3)).toEqual(['notNamedYet', 'backups', 'settings']);
    // Every action is in reach: a card of its own, or a button on the card that hosts it.
    for (const id of ids) if (!HOSTED_ACTIONS.includes(id)) expect(cards).toContain(id);
    for (const id of HOSTED_ACTIONS) expect(cards).not.toContain(id);
    expect(cards).toEqual(expect.arrayContaining(['protect', 'today']));
    expect(new Set(cards).size).toBe(cards.length);
  });

  it('puts the template first without a ledger', () => {
    expect(paneCards(ACTION_IDS, false)[0]).toBe('installTemplate');
    expect(paneCards(ACTION_IDS, false).filter((id) => id === 'installTemplate')).toHaveLength(1);
  });

  it('leaves out an action the pane does not have', () => {
    const cards = paneCards(['installTemplate', 'checkContacts'], true);
    expect(cards).toEqual(CARD_ORDER.filter((id) => !['findDuplicates', 'computeTiers', 'buildSummary', 'exportMasked', 'removeAdded'].includes(id)));
  });

  it('suggests the template, then the check (unless its columns are there), then the next step not yet run', () => {
    const none = () => false;
    expect(nextStep(null, none)).toBeNull();
    expect(nextStep({ kind: 'no-sheet' }, none)).toBe('installTemplate');
    expect(nextStep({ kind: 'ready', checkColumns: false }, none)).toBe('checkContacts');
    expect(nextStep({ kind: 'ready', checkColumns: true }, none)).toBe('findDuplicates');
    expect(nextStep({ kind: 'ready', checkColumns: true }, (id) => id === 'findDuplicates')).toBe('computeTiers');
    expect(nextStep({ kind: 'ready', checkColumns: true }, () => true)).toBeNull();
  });
});

describe('the kinds of sheet a removal lists', () => {
  it('are worded in both languages, every one of them (a new kind of own sheet needs its words)', () => {
    for (const locale of ['en-US', 'zh-CN'] as const) {
      const words = paneStrings(locale).removeAddedKinds as Record<string, string | undefined>;
      for (const kind of ADDED_SHEET_KINDS) expect({ locale, kind, word: words[kind] ?? null }).toEqual({ locale, kind, word: expect.any(String) });
    }
  });
});
