import type { RouteRow } from './route-rule';

/** The ledger routes of the authorization matrix (authorization.int-spec.ts). */
export const LEDGER_ROUTES: RouteRow[] = [];
