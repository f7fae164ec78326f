/**
 * The package's codec on Node's zlib, for the CLI. Deflating goes a megabyte at a time, each piece
 * ending on a sync flush (so the pieces form one deflate stream, the last one closing it): the part is
 * never held twice. Inflating a part is one native call.
 */
import * as zlib from 'node:zlib';
import type { Codec } from './codec';

const PIECE = 1 << 20;

export const nodeCodec: Codec = {
  streams: false,
  crc32: (data, previous = 0) => zlib.crc32(data, previous),
  deflater(level, ondata) {
    let pending: Uint8Array[] = [];
    let size = 0;
    const emit = (final: boolean) => {
      const input = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      pending = [];
      size = 0;
      const out = zlib.deflateRawSync(input, { level, ...(final ? {} : { finishFlush: zlib.constants.Z_SYNC_FLUSH }) });
      if (out.length > 0) ondata(new Uint8Array(out.buffer, out.byteOffset, out.length));
    };
    return {
      push(chunk, final) {
        if (chunk.length > 0) {
          pending.push(chunk);
          size += chunk.length;
        }
        if (final) emit(true);
        else if (size >= PIECE) emit(false);
      },
    };
  },
  inflater(ondata) {
    // zlib has no synchronous stream: the input is gathered, then inflated in one native call.
    const input: Uint8Array[] = [];
    return {
      push(chunk, final) {
        if (chunk.length > 0) input.push(chunk);
        if (!final) return;
        const out = zlib.inflateRawSync(input.length === 1 ? input[0]! : Buffer.concat(input));
        for (let at = 0; at < out.length; at += PIECE) ondata(new Uint8Array(out.buffer, out.byteOffset + at, Math.min(PIECE, out.length - at)));
      },
    };
  },
};
