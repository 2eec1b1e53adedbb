import type { ProblemDetails } from '@siantar/contracts';

/**
 * The API's field errors of a list in the request body (`answers[2].score`, `answers.2`,
 * `items[0].action`), by the list's index: `{ 2: ['…'] }`. What names no index is returned
 * under `rest` (e.g. `answers` itself, or another field).
 */
export function errorsByIndex(
  problem: ProblemDetails | null | undefined,
  list: string,
): { byIndex: Map<number, { field: string; message: string }[]>; rest: string[] } {
  const byIndex = new Map<number, { field: string; message: string }[]>();
  const rest: string[] = [];
  const pattern = new RegExp(`^${list}(?:\\[(\\d+)\\]|\\.(\\d+))(?:\\.(\\w+))?`);
  for (const error of problem?.errors ?? []) {
    const match = pattern.exec(error.path);
    const index = match ? Number(match[1] ?? match[2]) : NaN;
    if (match && Number.isInteger(index)) {
      const entries = byIndex.get(index) ?? [];
      entries.push({ field: match[3] ?? '', message: error.message });
      byIndex.set(index, entries);
    } else {
      rest.push(error.message);
    }
  }
  return { byIndex, rest };
}

/** Today in Asia/Jakarta as YYYY-MM-DD (the API's calendar days are WIB days). */
export function jakartaToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Jakarta',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
