import type { OrgUnitRef, UserResponse } from '@siantar/contracts';
import type { OrgUnit } from '../org-units/org-unit.entity';
import type { User } from './user.entity';

const unitRef = (u: OrgUnit): OrgUnitRef => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
});

/** Entities never leave the API; this is the one place a user becomes its contract. */
export function toUserResponse(user: User): UserResponse {
  if (!user.orgUnit) throw new Error('toUserResponse needs orgUnit loaded');
  return {
    id: user.id,
    nip: user.nip,
    name: user.name,
    email: user.email,
    phone: user.phone,
    position: user.position,
    rank: user.rank,
    employmentType: user.employmentType,
    orgUnit: unitRef(user.orgUnit),
    roles: user.roles,
    supervisor: user.supervisor
      ? { id: user.supervisor.id, name: user.supervisor.name, nip: user.supervisor.nip }
      : null,
    adminScope: user.roles.includes('admin') ? unitRef(user.adminScope ?? user.orgUnit) : null,
    language: user.language,
    active: user.active,
    createdAt: user.createdAt.toISOString(),
  };
}
