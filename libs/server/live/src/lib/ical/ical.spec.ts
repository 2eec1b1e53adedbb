import { checkIcal, unescapeText, unfold } from './ical-check';
import { buildCalendar, escapeText, foldLine, wibDateTime } from './ical';

const event = {
  uid: '7f0c1a52-0000-4000-8000-000000000001@siantar-belajar',
  sequence: 2,
  start: new Date('2026-12-01T02:00:00Z'),
  end: new Date('2026-12-01T04:30:00Z'),
  summary: 'Webinar: Pelayanan Publik, Etika; dan Integritas',
  description: 'Baris pertama\nBaris kedua dengan \\ garis miring',
  status: 'CONFIRMED' as const,
};

describe('iCalendar writer', () => {
  it('escapes backslash, semicolon, comma and line breaks in TEXT', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(unescapeText(escapeText('a\\b;c,d\ne'))).toBe('a\\b;c,d\ne');
  });

  it('folds at 75 octets and never splits a multi-byte character', () => {
    const text = `SUMMARY:${'Pelatihan Kepemimpinan Pengawas — angkatan ke-3 “Sipatuhan” 🇮🇩 '.repeat(4)}`;
    const folded = foldLine(text);
    const physical = folded.split('\r\n');
    expect(physical.length).toBeGreaterThan(3);
    for (const l of physical) expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
    for (const l of physical.slice(1)) expect(l.startsWith(' ')).toBe(true);
    // no replacement characters: each piece is valid UTF-8 on its own
    for (const l of physical) expect(Buffer.from(l, 'utf8').toString('utf8')).toBe(l);
    expect(unfold(`${folded}\r\n`)).toEqual([text]);
  });

  it('leaves a short line alone and folds exactly at the limit', () => {
    expect(foldLine('VERSION:2.0')).toBe('VERSION:2.0');
    const line = 'X'.repeat(75);
    expect(foldLine(line)).toBe(line);
    expect(foldLine(`${line}Y`)).toBe(`${line}\r\n Y`);
    // 74 ASCII octets then a 2-octet letter: the letter moves to the next line whole
    expect(foldLine(`${'X'.repeat(74)}é`)).toBe(`${'X'.repeat(74)}\r\n é`);
  });

  it('writes times in Asia/Jakarta (UTC+7 all year)', () => {
    expect(wibDateTime(new Date('2026-12-31T17:30:00Z'))).toBe('20270101T003000');
    expect(wibDateTime(new Date('2026-07-01T02:00:00Z'))).toBe('20260701T090000');
  });

  it('builds a well-formed calendar with VTIMEZONE, METHOD, PRODID and the event', () => {
    const text = buildCalendar({
      name: 'Jadwal Siantar Belajar',
      events: [event, { ...event, uid: 'x@siantar-belajar', status: 'CANCELLED' }],
      now: new Date('2026-11-29T00:00:00Z'),
    });
    const check = checkIcal(text);
    expect(check.errors).toEqual([]);
    expect(text).toContain('METHOD:PUBLISH\r\n');
    expect(text).toContain('PRODID:-//Siantar Belajar//Sesi Langsung//ID\r\n');
    expect(text).toContain('BEGIN:VTIMEZONE\r\nTZID:Asia/Jakarta\r\n');
    expect(check.events).toHaveLength(2);
    const [e, cancelled] = check.events;
    expect(e['DTSTART']).toEqual({
      name: 'DTSTART',
      params: { TZID: 'Asia/Jakarta' },
      value: '20261201T090000',
    });
    expect(e['DTEND'].value).toBe('20261201T113000');
    expect(e['DTSTAMP'].value).toBe('20261129T000000Z');
    expect(e['SEQUENCE'].value).toBe('2');
    expect(unescapeText(e['SUMMARY'].value)).toBe(event.summary);
    expect(unescapeText(e['DESCRIPTION'].value)).toBe(event.description);
    expect(cancelled['STATUS'].value).toBe('CANCELLED');
  });
});

describe('iCalendar checker', () => {
  const good = buildCalendar({ events: [event] });

  it('accepts what the writer makes', () => {
    expect(checkIcal(good).errors).toEqual([]);
  });

  it('refuses bare LF, long lines, unbalanced components and missing properties', () => {
    expect(checkIcal(good.replace(/\r\n/g, '\n')).errors).toContain(
      'a line ends with a bare CR or LF',
    );
    expect(checkIcal(good.replace('VERSION:2.0', `X-LONG:${'a'.repeat(80)}`)).errors).toEqual(
      expect.arrayContaining([expect.stringContaining('octets'), 'VCALENDAR without VERSION']),
    );
    expect(checkIcal(good.replace('END:VEVENT\r\n', '')).errors).toEqual(
      expect.arrayContaining([expect.stringContaining('does not close')]),
    );
    expect(checkIcal(good.replace(/UID:[^\r]*\r\n/, '')).errors).toContain('VEVENT without UID');
    expect(checkIcal(good.replace(/BEGIN:VTIMEZONE[\s\S]*END:VTIMEZONE\r\n/, '')).errors).toContain(
      'TZID=Asia/Jakarta is used without its VTIMEZONE',
    );
  });
});
