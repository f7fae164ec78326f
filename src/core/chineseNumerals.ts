/** Chinese numerals (十七, 三万五千, 一百零五) as integers, for dates, amounts and counts. */

const CODE_0 = 48;

export const CJK_DIGITS = new Map<string, number>([
  ['〇', 0], ['○', 0], ['零', 0], ['一', 1], ['二', 2], ['两', 2], ['兩', 2], ['三', 3], ['四', 4],
  ['五', 5], ['六', 6], ['七', 7], ['八', 8], ['九', 9],
]);
const CJK_UNITS = new Map<string, number>([
  ['十', 10], ['拾', 10], ['百', 100], ['佰', 100], ['千', 1000], ['仟', 1000], ['万', 1e4], ['萬', 1e4], ['亿', 1e8], ['億', 1e8],
]);

/** 十七 → 17, 二十 → 20, 三万五千 → 35000, 一百零五 → 105, 一亿二千万 → 120000000; null for anything else. */
export function chineseInteger(text: string): number | null {
  if (text === '') return null;
  let yi = 0; // the part already scaled by 亿
  let wan = 0; // the part already scaled by 万
  let section = 0; // tens, hundreds and thousands below 万
  let digit: number | null = null; // the digit waiting for its unit
  let sinceBigUnit = false; // a 万 or 亿 needs a number before it
  for (const ch of text) {
    const d = CJK_DIGITS.get(ch) ?? (ch >= '0' && ch <= '9' ? ch.charCodeAt(0) - CODE_0 : undefined);
    if (d !== undefined) {
      if (digit !== null && digit !== 0) return null; // 一二 is not a number; 零五 is
      digit = d;
      sinceBigUnit = true;
      continue;
    }
    const unit = CJK_UNITS.get(ch);
    if (unit === undefined) return null;
    if (unit >= 1e4 && !sinceBigUnit) return null;
    sinceBigUnit = unit < 1e4;
    if (unit === 1e8) {
      yi = (yi + wan + section + (digit ?? 0)) * unit;
      wan = 0;
    } else if (unit === 1e4) {
      wan = (section + (digit ?? 0)) * unit;
    } else {
      section += (digit ?? 1) * unit; // a bare 十 means ten
      digit = null;
      continue;
    }
    section = 0;
    digit = null;
  }
  return yi + wan + section + (digit ?? 0);
}
