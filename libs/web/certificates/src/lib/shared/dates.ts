/** Dates on certificates, in the UI language: calendar dates as they are, instants in WIB. */

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

function ymdToUtc(ymd: string): number | null {
  const m = YMD.exec(ymd);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

const longDate = (lang: string, timeZone: string): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone });

/** `2026-11-03` → "3 November 2026"; the text as it came when it is no such date. */
export function calendarDate(ymd: string, lang: string): string {
  const at = ymdToUtc(ymd);
  return at === null ? ymd : longDate(lang, 'UTC').format(at);
}

/** A course's days: "3–7 November 2026", or one date when it began and ended the same day. */
export function dateRange(start: string, end: string, lang: string): string {
  const from = ymdToUtc(start);
  const to = ymdToUtc(end);
  if (from === null || to === null) {
    return `${start} – ${end}`;
  }
  if (from === to) {
    return calendarDate(start, lang);
  }
  return longDate(lang, 'UTC').formatRange(Math.min(from, to), Math.max(from, to));
}

/** An instant's date in Asia/Jakarta: "3 November 2026". */
export function wibDate(iso: string, lang: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? '' : longDate(lang, 'Asia/Jakarta').format(at);
}

/** An instant with its time in Asia/Jakarta: "3 Nov 2026, 10.15 WIB". */
export function wibTime(iso: string, lang: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return '';
  }
  const text = new Intl.DateTimeFormat(lang, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(at);
  return `${text} WIB`;
}
