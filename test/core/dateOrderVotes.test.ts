import fc from 'fast-check';
import { inferDateOrder } from '../../src/core/dateOrderVotes';
import { oddValue } from './arbitraries';

describe('inferDateOrder', () => {
  it('votes by the part above 12', () => {
    expect(inferDateOrder(['13/02/2025', '05/06/2025'])).toBe('dmy');
    expect(inferDateOrder(['02/13/2025', '05/06/2025'])).toBe('mdy');
    expect(inferDateOrder(['13/02/2025', '14/02/2025', '02/13/2025'])).toBe('dmy');
  });

  it('defaults to mdy with no votes or a tie', () => {
    expect(inferDateOrder([])).toBe('mdy');
    expect(inferDateOrder(['05/06/2025', '2025/13/01', 45000, null, new Date()])).toBe('mdy');
    expect(inferDateOrder(['13/02/2025', '02/13/2025'])).toBe('mdy');
  });

  it('does not let year-first four-digit forms vote', () => {
    expect(inferDateOrder(['2025/5/17', '2025-05-30', '2025.12.31', '13/02/2025'])).toBe('dmy');
  });

  it('sees year-first two-digit forms', () => {
    expect(inferDateOrder(['99/5/17', '45/12/1', '5/6/7'])).toBe('ymd');
  });

  it('reads full-width text', () => {
    expect(inferDateOrder(['１３/０２/２０２５'])).toBe('dmy');
  });
});

describe('properties', () => {
  it('inferDateOrder never throws', () => {
    fc.assert(
      fc.property(oddValue, (value) => {
        inferDateOrder([value]);
      }),
      { numRuns: 3000 },
    );
  });
});
