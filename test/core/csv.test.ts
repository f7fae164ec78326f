import fc from 'fast-check';
import { decodeCsvBytes, parseCsv } from '../../src/core/csv';

/** GBK bytes of 张伟,13800138000 — as Chinese Excel saves a CSV. */
const GBK = Uint8Array.from([0xd5, 0xc5, 0xce, 0xb0, 0x2c, ...Buffer.from('13800138000')]);

describe('decodeCsvBytes', () => {
  it('reads UTF-8 with and without a BOM, UTF-16 with a BOM, and GBK', () => {
    expect(decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...Buffer.from('张伟,1')]))).toEqual({ text: '张伟,1', encoding: 'utf-8' });
    expect(decodeCsvBytes(Uint8Array.from(Buffer.from('张伟,1')))).toEqual({ text: '张伟,1', encoding: 'utf-8' });
    expect(decodeCsvBytes(Uint8Array.from([0xff, 0xfe, ...Buffer.from('张伟', 'utf16le')]))).toEqual({ text: '张伟', encoding: 'utf-16le' });
    expect(decodeCsvBytes(GBK)).toEqual({ text: '张伟,13800138000', encoding: 'gbk' });
  });
});

describe('parseCsv', () => {
  it('reads quoted fields with commas, quotes and line breaks; semicolon and tab files; CRLF and LF', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n"two\nlines",3\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"'], ['two\nlines', '3']]);
    expect(parseCsv('Name;Phone\nAnn;+1 415\n')).toEqual([['Name', 'Phone'], ['Ann', '+1 415']]);
    expect(parseCsv('Name\tPhone\nAnn\t138\n')).toEqual([['Name', 'Phone'], ['Ann', '138']]);
    expect(parseCsv('a,b\n,\n')).toEqual([['a', 'b'], ['', '']]);
  });

  it('reads back any grid written the RFC 4180 way', () => {
    const field = fc.string().filter((s) => !s.includes('\r'));
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }).filter((g) => g.every((r) => r.length === g[0]!.length)), (grid) => {
      const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
      const text = grid.map((r) => r.map(q).join(',')).join('\r\n');
      expect(parseCsv(text)).toEqual(grid);
    }));
  });
});
