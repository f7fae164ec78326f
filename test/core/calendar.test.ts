import fc from 'fast-check';
import { daysBetween, excelSerialToIso, isoToExcelSerial } from '../../src/core/calendar';
import { isoDate } from './arbitraries';

describe('excelSerialToIso / isoToExcelSerial', () => {
  it.each([
    [1, '1900-01-01'],
    [59, '1900-02-28'],
    [61, '1900-03-01'],
    [45000, '2023-03-15'],
    [45658, '2025-01-01'],
    [2958465, '9999-12-31'],
  ])('serial %d is %s', (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
    expect(isoToExcelSerial(iso)).toBe(serial);
  });

  it('drops the time-of-day fraction', () => {
    expect(excelSerialToIso(45000.99)).toBe('2023-03-15');
  });

  it('rejects the fake 1900-02-29 and serials outside the calendar', () => {
    for (const s of [60, 0, 0.5, -1, 2958466, NaN, Infinity, -Infinity]) expect(excelSerialToIso(s)).toBeNull();
  });

  it('reads the 1904 date system', () => {
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(45000 - 1462, true)).toBe('2023-03-15');
    expect(excelSerialToIso(-1, true)).toBeNull();
  });

  it('gives NaN for text that is not an ISO date', () => {
    for (const s of ['', '2025-02-30', '2025/01/01', '1899-12-31', 'x']) expect(isoToExcelSerial(s)).toBeNaN();
  });
});

describe('daysBetween', () => {
  it('counts whole days, to − from', () => {
    expect(daysBetween('2025-01-01', '2025-01-02')).toBe(1);
    expect(daysBetween('2025-01-02', '2025-01-01')).toBe(-1);
    expect(daysBetween('2025-11-22', '2025-11-22')).toBe(0);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2025-11-22', '2026-11-22')).toBe(365);
    // no daylight-saving hour can shift it
    expect(daysBetween('2025-03-08', '2025-03-10')).toBe(2);
  });

  it('is NaN when a date is not ISO', () => {
    expect(daysBetween('2025-01-01', 'soon')).toBeNaN();
  });
});

describe('properties', () => {
  it('excelSerialToIso ∘ isoToExcelSerial round-trips over 1900-03-01..9999-12-31', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const serial = isoToExcelSerial(iso);
        expect(Number.isInteger(serial)).toBe(true);
        expect(excelSerialToIso(serial)).toBe(iso);
      }),
      { numRuns: 2000 },
    );
  });

  it('serials advance one day at a time and agree with Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (serial) => {
        const iso = excelSerialToIso(serial);
        expect(iso).toBe(new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10));
        expect(isoToExcelSerial(iso as string)).toBe(serial);
      }),
    );
  });

  it('daysBetween agrees with serial differences', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(daysBetween(a, b)).toBe(isoToExcelSerial(b) - isoToExcelSerial(a));
      }),
    );
  });
});
