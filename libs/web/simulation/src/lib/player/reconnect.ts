import { HttpErrorResponse } from '@angular/common/http';
import { InjectionToken } from '@angular/core';
import { type Observable, NEVER, fromEvent, race, take, timer } from 'rxjs';

/** Waits between resends of a move while the server cannot be reached (ms); the last repeats. */
export const SIMULATION_RECONNECT_DELAYS = new InjectionToken<readonly number[]>(
  'SIMULATION_RECONNECT_DELAYS',
  { factory: () => [1_000, 2_000, 4_000, 8_000, 15_000, 30_000] },
);

/**
 * The request may not have reached the server, or its answer was lost: the connection dropped,
 * a proxy gave up, or the server is restarting. Resending the same seq is safe (the server
 * answers a repeated seq and action with its first answer); anything else is a real answer.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof HttpErrorResponse)) {
    return false;
  }
  return [0, 408, 429, 502, 503, 504].includes(error.status);
}

/** The wait before resend number `attempt` (1-based): the delay, or sooner when back online or asked. */
export function reconnectWait(
  attempt: number,
  delays: readonly number[],
  now: Observable<unknown>,
  win: Window | null,
): Observable<unknown> {
  const ms = delays.length ? delays[Math.min(attempt - 1, delays.length - 1)] : 0;
  return race(timer(ms), now, win ? fromEvent(win, 'online') : NEVER).pipe(take(1));
}
