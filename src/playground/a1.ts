/** Column letters and used-range parsing for the grid. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "A1:Q343" (or "A1") → last row and column, 0-based; null for an empty sheet. */
export function usedExtent(address: string | null): { rows: number; cols: number } | null {
  if (!address) return null;
  const last = address.split('!').pop()!.split(':').pop()!;
  const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(last);
  if (!m) return null;
  return { rows: Number(m[2]), cols: columnNumber(m[1]!) + 1 };
}
