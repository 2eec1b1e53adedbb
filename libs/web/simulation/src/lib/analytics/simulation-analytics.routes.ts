import { inject } from '@angular/core';
import { type CanMatchFn, Router, type Routes } from '@angular/router';
import type { Role } from '@siantar/contracts';
import { AuthService, HOME_PATH } from '@siantar/web-core';

/** Who may open a simulation's analytics: the course authors' roles (the API decides per course). */
export const SIMULATION_ANALYTICS_ROLES: readonly Role[] = ['trainer', 'partner', 'admin'];

export const simulationAnalyticsGuard: CanMatchFn = () => {
  const auth = inject(AuthService);
  if (!auth.isAuthenticated()) {
    return inject(Router).parseUrl('/masuk');
  }
  return SIMULATION_ANALYTICS_ROLES.some((r) => auth.hasRole(r))
    ? true
    : inject(Router).parseUrl(HOME_PATH);
};

/** The analytics page's path; the course editor's lesson list links to it. */
export const simulationAnalyticsPath = (courseId: string, lessonId: string): string[] => [
  '/penulisan',
  courseId,
  'simulasi',
  lessonId,
  'analitik',
];

/**
 * Mounted by the app at `penulisan/:courseId/simulasi/:lessonId/analitik` (the params reach the
 * screen's `courseId` and `lessonId` inputs).
 */
export const simulationAnalyticsRoutes: Routes = [
  {
    path: '',
    title: 'simulation.analytics.title',
    canMatch: [simulationAnalyticsGuard],
    loadComponent: () =>
      import('./simulation-analytics.component').then((m) => m.SimulationAnalyticsComponent),
  },
];
