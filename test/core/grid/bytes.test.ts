import fc from 'fast-check';
import { jsonBytes, utf8Length } from '../../../src/core/grid/bytes';

const encoded = (s: string): number => new TextEncoder().encode(s).length;

describe('grid payload bytes', () => {
  it('counts UTF-8 bytes exactly as TextEncoder writes them, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Length(s) === encoded(s)));
    fc.assert(fc.property(fc.array(fc.integer({ min: 0xd7f0, max: 0xe010 })), (codes) => {
      const s = String.fromCharCode(...codes);
      return utf8Length(s) === encoded(s);
    }));
  });

  it('a high surrogate before a character that is not its pair is one replacement character, not four bytes', () => {
    expect(utf8Length('\ud83dA')).toBe(encoded('\ud83dA'));
    expect(utf8Length('\ud83d客')).toBe(6);
    expect(utf8Length('\ud83d')).toBe(3);
    expect(utf8Length('客户😀')).toBe(10);
  });

  it('measures a value as the JSON Office.js sends', () => {
    expect(jsonBytes([['张三', 1]])).toBe(encoded('[["张三",1]]'));
    expect(jsonBytes(undefined)).toBe(4);
  });
});
