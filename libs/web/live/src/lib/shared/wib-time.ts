/**
 * Live sessions are scheduled in Western Indonesia Time (WIB, Asia/Jakarta: UTC+7 all year,
 * no daylight saving) whatever the browser's own zone. The API takes ISO 8601 with an offset.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The zone argument of Angular's DatePipe for WIB. */
export const WIB_ZONE = '+0700';

/** `2026-12-01T09:00` (a datetime-local value, read as WIB) → `2026-12-01T09:00:00+07:00`; null when malformed. */
export function wibInputToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) {
    return null;
  }
  const [, y, mo, d, h, mi, s = '00'] = m;
  const iso = `${y}-${mo}-${d}T${h}:${mi}:${s}+07:00`;
  // Rejects 2026-02-30T25:00 and the like: the date must read back unchanged.
  return isoToWibInput(iso) === `${y}-${mo}-${d}T${h}:${mi}` ? iso : null;
}

/** An instant → `YYYY-MM-DDTHH:mm` in WIB for a datetime-local input; '' when missing or invalid. */
export function isoToWibInput(iso: string | null | undefined): string {
  if (!iso) {
    return '';
  }
  const t = Date.parse(iso);
  if (Number.isNaN(t)) {
    return '';
  }
  return new Date(t + WIB_OFFSET_MS).toISOString().slice(0, 16);
}
