/**
 * The countdown of a timed attempt follows the server's clock, not the browser's: a PC whose
 * clock is minutes off must neither cut an attempt short nor promise time the server will not give.
 */

/**
 * How far the server's clock is ahead of this browser's (ms, negative when behind). `serverNow`
 * was taken while the request was under way, so it is compared with the middle of the round trip.
 */
export function clockOffset(serverNow: string, sentAt: number, receivedAt: number): number {
  const server = Date.parse(serverNow);
  if (Number.isNaN(server)) {
    return 0;
  }
  const local = sentAt + Math.max(0, receivedAt - sentAt) / 2;
  return Math.round(server - local);
}

/** Milliseconds left until `deadline` on the server's clock; null without a time limit. */
export function remainingMs(deadline: string | null, offsetMs: number, now: number): number | null {
  if (!deadline) {
    return null;
  }
  const end = Date.parse(deadline);
  if (Number.isNaN(end)) {
    return null;
  }
  return Math.max(0, end - (now + offsetMs));
}

/** `mm:ss`, or `h:mm:ss` from an hour up; counts whole seconds up (1 ms left shows 00:01). */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number): string => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${two(m)}:${two(s)}`;
}

/** The warnings the timer announces: five minutes left, then one. */
export type TimeWarning = 5 | 1;

/** The warning that applies at `ms` left, if any. */
export function warningAt(ms: number | null): TimeWarning | null {
  if (ms === null || ms <= 0) {
    return null;
  }
  if (ms <= 60_000) {
    return 1;
  }
  return ms <= 300_000 ? 5 : null;
}
