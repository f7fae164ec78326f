/**
 * <sheetProtection> as the file holds it: what a protected ledger still allows (format, sort, filter),
 * and the password as the legacy 16-bit hash (ECMA-376 Part 4, 14.7.1), which every Excel reads. Excel
 * itself saves a salted SHA-512 hash, which this tool does not compute: such a sheet is unprotected in
 * Excel, never here.
 */
import { attribute } from '../xml/xml';

/** The legacy hash of a password of printable ASCII characters, as four hex digits. */
export function legacyPasswordHash(password: string): string {
  let hash = 0;
  for (let i = 0; i < password.length; i++) {
    const value = password.charCodeAt(i) << (i + 1);
    hash ^= (value & 0x7fff) | (value >> 15);
  }
  hash ^= password.length;
  hash ^= 0xce4b;
  return hash.toString(16).toUpperCase().padStart(4, '0');
}

/** Passwords the legacy hash takes exactly: Excel hashes other characters through a code page. */
export function isHashablePassword(password: string): boolean {
  return /^[\x20-\x7e]{1,15}$/.test(password);
}

/** The attributes of a protection that leaves formatting, sorting and filtering allowed ("0": not protected). */
export function protectionAttributes(password: string | undefined): Record<string, string> {
  return {
    ...(password ? { password: legacyPasswordHash(password) } : {}),
    sheet: '1', objects: '1', scenarios: '1',
    formatCells: '0', formatColumns: '0', formatRows: '0', sort: '0', autoFilter: '0',
  };
}

/** Whether `password` opens the protection of this tag: 'unknown' for a hash this tool cannot compute. */
export function passwordOpens(tag: string, password: string | undefined): boolean | 'unknown' {
  if (attribute(tag, 'hashValue') !== undefined) return 'unknown';
  const legacy = attribute(tag, 'password');
  if (legacy === undefined || legacy === '') return true;
  return password !== undefined && isHashablePassword(password) && legacyPasswordHash(password) === legacy.toUpperCase().padStart(4, '0');
}
