/** CRC-32 (the zip polynomial), incremental: pass the previous value to continue over the next chunk. */

const TABLE = (() => {
  const t = new Int32Array(256 * 4);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  // Slicing by four: four bytes per step instead of one (the sheet XML of a big ledger is hundreds of MB).
  for (let n = 0; n < 256; n++) {
    let c = t[n]!;
    for (let k = 1; k < 4; k++) {
      c = t[c & 0xff]! ^ (c >>> 8);
      t[k * 256 + n] = c;
    }
  }
  return t;
})();

export function crc32(data: Uint8Array, previous = 0): number {
  let c = ~previous;
  const n = data.length;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    c ^= data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24);
    c = TABLE[768 + (c & 0xff)]! ^ TABLE[512 + ((c >>> 8) & 0xff)]! ^ TABLE[256 + ((c >>> 16) & 0xff)]! ^ TABLE[c >>> 24]!;
  }
  for (; i < n; i++) c = TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}
