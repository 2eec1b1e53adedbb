import { relativeTime, wibTime } from './relative-time';

const NOW = Date.parse('2026-11-29T05:00:00.000Z'); // 12:00 WIB
const ago = (ms: number): string => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

describe('relativeTime', () => {
  const id = (iso: string): string => relativeTime(iso, NOW, 'id', 'baru saja');

  it('says it in Indonesian, from "baru saja" to the date', () => {
    expect(id(ago(20_000))).toBe('baru saja');
    // A client clock behind the server's.
    expect(id(ago(-5_000))).toBe('baru saja');
    expect(id(ago(5 * MIN))).toBe('5 menit yang lalu');
    expect(id(ago(3 * HOUR + 10 * MIN))).toBe('3 jam yang lalu');
    expect(id(ago(20 * HOUR))).toBe('20 jam yang lalu');
    // After a day, calendar days: 10:00 WIB yesterday.
    expect(id(ago(26 * HOUR))).toBe('kemarin');
    expect(id(ago(4 * 24 * HOUR))).toBe('4 hari yang lalu');
    expect(id('2026-11-12T02:00:00.000Z')).toBe('12 Nov 2026');
    expect(id('not a date')).toBe('');
  });

  it('counts days by the WIB calendar', () => {
    // 23:30 WIB on the 27th is two calendar days before noon on the 29th.
    expect(id('2026-11-27T16:30:00.000Z')).toBe('kemarin dulu');
  });

  it('follows the UI language', () => {
    expect(relativeTime(ago(2 * HOUR), NOW, 'en', 'just now')).toBe('2 hours ago');
    expect(relativeTime(ago(10_000), NOW, 'en', 'just now')).toBe('just now');
  });
});

describe('wibTime', () => {
  it('gives the time in WIB and says so, whatever the browser zone', () => {
    expect(wibTime('2026-12-03T03:15:00.000Z', 'id')).toBe('3 Des 2026, 10.15 WIB');
    expect(wibTime('2026-12-03T03:15:00.000Z', 'id', 'long')).toBe(
      '3 Desember 2026 pukul 10.15 WIB',
    );
    // 20:30 UTC is already the next day in Jakarta.
    // (Some ICU versions put a narrow no-break space before AM.)
    expect(wibTime('2026-12-03T20:30:00.000Z', 'en').replace(/\s/g, ' ')).toBe(
      'Dec 4, 2026, 3:30 AM WIB',
    );
    expect(wibTime('nope', 'id')).toBe('');
  });
});
