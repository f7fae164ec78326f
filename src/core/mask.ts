/**
 * Masking for a copy of the ledger shared outside the team ("Export masked copy"). Pure, never throws,
 * idempotent (masking a masked value changes nothing), and never reveals more than it keeps:
 *
 * - Phone: the digits of the national number (E.164 without the country code for a valid number,
 *   otherwise every digit typed in the cell, extensions and labels dropped). 11 or more digits keep the
 *   first 3 and the last 4 (138****8000: at least 4 hidden); 5–10 digits keep only the last 2
 *   (********78); 4 or fewer are hidden entirely. A valid number of another country than the default
 *   region keeps its calling code in front ("+44 ********56"). A cell with text but no digit gives "***".
 * - Email: every address in the cell becomes the first character of its local part, "***" and the
 *   domain (l***@qq.com); other text in the cell (a name, a label) is dropped. Text without "@" gives "***".
 * - Name (used only when asked): the first character of each word kept, every other character a star
 *   (张三 → 张*, 欧阳娜娜 → 欧***, John Smith → J*** S****); a one-character word gets one star (王 → 王*).
 *
 * Blank cells and missing markers (无, -, n/a) give "" (nothing to hide).
 */
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { checkPhone } from './phone';
import { cellText, cleanText, isMissingText } from './text';

/** What a masked phone looks like: re-masking it returns it unchanged. */
const MASKED_PHONE = /^(?:\+\d{1,3} )?(?:\d{3}\*{4,}\d{4}|\*{3,}\d{2}|\*{1,4})$/;

/** The shape rules above, on a string of digits. */
export function maskDigits(digits: string): string {
  const n = digits.length;
  if (n === 0) return '***';
  if (n <= 4) return '*'.repeat(n);
  if (n <= 10) return `${'*'.repeat(n - 2)}${digits.slice(-2)}`;
  return `${digits.slice(0, 3)}${'*'.repeat(n - 7)}${digits.slice(-4)}`;
}

function textOf(value: unknown): string | null {
  let text: string;
  try {
    text = cleanText(cellText(value));
  } catch {
    return null;
  }
  return isMissingText(text) ? null : text;
}

const callingCodes = new Map<string, string | null>();
function callingCode(region: string): string | null {
  let code = callingCodes.get(region);
  if (code === undefined) {
    try {
      code = getCountryCallingCode(region.toUpperCase() as CountryCode);
    } catch {
      code = null;
    }
    callingCodes.set(region, code);
  }
  return code;
}

/** A phone cell, masked. `region` is the default region numbers without a country code belong to. */
export function maskPhone(value: unknown, region = 'CN'): string {
  const text = textOf(value);
  if (text === null) return '';
  if (MASKED_PHONE.test(text)) return text;
  try {
    const check = checkPhone(value, region);
    if (check.status === 'valid' && check.e164) {
      // Calling codes are prefix-free: a number of the default region is "+" + its code + the national number.
      const own = callingCode(region);
      if (own !== null && check.e164.startsWith(`+${own}`)) return maskDigits(check.e164.slice(own.length + 1));
      const parsed = parsePhoneNumberFromString(check.e164);
      if (parsed) return `+${parsed.countryCallingCode} ${maskDigits(String(parsed.nationalNumber))}`;
    }
  } catch {
    // Fall through to the digits of the text: masking never fails.
  }
  // Not a valid number: its digits, without the default region's country prefix (+86, 0086, (+86)).
  const own = callingCode(region);
  const national = own === null ? text : text.replace(new RegExp(`^\\D*?(?:\\+|00)\\s*${own}`), '');
  return maskDigits(national.replace(/[^0-9]/g, ''));
}

const EMAIL_SEPARATORS = /[\s;,，；、|<>()（）[\]"'“”‘’:：]+/;

function maskAddress(token: string): string {
  const at = token.lastIndexOf('@');
  const local = token.slice(0, at);
  const domain = token.slice(at + 1);
  const first = Array.from(local)[0] ?? '';
  // A local part that is already stars (or empty) keeps none of its characters.
  return `${first === '*' ? '' : first}***@${domain}`;
}

/** An email cell, masked: each address in it as l***@domain, joined by "; ". */
export function maskEmail(value: unknown): string {
  const text = textOf(value);
  if (text === null) return '';
  const addresses = text.split(EMAIL_SEPARATORS).filter((t) => t.includes('@'));
  if (addresses.length === 0) return '***';
  return addresses.map(maskAddress).join('; ');
}

/** A name cell, masked (optional: the export keeps names unless asked). */
export function maskName(value: unknown): string {
  const text = textOf(value);
  if (text === null) return '';
  return text.split(' ').filter(Boolean).map((word) => {
    const chars = Array.from(word);
    const first = chars[0] === '*' ? '*' : chars[0]!;
    return `${first}${'*'.repeat(Math.max(1, chars.length - 1))}`;
  }).join(' ');
}
