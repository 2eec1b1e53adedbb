const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * When a notification came, for people: "baru saja", "5 menit yang lalu", "3 jam yang lalu",
 * "kemarin", "4 hari yang lalu", then the date in WIB ("12 Nov 2026"). `lang` is the UI language
 * (`id` or `en`); `justNow` the translated text for the first minute.
 */
export function relativeTime(iso: string, now: number, lang: string, justNow: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return '';
  }
  // A clock a little ahead of the server's still reads "just now".
  const ago = Math.max(0, now - at);
  if (ago < MINUTE) {
    return justNow;
  }
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  if (ago < HOUR) {
    return format.format(-Math.floor(ago / MINUTE), 'minute');
  }
  if (ago < DAY) {
    return format.format(-Math.floor(ago / HOUR), 'hour');
  }
  const days = calendarDaysBetween(at, now);
  if (days < 7) {
    return format.format(-Math.max(1, days), 'day');
  }
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Jakarta',
  }).format(at);
}

/** Whole calendar days in Asia/Jakarta (UTC+7, no daylight saving) from `from` to `to`. */
function calendarDaysBetween(from: number, to: number): number {
  const WIB = 7 * HOUR;
  return Math.floor((to + WIB) / DAY) - Math.floor((from + WIB) / DAY);
}

/** The full date and time, for a `title` tooltip and the `datetime` attribute's companion. */
export function fullTime(iso: string, lang: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return '';
  }
  return new Intl.DateTimeFormat(lang, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(at);
}

/**
 * The date and time with its zone said, for admins reading logs and audit lines:
 * "3 Des 2026, 10.15 WIB" (medium) or "3 Desember 2026 pukul 10.15 WIB" (long).
 */
export function wibTime(iso: string, lang: string, style: 'medium' | 'long' = 'medium'): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return '';
  }
  const text = new Intl.DateTimeFormat(lang, {
    dateStyle: style,
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  }).format(at);
  return `${text} WIB`;
}
