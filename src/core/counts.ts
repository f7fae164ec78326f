/** Whole counts (of orders, visits) from numbers or text: 3, 3次, 3 orders, 三次. */
import { chineseInteger } from './chineseNumerals';
import { prepareText, safeCellValue } from './parseInput';

/** 3, +3, 共3次, 3 单, 3 orders, 1,234, 3.0, 三次: group 1 digits, group 2 Chinese numerals. */
const COUNT_TEXT =
  /^(?:共|约|大约|x|×)?\s*\+?\s*(?:(\d{1,3}(?:,\d{3})+|\d+)(?:\.0+)?|([〇○零一二两兩三四五六七八九十百千万萬]+))\s*(?:次|单|單|笔|筆|件|回|个|個|orders?|purchases?|times?|x|pcs)?$/i;

/**
 * A non-negative whole count (of orders, visits...) from a number or text: 3, 3.0, '3', '3次', '3 单',
 * '3 orders', '三次', '1,234'. Null for fractions (2.5), negatives, blanks and other text.
 */
export function parseCount(value: unknown): number | null {
  if (typeof value === 'number') return countFromNumber(value);
  if (typeof value === 'string') return parseCountText(value);
  if (value === null || value === undefined || typeof value !== 'object' || value instanceof Date) return null;
  const plain = safeCellValue(value);
  if (typeof plain === 'number') return countFromNumber(plain);
  return typeof plain === 'string' ? parseCountText(plain) : null;
}

function countFromNumber(n: number): number | null {
  if (!Number.isFinite(n) || n < 0) return null;
  const whole = Math.round(n);
  // Formula results such as 3*0.1*10 land a hair off the integer; anything further is a fraction.
  return Math.abs(n - whole) < 1e-9 ? whole : null;
}

function parseCountText(raw: string): number | null {
  const s = prepareText(raw);
  const m = s === null ? null : COUNT_TEXT.exec(s);
  if (!m) return null;
  if (m[1] !== undefined) return countFromNumber(Number(m[1].replaceAll(',', '')));
  return chineseInteger(m[2] ?? '');
}
