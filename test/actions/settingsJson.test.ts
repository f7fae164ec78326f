/** A JSON setting that would outgrow Excel's cell keeps its newest entries, never an empty or cut text. */
import { SETTING_TEXT_LIMIT, jsonDroppingOldest } from '../../src/actions/settingsSheet';

describe('jsonDroppingOldest', () => {
  it('keeps everything that fits, as it is', () => {
    expect(jsonDroppingOldest(['a', 'b'], (k) => k)).toBe('["a","b"]');
  });

  it('drops the oldest until the text fits a settings cell, and the result still parses', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `g2-${String(i).padStart(12, '0')}`);
    const text = jsonDroppingOldest(items, (k) => k);
    expect(text.length).toBeLessThanOrEqual(SETTING_TEXT_LIMIT);
    const kept = JSON.parse(text) as string[];
    expect(kept.length).toBeGreaterThan(1000);
    expect(kept.at(-1)).toBe(items.at(-1));
    expect(kept).toEqual(items.slice(items.length - kept.length));
  });

  it('keeps one entry even when that one alone is too long', () => {
    const huge = 'x'.repeat(SETTING_TEXT_LIMIT + 10);
    expect(JSON.parse(jsonDroppingOldest([['old', 1], [huge, 2]] as [string, number][], (k) => Object.fromEntries(k)))).toEqual({ [huge]: 2 });
  });
});
