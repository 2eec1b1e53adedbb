/** A played stretch of a video, in seconds: [start, end). */
export type Range = readonly [number, number];

/** Adds one range to a sorted, non-overlapping list and merges what touches or overlaps. */
export function mergeRange(ranges: readonly Range[], next: Range, tolerance = 0.5): Range[] {
  const [a, b] = next[0] <= next[1] ? next : [next[1], next[0]];
  if (!Number.isFinite(a) || !Number.isFinite(b) || b - a <= 0) {
    return [...ranges];
  }
  const out: Range[] = [];
  let start = a;
  let end = b;
  let placed = false;
  for (const r of ranges) {
    if (r[1] + tolerance < start) {
      out.push(r);
    } else if (r[0] - tolerance > end) {
      if (!placed) {
        out.push([start, end]);
        placed = true;
      }
      out.push(r);
    } else {
      start = Math.min(start, r[0]);
      end = Math.max(end, r[1]);
    }
  }
  if (!placed) {
    out.push([start, end]);
  }
  return out;
}

/** Seconds of distinct content seen. */
export function watchedSeconds(ranges: readonly Range[]): number {
  return ranges.reduce((sum, [a, b]) => sum + (b - a), 0);
}

/** Ranges from the browser's own record (`HTMLMediaElement.played`). */
export function fromTimeRanges(played: TimeRanges): Range[] {
  let ranges: Range[] = [];
  for (let i = 0; i < played.length; i++) {
    ranges = mergeRange(ranges, [played.start(i), played.end(i)]);
  }
  return ranges;
}

/**
 * Follows playback: each `timeupdate` extends the current stretch unless the position
 * jumped (a seek), in which case a new stretch starts. Skipping ahead never counts.
 */
export class WatchedTracker {
  private ranges: Range[] = [];
  private from: number | null = null;
  private last = 0;

  constructor(
    /** Largest gap between two timeupdates still taken as continuous playback. */
    private readonly maxStep = 2,
  ) {}

  /** The video is playing at `position`. */
  tick(position: number): void {
    if (this.from === null || position < this.last || position - this.last > this.maxStep) {
      this.close();
      this.from = position;
    }
    this.last = position;
  }

  /** Playback stopped (pause, seek, ended). */
  close(): void {
    if (this.from !== null && this.last > this.from) {
      this.ranges = mergeRange(this.ranges, [this.from, this.last]);
    }
    this.from = null;
  }

  /** Seconds of distinct content watched so far, including the stretch still playing. */
  seconds(): number {
    const open: Range[] =
      this.from !== null && this.last > this.from
        ? mergeRange(this.ranges, [this.from, this.last])
        : this.ranges;
    return watchedSeconds(open);
  }

  snapshot(): Range[] {
    return [...this.ranges];
  }
}
