import { type EmploymentType, PNS_RANKS, PPPK_GRADES, type Role } from '@siantar/contracts';
import type { Principal } from '@siantar/server-core';
import { checkEmployeeNumber } from '@siantar/util';
import type { EntityManager } from 'typeorm';
import { type OrgUnit } from '../org-units/org-unit.entity';
import { isWithin } from '../org-units/org-units.service';
import { User } from './user.entity';

export interface FieldError {
  path: string;
  message: string;
}

/** A user as an admin wants it, with references already resolved. */
export interface UserDraft {
  id?: string;
  nip: string | null;
  email: string;
  employmentType: EmploymentType;
  rank: string | null;
  roles: Role[];
  orgUnit: OrgUnit;
  supervisor: User | null;
  adminScope: OrgUnit | null;
}

/**
 * The business rules of a user record, shared by the create form, the edit
 * form and the CSV import so that each says the same thing the same way.
 */
export async function checkUserDraft(
  draft: UserDraft,
  principal: Principal,
  em: EntityManager,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const scope = principal.adminScopePath ?? '\0';

  if (draft.employmentType === 'NON_ASN') {
    if (draft.nip)
      errors.push({
        path: 'nip',
        message: 'pegawai non-ASN (mitra) tidak memiliki NIP; kosongkan',
      });
  } else if (!draft.nip) {
    errors.push({ path: 'nip', message: `NIP wajib diisi untuk ${draft.employmentType}` });
  } else {
    const nip = checkEmployeeNumber(draft.nip, draft.employmentType);
    if (!nip.ok) errors.push({ path: 'nip', message: nip.message });
  }

  if (draft.rank) {
    const allowed: readonly string[] =
      draft.employmentType === 'PNS'
        ? PNS_RANKS
        : draft.employmentType === 'PPPK'
          ? PPPK_GRADES
          : [];
    if (!allowed.includes(draft.rank)) {
      errors.push({
        path: 'rank',
        message:
          draft.employmentType === 'NON_ASN'
            ? 'pegawai non-ASN tidak memiliki golongan; kosongkan'
            : `golongan ${draft.rank} tidak berlaku untuk ${draft.employmentType} (${allowed[0]}–${allowed[allowed.length - 1]})`,
      });
    }
  }

  if (!isWithin(draft.orgUnit.path, scope)) {
    errors.push({
      path: 'orgUnitId',
      message: `unit ${draft.orgUnit.name} di luar wilayah kewenangan Anda`,
    });
  }
  // Partner staff are not civil servants: the partner role and NON_ASN go together.
  if (draft.roles.includes('partner') !== (draft.employmentType === 'NON_ASN')) {
    errors.push({
      path: 'roles',
      message:
        'peran mitra (partner) hanya untuk pegawai NON_ASN, dan NON_ASN hanya untuk peran mitra',
    });
  }
  if (
    draft.employmentType === 'NON_ASN' &&
    (draft.orgUnit.kind === 'pemda' || draft.orgUnit.kind === 'opd')
  ) {
    errors.push({
      path: 'orgUnitId',
      message: 'pengguna mitra harus berada di unit organisasi mitra',
    });
  }
  if (draft.orgUnit.kind === 'mitra' && draft.employmentType !== 'NON_ASN') {
    errors.push({
      path: 'employmentType',
      message: 'pengguna di unit mitra berjenis kepegawaian NON_ASN',
    });
  }

  if (draft.supervisor) {
    if (draft.id && draft.supervisor.id === draft.id) {
      errors.push({
        path: 'supervisorId',
        message: 'seseorang tidak dapat menjadi atasan dirinya sendiri',
      });
    } else if (!draft.supervisor.active) {
      errors.push({
        path: 'supervisorId',
        message: `atasan ${draft.supervisor.name} sudah nonaktif`,
      });
    }
  }

  if (draft.adminScope) {
    if (!draft.roles.includes('admin')) {
      errors.push({
        path: 'adminScopeId',
        message: 'wilayah admin hanya untuk pengguna berperan admin',
      });
    } else if (!isWithin(draft.adminScope.path, scope)) {
      errors.push({
        path: 'adminScopeId',
        message: 'wilayah admin harus berada dalam wilayah kewenangan Anda',
      });
    }
  }

  if (draft.nip) {
    const clash = await em.findOne(User, { where: { nip: draft.nip }, select: { id: true } });
    if (clash && clash.id !== draft.id)
      errors.push({ path: 'nip', message: `NIP ${draft.nip} sudah terdaftar` });
  }
  const emailClash = await em
    .createQueryBuilder(User, 'u')
    .select('u.id')
    .where('lower(u.email) = lower(:email)', { email: draft.email })
    .getOne();
  if (emailClash && emailClash.id !== draft.id) {
    errors.push({ path: 'email', message: `email ${draft.email} sudah dipakai pengguna lain` });
  }
  return errors;
}
