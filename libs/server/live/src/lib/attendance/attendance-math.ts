export interface Span {
  from: Date;
  to: Date;
}

/** A socket's presence row; an open one (process died, still running) ends at its last heartbeat + grace. */
export interface PresenceRow {
  joined_at: Date;
  last_seen_at: Date;
  left_at: Date | null;
}

export const presenceSpan = (r: PresenceRow, graceMs: number, now: Date): Span => ({
  from: r.joined_at,
  to: r.left_at ?? new Date(Math.min(r.last_seen_at.getTime() + graceMs, now.getTime())),
});

/**
 * The union of the spans (several tabs or a reconnect overlap), clipped to the
 * window, sorted; empty spans vanish.
 */
export function mergeSpans(spans: Span[], window: Span): Span[] {
  const clipped = spans
    .map((s) => ({
      from: Math.max(s.from.getTime(), window.from.getTime()),
      to: Math.min(s.to.getTime(), window.to.getTime()),
    }))
    .filter((s) => s.to > s.from)
    .sort((a, b) => a.from - b.from);
  const out: { from: number; to: number }[] = [];
  for (const s of clipped) {
    const last = out.at(-1);
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else out.push({ ...s });
  }
  return out.map((s) => ({ from: new Date(s.from), to: new Date(s.to) }));
}

export interface AttendanceFigures {
  intervals: Span[];
  minutes: number;
  /** Of the window, 0..1, 4 decimals. */
  share: number;
  meetsRule: boolean;
}

/**
 * The attendance window is the scheduled time, cut short when the host ended the
 * session early (so an early end does not make everyone fail the rule).
 */
export function attendanceWindow(startsAt: Date, endsAt: Date, endedAt: Date | null): Span {
  const to = endedAt && endedAt < endsAt ? endedAt : endsAt;
  return { from: startsAt, to: to > startsAt ? to : startsAt };
}

export function attendanceFigures(
  spans: Span[],
  window: Span,
  minShare: number,
): AttendanceFigures {
  const intervals = mergeSpans(spans, window);
  const ms = intervals.reduce((t, s) => t + (s.to.getTime() - s.from.getTime()), 0);
  const windowMs = window.to.getTime() - window.from.getTime();
  const share = windowMs > 0 ? Math.round((ms / windowMs) * 10_000) / 10_000 : 0;
  return {
    intervals,
    minutes: Math.round((ms / 60_000) * 100) / 100,
    share,
    meetsRule: windowMs > 0 && share >= minShare,
  };
}
