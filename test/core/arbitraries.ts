/** fast-check arbitraries shared by the cell parsers' property tests. */
import fc from 'fast-check';

const MIN_DAY = Date.UTC(1900, 2, 1);
const MAX_DAY = Date.UTC(9999, 11, 31);

/** An ISO date from 1900-03-01 (after Excel's fake leap day) to 9999-12-31. */
export const isoDate = fc
  .integer({ min: MIN_DAY / 86400000, max: MAX_DAY / 86400000 })
  .map((day) => new Date(day * 86400000).toISOString().slice(0, 10));

/** Whatever a reader might hand a parser: text of every kind, odd numbers, dates, objects, anything. */
export const oddValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: fc.constantFrom(...'0123456789-/.,年月日万元¥$()kK次 eE+:T')}),
  fc.double(),
  fc.integer(),
  fc.constantFrom(NaN, Infinity, -Infinity, -0, null, undefined, true, Symbol('s'), new Date(NaN), [], {}),
  fc.date({ noInvalidDate: false }),
  fc.object(),
  fc.record({ result: fc.anything() }),
  fc.record({ richText: fc.anything() }),
  fc.anything(),
);
