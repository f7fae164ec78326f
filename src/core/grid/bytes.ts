/**
 * Payload sizes as Office.js counts them: UTF-8 bytes of the JSON on the wire. The Office.js adapter
 * plans its syncs with these and the simulator enforces Excel's limits with the same functions, so a
 * plan that fits in one fits in the other.
 */

/** UTF-8 length of a JS string; a lone surrogate counts as U+FFFD (3 bytes), as TextEncoder writes it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** UTF-8 size of a value as JSON (undefined as null). */
export function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? 'null');
}
