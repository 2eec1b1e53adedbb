import type { HttpErrorResponse } from '@angular/common/http';

/** Waited when the server says nothing of how long (seconds). */
export const DEFAULT_RETRY_AFTER_S = 60;

/**
 * Seconds to wait before asking again, from a 429's `Retry-After` (seconds, or an HTTP date);
 * a minute when it is missing or unreadable, at least one second.
 */
export function retryAfterSeconds(error: HttpErrorResponse, now = Date.now()): number {
  const value = error.headers?.get('Retry-After')?.trim();
  if (!value) {
    return DEFAULT_RETRY_AFTER_S;
  }
  if (/^\d+$/.test(value)) {
    return Math.max(1, Number(value));
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? DEFAULT_RETRY_AFTER_S : Math.max(1, Math.ceil((at - now) / 1000));
}
