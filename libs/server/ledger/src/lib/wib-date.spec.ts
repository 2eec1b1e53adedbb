import { addYears, daysBetween, wibDate, wibYear } from './wib-date';

describe('wibDate (Asia/Jakarta calendar date of an instant)', () => {
  it('moves an instant after 17:00 UTC to the next WIB day, and across the year', () => {
    expect(wibDate(new Date('2025-12-31T16:59:59Z'))).toBe('2025-12-31');
    expect(wibDate(new Date('2025-12-31T17:00:00Z'))).toBe('2026-01-01');
    expect(wibDate(new Date('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
    expect(wibYear(new Date('2025-12-31T17:30:00Z'))).toBe(2026);
  });

  it('keeps the same day before 17:00 UTC, including leap days', () => {
    expect(wibDate(new Date('2024-02-29T00:00:00Z'))).toBe('2024-02-29');
    expect(wibDate(new Date('2024-02-28T20:00:00+00:00'))).toBe('2024-02-29');
    expect(wibDate(new Date('2025-06-15T09:00:00+07:00'))).toBe('2025-06-15');
  });
});

describe('date arithmetic on YYYY-MM-DD', () => {
  it('counts whole days and moves by years', () => {
    expect(daysBetween('2025-01-01', '2025-01-03')).toBe(2);
    expect(daysBetween('2024-12-31', '2025-01-01')).toBe(1);
    expect(addYears('2025-03-10', -5)).toBe('2020-03-10');
    expect(addYears('2024-02-29', -1)).toBe('2023-02-28');
  });
});
