import { HttpErrorResponse, HttpHeaders } from '@angular/common/http';
import { DEFAULT_RETRY_AFTER_S, retryAfterSeconds } from './retry-after';

const tooMany = (retryAfter?: string): HttpErrorResponse =>
  new HttpErrorResponse({
    status: 429,
    headers: retryAfter ? new HttpHeaders({ 'Retry-After': retryAfter }) : new HttpHeaders(),
  });

describe('retryAfterSeconds', () => {
  it('reads seconds, at least one', () => {
    expect(retryAfterSeconds(tooMany('42'))).toBe(42);
    expect(retryAfterSeconds(tooMany('0'))).toBe(1);
  });

  it('reads an HTTP date against now', () => {
    const now = Date.parse('2026-11-29T03:00:00Z');
    expect(retryAfterSeconds(tooMany('Sun, 29 Nov 2026 03:00:30 GMT'), now)).toBe(30);
  });

  it('waits a minute when the header is missing or unreadable', () => {
    expect(retryAfterSeconds(tooMany())).toBe(DEFAULT_RETRY_AFTER_S);
    expect(retryAfterSeconds(tooMany('soon'))).toBe(DEFAULT_RETRY_AFTER_S);
  });
});
