/** A member may be nudged once in 24 hours (the API answers 429 otherwise). */
export const NUDGE_INTERVAL_MS = 24 * 60 * 60 * 1000;

/** When the member can be nudged again, or null when they can be now. */
export function nextNudgeAt(lastNudgedAt: string | null, now: number = Date.now()): Date | null {
  if (!lastNudgedAt) {
    return null;
  }
  const last = Date.parse(lastNudgedAt);
  if (Number.isNaN(last)) {
    return null;
  }
  const next = last + NUDGE_INTERVAL_MS;
  return next > now ? new Date(next) : null;
}
