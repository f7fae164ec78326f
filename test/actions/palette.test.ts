/** The add-in's fills: no two meanings share a colour, and every text on its fill reads at WCAG AA (4.5:1). */
import { FILL } from '../../src/actions/checkContacts';
import { TIER_STYLES } from '../../src/actions/computeTiers';
import { GROUP_FILLS } from '../../src/actions/findDuplicates';
import { OVERDUE_STYLE } from '../../src/actions/followUpFormat';
import { PALETTE } from '../../src/actions/palette';

/** WCAG 2 relative luminance of "#RRGGBB". */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

it('measures contrast as WCAG does (black on white 21:1, a grey on white below AA)', () => {
  expect(contrast('#000000', '#FFFFFF')).toBeCloseTo(21, 5);
  expect(contrast('#7F7F7F', '#EDEDED')).toBeLessThan(4.5); // the old "lost" text: fails
});

it('every fill is different from every other (the follow-up overdue fill included)', () => {
  const fills = [...Object.values(PALETTE), OVERDUE_STYLE].map((s) => s.fill.toUpperCase());
  expect(contrast(OVERDUE_STYLE.fill, OVERDUE_STYLE.fontColor)).toBeGreaterThanOrEqual(4.5);
  expect(new Set(fills).size).toBe(fills.length);
});

it.each(Object.entries(PALETTE))('%s: its text reads on its fill at 4.5:1 or more', (_key, swatch) => {
  expect(contrast(swatch.fill, swatch.fontColor)).toBeGreaterThanOrEqual(4.5);
});

it('the actions paint with the palette: suspect is not dormant, a group is not a header', () => {
  expect(FILL.suspect.fill).not.toBe(TIER_STYLES.dormant!.fill);
  expect(GROUP_FILLS).not.toContain(PALETTE.header.fill);
  const used = [FILL.invalid, FILL.suspect, TIER_STYLES.high!, TIER_STYLES.dormant!, TIER_STYLES.lost!].map((s) => s.fill);
  for (const fill of [...used, ...GROUP_FILLS]) expect(Object.values(PALETTE).map((s) => s.fill)).toContain(fill);
});
