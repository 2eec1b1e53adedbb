import type { RouteRow } from './route-rule';

/** The completion routes of the authorization matrix (authorization.int-spec.ts). */
export const COMPLETION_ROUTES: RouteRow[] = [['GET /enrolments/:id/completion', 'authenticated']];
