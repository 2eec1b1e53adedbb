import { HttpClient, HttpContext, HttpContextToken } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type {
  AuthTokensResponse,
  ChangePasswordRequest,
  LoginRequest,
  MeResponse,
  Role,
  SetPasswordRequest,
} from '@siantar/contracts';
import {
  type Observable,
  catchError,
  finalize,
  firstValueFrom,
  map,
  of,
  shareReplay,
  tap,
  throwError,
} from 'rxjs';
import { apiUrl } from '../api/api-paths';

/** Marks requests the auth interceptor must neither refresh nor retry (the auth calls themselves). */
export const SKIP_AUTH_REFRESH = new HttpContextToken<boolean>(() => false);

const noRefresh = (): HttpContext => new HttpContext().set(SKIP_AUTH_REFRESH, true);

/** Refresh a little before the access token really expires, to absorb clock skew. */
const EXPIRY_SKEW_MS = 10_000;

/**
 * Session state. The access token lives in memory only; the refresh token is an httpOnly
 * cookie (`sb_refresh`, path /api/v1/auth) that the browser sends on refresh and logout.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly http = inject(HttpClient);

  private readonly token = signal<string | null>(null);
  private readonly tokenExpiresAt = signal<number>(0);
  private readonly currentUser = signal<MeResponse | null>(null);
  private refreshInFlight: Observable<string> | null = null;

  readonly user = this.currentUser.asReadonly();
  readonly isAuthenticated = computed(() => this.currentUser() !== null);
  readonly roles = computed<readonly Role[]>(() => this.currentUser()?.roles ?? []);
  readonly isAdmin = computed(() => this.roles().includes('admin'));

  accessToken(): string | null {
    return this.token();
  }

  /** True when there is a token that is known to be expired (per `accessTokenExpiresAt`). */
  accessTokenExpired(now = Date.now()): boolean {
    return this.token() !== null && this.tokenExpiresAt() - EXPIRY_SKEW_MS <= now;
  }

  hasRole(role: Role): boolean {
    return this.roles().includes(role);
  }

  login(body: LoginRequest): Observable<MeResponse> {
    return this.http
      .post<AuthTokensResponse>(apiUrl('/auth/login'), body, {
        withCredentials: true,
        context: noRefresh(),
      })
      .pipe(
        tap((tokens) => this.applyTokens(tokens)),
        map((tokens) => tokens.user),
      );
  }

  /**
   * Exchanges the refresh cookie for a new access token. Concurrent callers share one
   * request (single flight); on failure the session is cleared and the error is rethrown.
   */
  refresh(): Observable<string> {
    if (!this.refreshInFlight) {
      this.refreshInFlight = this.http
        .post<AuthTokensResponse>(
          apiUrl('/auth/refresh'),
          {},
          { withCredentials: true, context: noRefresh() },
        )
        .pipe(
          tap((tokens) => this.applyTokens(tokens)),
          map((tokens) => tokens.accessToken),
          catchError((error: unknown) => {
            this.clear();
            return throwError(() => error);
          }),
          finalize(() => {
            this.refreshInFlight = null;
          }),
          shareReplay({ bufferSize: 1, refCount: false }),
        );
    }
    return this.refreshInFlight;
  }

  /** Called once at start-up: a 401 simply means nobody is signed in. */
  async restoreSession(): Promise<void> {
    await firstValueFrom(this.refresh().pipe(catchError(() => of(null))));
  }

  logout(): Observable<void> {
    return this.http
      .post<void>(apiUrl('/auth/logout'), {}, { withCredentials: true, context: noRefresh() })
      .pipe(
        catchError(() => of(undefined)),
        map(() => undefined),
        finalize(() => this.clear()),
      );
  }

  changePassword(body: ChangePasswordRequest): Observable<void> {
    return this.http.post<void>(apiUrl('/auth/password'), body, { context: noRefresh() });
  }

  setPassword(body: SetPasswordRequest): Observable<void> {
    return this.http.post<void>(apiUrl('/auth/set-password'), body, { context: noRefresh() });
  }

  /** Replaces the signed-in user after a profile change (e.g. PATCH /me). */
  setUser(user: MeResponse): void {
    this.currentUser.set(user);
  }

  clear(): void {
    this.token.set(null);
    this.tokenExpiresAt.set(0);
    this.currentUser.set(null);
  }

  private applyTokens(tokens: AuthTokensResponse): void {
    this.token.set(tokens.accessToken);
    const expires = Date.parse(tokens.accessTokenExpiresAt);
    this.tokenExpiresAt.set(Number.isNaN(expires) ? Number.MAX_SAFE_INTEGER : expires);
    this.currentUser.set(tokens.user);
  }
}
