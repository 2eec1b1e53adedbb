import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import type { Role } from '@siantar/contracts';
import { AuthService } from './auth.service';

export const HOME_PATH = '/beranda';

/** Signed-in users only; everyone else goes to the sign-in page. */
export const authGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  return auth.isAuthenticated() ? true : inject(Router).parseUrl('/masuk');
};

/** The sign-in page is for signed-out users; a signed-in user goes home. */
export const guestGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  return auth.isAuthenticated() ? inject(Router).parseUrl(HOME_PATH) : true;
};

/** Routes for one role (the API enforces the same rule). */
export const roleGuard =
  (role: Role): CanMatchFn =>
  () => {
    const auth = inject(AuthService);
    if (!auth.isAuthenticated()) {
      return inject(Router).parseUrl('/masuk');
    }
    return auth.hasRole(role) ? true : inject(Router).parseUrl(HOME_PATH);
  };
