import type { EmploymentType, Language, OrgUnitKind, Role } from './enums';

export interface OrgUnitRef {
  id: string;
  code: string;
  name: string;
  kind: OrgUnitKind;
}

export interface UserRef {
  id: string;
  name: string;
  nip: string | null;
}

export interface UserResponse {
  id: string;
  nip: string | null;
  name: string;
  email: string;
  phone: string | null;
  position: string;
  rank: string | null;
  employmentType: EmploymentType;
  orgUnit: OrgUnitRef;
  roles: Role[];
  supervisor: UserRef | null;
  /** For admins: the root of the org-unit subtree they manage. */
  adminScope: OrgUnitRef | null;
  language: Language;
  active: boolean;
  createdAt: string;
}

export type MeResponse = UserResponse;
