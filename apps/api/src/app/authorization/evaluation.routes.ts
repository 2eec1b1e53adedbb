import type { RouteRow } from './route-rule';

/** The evaluation routes of the authorization matrix (issue 9). */
export const EVALUATION_ROUTES: RouteRow[] = [];
