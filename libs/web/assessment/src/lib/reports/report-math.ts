import type { QuizReport } from '@siantar/contracts';

/**
 * `QuizReport.passRate` is documented only as a number: read as a share 0–1 (like
 * `facility`), but a value above 1 can only be a percentage already.
 */
export function passRatePercent(passRate: number | null): number | null {
  if (passRate === null || !Number.isFinite(passRate)) {
    return null;
  }
  return passRate > 1 ? passRate : passRate * 100;
}

/** Share of the histogram's attempts in each band, for the table beside the chart. */
export function bandShares(histogram: readonly number[]): number[] {
  const total = histogram.reduce((s, n) => s + n, 0);
  return histogram.map((n) => (total ? (100 * n) / total : 0));
}

/** Items that discriminate poorly (< 0.2) or are too easy/hard are worth a second look. */
export function needsReview(q: QuizReport['questions'][number]): boolean {
  return (
    (q.discrimination !== null && q.discrimination < 0.2) ||
    (q.facility !== null && (q.facility < 0.2 || q.facility > 0.95))
  );
}
