/** Asia/Jakarta (WIB) is UTC+7 all year: no daylight saving. */
const WIB_OFFSET_MS = 7 * 3600 * 1000;

/** The Asia/Jakarta calendar date of an instant, as YYYY-MM-DD (the date a ledger entry counts for). */
export function wibDate(date: Date): string {
  return new Date(date.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
}

/** The current Asia/Jakarta calendar year. */
export const wibYear = (now = new Date()): number => Number(wibDate(now).slice(0, 4));

/** Whole days from `from` to `to` (YYYY-MM-DD), e.g. 2025-01-01 → 2025-01-03 is 2. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86400000);
}

/** A YYYY-MM-DD date moved by whole years (29 February → 28 February when needed). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
