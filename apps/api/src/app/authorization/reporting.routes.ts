import type { RouteRow } from './route-rule';

/** The reporting routes of the authorization matrix (authorization.int-spec.ts). */
export const REPORTING_ROUTES: RouteRow[] = [
  ['GET /reports/dashboard', ['admin']],
  ['GET /reports/people', ['admin']],
  ['GET /reports/people/:userId', ['admin']],
  ['GET /reports/courses', ['admin']],
  ['GET /reports/overdue', ['admin']],
  ['POST /reports/exports', ['admin']],
  ['GET /reports/exports', ['admin']],
  ['GET /reports/exports/:id', ['admin']],
  ['GET /team', ['supervisor']],
  ['GET /team/:userId', ['supervisor']],
  ['POST /team/:userId/nudge', ['supervisor']],
];
