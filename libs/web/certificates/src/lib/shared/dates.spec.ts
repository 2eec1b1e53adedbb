import { calendarDate, dateRange, wibDate, wibTime } from './dates';

describe('certificate dates', () => {
  it('shows calendar dates as they are, in the UI language', () => {
    expect(calendarDate('2026-11-03', 'id')).toBe('3 November 2026');
    expect(calendarDate('2026-12-31', 'en')).toBe('December 31, 2026');
    expect(calendarDate('bukan tanggal', 'id')).toBe('bukan tanggal');
  });

  it('shows a course’s days as one range, or one date for a single day', () => {
    expect(dateRange('2026-11-03', '2026-11-07', 'id')).toBe('3–7 November 2026');
    // ICU puts thin spaces around the dash between months.
    expect(dateRange('2026-10-30', '2026-11-07', 'id').replace(/\s/g, ' ')).toBe(
      '30 Oktober – 7 November 2026',
    );
    expect(dateRange('2026-11-10', '2026-11-10', 'id')).toBe('10 November 2026');
  });

  it('reads instants in WIB', () => {
    expect(wibDate('2026-11-20T17:30:00.000Z', 'id')).toBe('21 November 2026');
    expect(wibTime('2026-12-03T03:15:00.000Z', 'id')).toBe('3 Des 2026, 10.15 WIB');
    expect(wibDate('x', 'id')).toBe('');
  });
});
