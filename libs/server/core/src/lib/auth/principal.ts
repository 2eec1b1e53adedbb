import type { Role } from '@siantar/contracts';

/** Who is calling: loaded fresh on every request so a deactivation takes effect at once. */
export interface Principal {
  id: string;
  roles: Role[];
  orgUnitId: string;
  /** Materialised path of the admin's org-unit subtree, e.g. '/<root>/<opd>/'; null for non-admins. */
  adminScopePath: string | null;
  language: 'id' | 'en';
}

export interface PrincipalRecord extends Principal {
  active: boolean;
}

/** Implemented by the identity domain; core only knows the shape. */
export abstract class PrincipalLoader {
  abstract load(userId: string): Promise<PrincipalRecord | null>;
}

export interface AccessTokenClaims {
  sub: string;
  typ: 'access';
  iat: number;
  exp: number;
}

/** An admin whose scope is a root unit (no parent): the whole city, partners included. */
export const isCityWideAdmin = (p: Principal): boolean =>
  p.roles.includes('admin') && (p.adminScopePath ?? '').split('/').filter(Boolean).length === 1;
