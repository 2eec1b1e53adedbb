import { isoToWibInput, wibInputToIso } from './wib-time';

describe('WIB date-times', () => {
  it('reads a datetime-local value as Asia/Jakarta (+07:00) whatever the browser zone', () => {
    expect(wibInputToIso('2026-12-01T09:00')).toBe('2026-12-01T09:00:00+07:00');
    expect(Date.parse(wibInputToIso('2026-12-01T09:00') ?? '')).toBe(
      Date.parse('2026-12-01T02:00:00Z'),
    );
    expect(wibInputToIso('2026-12-01T09:00:30')).toBe('2026-12-01T09:00:30+07:00');
  });

  it('refuses what is not a real date-time', () => {
    expect(wibInputToIso('')).toBeNull();
    expect(wibInputToIso('2026-02-30T09:00')).toBeNull();
    expect(wibInputToIso('2026-12-01 09:00')).toBeNull();
    expect(wibInputToIso('2026-12-01T25:00')).toBeNull();
  });

  it('shows an instant in WIB for the input', () => {
    expect(isoToWibInput('2026-12-01T02:00:00.000Z')).toBe('2026-12-01T09:00');
    expect(isoToWibInput('2026-12-31T20:30:00Z')).toBe('2027-01-01T03:30');
    expect(isoToWibInput(null)).toBe('');
    expect(isoToWibInput('nonsense')).toBe('');
  });
});
