import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import type { Role } from '@siantar/contracts';
import { AuthService, HOME_PATH } from '@siantar/web-core';

/** Who may author courses (the API enforces the same rule). */
export const AUTHOR_ROLES: readonly Role[] = ['trainer', 'partner', 'admin'];

/** Routes for anyone holding one of the roles. */
export const anyRoleGuard =
  (roles: readonly Role[]): CanMatchFn =>
  () => {
    const auth = inject(AuthService);
    if (!auth.isAuthenticated()) {
      return inject(Router).parseUrl('/masuk');
    }
    return roles.some((r) => auth.hasRole(r)) ? true : inject(Router).parseUrl(HOME_PATH);
  };

export const authoringGuard: CanMatchFn = anyRoleGuard(AUTHOR_ROLES);
