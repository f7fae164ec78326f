/** Bytes → base64 (Excel.createWorkbook takes the file so). Pure: no Buffer, no btoa on a giant string. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // Built in pieces: one string per 48 KB of input keeps the joins cheap on files of many megabytes.
  const CHUNK = 3 * 16384;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const end = Math.min(bytes.length, start + CHUNK);
    let out = '';
    for (let i = start; i < end; i += 3) {
      const a = bytes[i]!;
      const b = i + 1 < end ? bytes[i + 1]! : 0;
      const c = i + 2 < end ? bytes[i + 2]! : 0;
      const n = (a << 16) | (b << 8) | c;
      out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
        + (i + 1 < end ? ALPHABET[(n >> 6) & 63]! : '=')
        + (i + 2 < end ? ALPHABET[n & 63]! : '=');
    }
    parts.push(out);
  }
  return parts.join('');
}
