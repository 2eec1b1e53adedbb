/** Minutes after midnight of "HH:MM". */
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Asia/Jakarta has no daylight saving: UTC+7 all year. */
const WIB_OFFSET_MIN = 7 * 60;

/**
 * When `now` falls inside the quiet window (Asia/Jakarta wall clock, which may cross
 * midnight), the moment it ends; otherwise null.
 */
export function quietUntil(now: Date, quiet: { start: string; end: string } | null): Date | null {
  if (!quiet) return null;
  const start = minutes(quiet.start);
  const end = minutes(quiet.end);
  if (start === end) return null;
  const wibMs = now.getTime() + WIB_OFFSET_MIN * 60_000;
  const dayStartWib = Math.floor(wibMs / 86_400_000) * 86_400_000;
  const nowMin = (wibMs - dayStartWib) / 60_000;
  const inside = start < end ? nowMin >= start && nowMin < end : nowMin >= start || nowMin < end;
  if (!inside) return null;
  // The end is today if it is still ahead on the clock, else tomorrow.
  const endDay = nowMin < end ? dayStartWib : dayStartWib + 86_400_000;
  return new Date(endDay + end * 60_000 - WIB_OFFSET_MIN * 60_000);
}
