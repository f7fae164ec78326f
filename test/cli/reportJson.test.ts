import fc from 'fast-check';
import { reportJsonPieces } from '../../src/cli/reportJson';
import { analyzeSample } from '../helpers/samples';

const same = (value: object, piece?: number) => [...reportJsonPieces(value, piece)].join('') === JSON.stringify(value, null, 2);

describe('reportJsonPieces', () => {
  it('writes exactly JSON.stringify(report, null, 2), in pieces', async () => {
    const { report } = await analyzeSample('customers-zh');
    const pieces = [...reportJsonPieces(report, 4096)];
    expect(pieces.length).toBeGreaterThan(10);
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2));
  });
  it('agrees with JSON.stringify on any object of arrays and values', () => {
    fc.assert(fc.property(fc.dictionary(fc.string(), fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue()))), fc.integer({ min: 1, max: 64 }),
      (obj, piece) => same(obj, piece)));
  });
});
