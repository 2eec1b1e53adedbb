/**
 * Quiz windows are entered in Western Indonesia Time (WIB, Asia/Jakarta: UTC+7 all year,
 * no daylight saving) whatever the browser's own zone, and sent to the API as UTC ISO.
 */
const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** `2026-12-01T08:00` (WIB, as a datetime-local input gives it) → `2026-12-01T01:00:00.000Z`; '' → null. */
export function wibInputToIso(local: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!m) {
    return null;
  }
  const [, y, mo, d, h, mi, s] = m.map((x) => Number(x ?? 0));
  const utc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0) - WIB_OFFSET_MS;
  const date = new Date(utc);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** `2026-12-01T01:00:00.000Z` → `2026-12-01T08:00` for a datetime-local input in WIB; null → ''. */
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
