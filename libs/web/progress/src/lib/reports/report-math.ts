import type { DashboardResponse, EnrolmentCounts, ExportJobView } from '@siantar/contracts';

type Bucket = DashboardResponse['jpDistribution']['buckets'][number];

/** "0–4 JP", "30+ JP": a JP bucket's label, from its bounds (whole JP, both ends included). */
export function bucketLabel(bucket: Pick<Bucket, 'from' | 'to'>): string {
  return bucket.to === null ? `${bucket.from}+ JP` : `${bucket.from}–${bucket.to} JP`;
}

/** A bucket lies wholly below a yearly target (for colouring the distribution). */
export function bucketBelowTarget(bucket: Pick<Bucket, 'from' | 'to'>, target: number): boolean {
  return bucket.to !== null && bucket.to < target;
}

/** Share of `part` in `whole`, in percent with one decimal; null when `whole` is 0. */
export function share(part: number, whole: number): number | null {
  if (!whole) {
    return null;
  }
  return Math.round((1000 * part) / whole) / 10;
}

/** Width (0–100 %) of a person's small JP bar against their target; a full bar once reached. */
export function jpBarPercent(jp: number, target: number | null): number {
  if (!target || target <= 0) {
    return jp > 0 ? 100 : 0;
  }
  return Math.max(0, Math.min(100, (100 * jp) / target));
}

/** The stages of a course funnel, in order. */
export const FUNNEL_STAGES = [
  'enrolled',
  'started',
  'completed',
  'passed',
] as const satisfies readonly (keyof EnrolmentCounts)[];

/**
 * The newer view of one export job: socket events and polling may arrive out of order, so a
 * finished state wins over a running one and progress never goes back.
 */
export function newerExport(current: ExportJobView | null, next: ExportJobView): ExportJobView {
  if (!current || current.id !== next.id) {
    return next;
  }
  const finished = (s: ExportJobView['status']): boolean => s === 'done' || s === 'failed';
  if (finished(current.status) && !finished(next.status)) {
    return current;
  }
  if (!finished(next.status) && next.progress < current.progress) {
    return { ...next, progress: current.progress, rows: Math.max(current.rows, next.rows) };
  }
  return next;
}

/** An export is still being made. */
export function exportRunning(job: ExportJobView | null): boolean {
  return !!job && (job.status === 'queued' || job.status === 'running');
}
