import type { RouteRow } from './route-rule';

/** The certificates routes of the authorization matrix (issue 9). */
export const CERTIFICATES_ROUTES: RouteRow[] = [];
