import { inject } from '@angular/core';
import { type CanMatchFn, Router } from '@angular/router';
import type { Role } from '@siantar/contracts';
import { AuthService, HOME_PATH } from '@siantar/web-core';

/** Who works on banks, quizzes, grading and reports (docs/api/assessment.md: trainers and admins). */
export const ASSESSMENT_TRAINER_ROLES: readonly Role[] = ['trainer', 'admin'];

/** The trainer/admin assessment screens; the API checks course authorship on every call. */
export const assessmentTrainerGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  if (!auth.isAuthenticated()) {
    return inject(Router).parseUrl('/masuk');
  }
  return ASSESSMENT_TRAINER_ROLES.some((r) => auth.hasRole(r))
    ? true
    : inject(Router).parseUrl(HOME_PATH);
};
