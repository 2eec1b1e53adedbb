import {
  HttpErrorResponse,
  type HttpEvent,
  type HttpHandlerFn,
  type HttpInterceptorFn,
  type HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { type Observable, catchError, switchMap, throwError } from 'rxjs';
import { API_BASE } from '../api/api-paths';
import { AuthService, SKIP_AUTH_REFRESH } from './auth.service';

export const SIGN_IN_PATH = '/masuk';

function isApiRequest(req: HttpRequest<unknown>): boolean {
  return req.url.startsWith(API_BASE) || req.url.startsWith(`${location.origin}${API_BASE}`);
}

function withBearer(req: HttpRequest<unknown>, token: string | null): HttpRequest<unknown> {
  return token ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : req;
}

/**
 * Adds `Authorization: Bearer <access token>` to API calls. On a 401 it refreshes the
 * session once (shared by all concurrent requests) and retries the request; when the
 * refresh fails too, the user is sent to the sign-in page.
 */
export const authInterceptor: HttpInterceptorFn = (
  req: HttpRequest<unknown>,
  next: HttpHandlerFn,
): Observable<HttpEvent<unknown>> => {
  if (!isApiRequest(req)) {
    return next(req);
  }
  const auth = inject(AuthService);
  const router = inject(Router);

  if (req.context.get(SKIP_AUTH_REFRESH)) {
    return next(withBearer(req, auth.accessToken()));
  }

  const refreshThenSend = (): Observable<HttpEvent<unknown>> =>
    auth.refresh().pipe(
      catchError((refreshError: unknown) => {
        void router.navigateByUrl(SIGN_IN_PATH);
        return throwError(() => refreshError);
      }),
      switchMap((token) => next(withBearer(req, token))),
    );

  // A token we already know is expired is refreshed before the call rather than after a 401.
  if (auth.accessTokenExpired()) {
    return refreshThenSend();
  }

  return next(withBearer(req, auth.accessToken())).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401) {
        return refreshThenSend();
      }
      return throwError(() => error);
    }),
  );
};
