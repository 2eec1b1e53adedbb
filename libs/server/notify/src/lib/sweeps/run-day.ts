import { wibDate } from '@siantar/server-ledger';

/**
 * The day a sweep runs for (WIB) and the moment its notices are due: 08:00 WIB that day.
 * Both come from the day, not the clock, so a sweep run twice on a day (a retry, a restart,
 * an admin's manual run) plans the same keys and so the same notices.
 */
export function runDay(day: string | undefined, now = new Date()): { day: string; dueAt: Date } {
  const d = day ?? wibDate(now);
  return { day: d, dueAt: new Date(`${d}T01:00:00.000Z`) };
}
