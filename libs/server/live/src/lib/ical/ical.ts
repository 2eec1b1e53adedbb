/**
 * A small iCalendar (RFC 5545) writer for live sessions: CRLF line endings, lines
 * folded at 75 octets without splitting a UTF-8 character, escaped TEXT values, and
 * times in Asia/Jakarta with its VTIMEZONE (UTC+7 all year, no daylight saving).
 */

export const CRLF = '\r\n';
export const TZID = 'Asia/Jakarta';
export const PRODID = '-//Siantar Belajar//Sesi Langsung//ID';
const WIB_OFFSET_MS = 7 * 3600_000;

export interface IcalEvent {
  /** Globally unique; `<session-id>@siantar-belajar`. */
  uid: string;
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string;
  url?: string;
  status: 'CONFIRMED' | 'CANCELLED';
  created?: Date;
  lastModified?: Date;
}

export interface IcalCalendar {
  /** Shown by calendar apps as the calendar's name (X-WR-CALNAME). */
  name?: string;
  events: IcalEvent[];
  /** DTSTAMP of every event: when this iCalendar object was made. */
  now?: Date;
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, line breaks. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * Folds one content line (RFC 5545 §3.1): no physical line longer than 75 octets,
 * continuation lines start with one space, and a multi-byte character stays whole.
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (octets + size > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = 75;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join(CRLF);
}

const pad = (n: number) => String(n).padStart(2, '0');

const stamp = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(
    d.getUTCHours(),
  )}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;

/** DATE-TIME in UTC form, e.g. 20261201T020000Z. */
export const utcDateTime = (d: Date) => `${stamp(d)}Z`;

/** DATE-TIME local to Asia/Jakarta, to be used with TZID=Asia/Jakarta. */
export const wibDateTime = (d: Date) => stamp(new Date(d.getTime() + WIB_OFFSET_MS));

const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0700',
  'TZOFFSETTO:+0700',
  'TZNAME:WIB',
  'END:STANDARD',
  'END:VTIMEZONE',
];

function eventLines(e: IcalEvent, now: Date): string[] {
  const lines = [
    'BEGIN:VEVENT',
    `UID:${e.uid}`,
    `DTSTAMP:${utcDateTime(now)}`,
    `SEQUENCE:${e.sequence}`,
    `DTSTART;TZID=${TZID}:${wibDateTime(e.start)}`,
    `DTEND;TZID=${TZID}:${wibDateTime(e.end)}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${e.url}`);
  lines.push(`STATUS:${e.status}`);
  if (e.created) lines.push(`CREATED:${utcDateTime(e.created)}`);
  if (e.lastModified) lines.push(`LAST-MODIFIED:${utcDateTime(e.lastModified)}`);
  lines.push('TRANSP:OPAQUE', 'END:VEVENT');
  return lines;
}

/** The whole VCALENDAR object (METHOD:PUBLISH), CRLF after every line including the last. */
export function buildCalendar(cal: IcalCalendar): string {
  const now = cal.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
  ];
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`);
  lines.push(`X-WR-TIMEZONE:${TZID}`, ...VTIMEZONE);
  for (const e of cal.events) lines.push(...eventLines(e, now));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
