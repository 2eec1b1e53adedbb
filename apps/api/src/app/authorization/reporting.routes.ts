import type { RouteRow } from './route-rule';

/** The reporting routes of the authorization matrix (authorization.int-spec.ts). */
export const REPORTING_ROUTES: RouteRow[] = [];
