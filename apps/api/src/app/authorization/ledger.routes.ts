import type { RouteRow } from './route-rule';

/**
 * The ledger routes of the authorization matrix (authorization.int-spec.ts).
 * 'authenticated' rows on `users/:userId/...` are narrowed in the service: the
 * person, their direct supervisor, or an admin whose reach covers them (404 otherwise).
 */
export const LEDGER_ROUTES: RouteRow[] = [
  ['GET /me/learning-hours', 'authenticated'],
  ['GET /users/:userId/learning-hours', 'authenticated'],
  ['GET /users/:userId/learning-hours/siasn', 'authenticated'],
  ['POST /me/training-claims/evidence', 'authenticated'],
  ['POST /me/training-claims', 'authenticated'],
  ['GET /me/training-claims', 'authenticated'],
  ['GET /training-claims', ['supervisor', 'admin']],
  ['POST /training-claims/:id/decision', ['supervisor', 'admin']],
  ['POST /users/:userId/ledger-entries', ['admin']],
  ['POST /ledger-entries/:id/reverse', ['admin']],
  ['PATCH /ledger-entries/:id', ['admin']],
  ['PUT /ledger-entries/:id', ['admin']],
  ['DELETE /ledger-entries/:id', ['admin']],
  ['GET /jp-targets', 'authenticated'],
  ['PUT /jp-targets/:employmentType', ['admin']],
];
