import type { RouteRow } from './route-rule';

/**
 * The certificates routes of the authorization matrix (issue 9). Finer rules are the
 * service's: the owner or an admin in reach (issuer or learner's unit) sees a certificate,
 * only admins reaching the issuer revoke or re-issue; others get 404 (certificates.int-spec.ts).
 */
export const CERTIFICATES_ROUTES: RouteRow[] = [
  ['GET /my/certificates', 'authenticated'],
  ['GET /certificates/:id', 'authenticated'],
  ['GET /certificates/:id/pdf', 'authenticated'],
  ['POST /certificates/:id/revoke', ['admin']],
  ['POST /certificates/:id/reissue', ['admin']],
  ['GET /admin/certificates', ['admin']],
  ['POST /admin/certificates', ['admin']],
  ['GET /admin/certificate-templates/:orgUnitId', ['admin']],
  ['PUT /admin/certificate-templates/:orgUnitId', ['admin']],
  ['DELETE /admin/certificate-templates/:orgUnitId', ['admin']],
  ['POST /admin/certificate-exports', ['admin']],
  ['GET /admin/certificate-exports/:id', ['admin']],
  ['GET /public/certificates/:code', 'public'],
];
