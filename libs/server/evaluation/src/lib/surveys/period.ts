import type { EvaluationPeriodQuery } from '@siantar/contracts';
import { AppError } from '@siantar/server-core';

export interface Period {
  from: string | null;
  to: string | null;
}

const isRealDay = (d: string) => {
  const t = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
};

/** The period of a query: real calendar days, `from` not after `to` (400 otherwise). */
export function periodOf(q: EvaluationPeriodQuery): Period {
  const errors: { path: string; message: string }[] = [];
  for (const key of ['from', 'to'] as const) {
    const d = q[key];
    if (d && !isRealDay(d)) errors.push({ path: key, message: `${d} bukan tanggal yang ada` });
  }
  if (!errors.length && q.from && q.to && q.from > q.to)
    errors.push({ path: 'from', message: 'from tidak boleh setelah to' });
  if (errors.length)
    throw new AppError(
      400,
      'validation',
      `Periode tidak valid — ${errors.map((e) => e.message).join('; ')}`,
      errors,
    );
  return { from: q.from ?? null, to: q.to ?? null };
}

/**
 * SQL condition on `<column>` for a period of whole Asia/Jakarta days, with the period's
 * days as parameters `$n` and `$n+1` (null = open end).
 */
export const inPeriod = (column: string, n: number) =>
  `($${n}::date IS NULL OR ${column} >= ($${n}::date)::timestamp AT TIME ZONE 'Asia/Jakarta')
   AND ($${n + 1}::date IS NULL OR ${column} < ($${n + 1}::date + 1)::timestamp AT TIME ZONE 'Asia/Jakarta')`;
