import { quietUntil } from './quiet-hours';

/** A moment given in WIB (UTC+7). */
const wib = (day: number, hh: number, mm = 0) => new Date(Date.UTC(2026, 11, day, hh - 7, mm));

describe('quiet hours (Asia/Jakarta)', () => {
  const night = { start: '21:00', end: '07:00' };

  it('defers to 07:00 the same morning, or the next one from the evening', () => {
    expect(quietUntil(wib(2, 23, 30), night)).toEqual(wib(3, 7));
    expect(quietUntil(wib(3, 2, 15), night)).toEqual(wib(3, 7));
    expect(quietUntil(wib(2, 21), night)).toEqual(wib(3, 7));
  });

  it('lets through outside the window, the end minute included', () => {
    expect(quietUntil(wib(3, 7), night)).toBeNull();
    expect(quietUntil(wib(3, 12), night)).toBeNull();
    expect(quietUntil(wib(2, 20, 59), night)).toBeNull();
  });

  it('handles a window within one day, and none at all', () => {
    const lunch = { start: '12:00', end: '13:00' };
    expect(quietUntil(wib(3, 12, 30), lunch)).toEqual(wib(3, 13));
    expect(quietUntil(wib(3, 13, 30), lunch)).toBeNull();
    expect(quietUntil(wib(3, 2), null)).toBeNull();
  });
});
