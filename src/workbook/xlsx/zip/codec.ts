/**
 * How the package compresses, decompresses and checksums: fflate and a table CRC by default (they run in
 * the browser and in Node alike); the CLI swaps in Node's zlib (native, several times faster on the
 * hundreds of megabytes of a big ledger's sheet) with `useCodec`.
 */
import { Deflate, Inflate } from 'fflate';
import { crc32 as tableCrc32 } from './crc32';

/** A (de)compressing stream: pieces in, pieces out through the callback it was made with. */
export interface FlateStream {
  push(chunk: Uint8Array, final: boolean): void;
}



export interface Codec {
  /** Whether inflating is a stream (fed a step of input at a time) or one call on the whole input. */
  streams: boolean;
  crc32(data: Uint8Array, previous?: number): number;
  /** Level 6 for what is saved, 1 for a part kept compressed only while the plan runs. */
  deflater(level: 1 | 6, ondata: (chunk: Uint8Array) => void): FlateStream;
  /** Inflates raw deflate data pushed in pieces, handing the output out in pieces as it comes. */
  inflater(ondata: (chunk: Uint8Array) => void): FlateStream;
}

export const fflateCodec: Codec = {
  streams: true,
  crc32: tableCrc32,
  deflater(level, ondata) {
    const d = new Deflate({ level }, (chunk) => ondata(chunk));
    return { push: (chunk, final) => d.push(chunk, final) };
  },
  inflater(ondata) {
    const i = new Inflate((chunk) => ondata(chunk));
    return { push: (chunk, final) => i.push(chunk, final) };
  },
};

let current: Codec = fflateCodec;

export function codec(): Codec {
  return current;
}

export function useCodec(next: Codec): void {
  current = next;
}
