import { AppError, type Principal } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

export type EmploymentType = 'PNS' | 'PPPK' | 'NON_ASN';

/** A person whose ledger is read or written, with what the access rules need. */
export interface Person {
  id: string;
  name: string;
  nip: string | null;
  employmentType: EmploymentType;
  orgUnitId: string;
  orgUnitPath: string;
  supervisorId: string | null;
}

export async function loadPerson(em: EntityManager, userId: string): Promise<Person | null> {
  const rows: Person[] = await em.query(
    `SELECT u.id, u.name, u.nip, u.employment_type AS "employmentType", u.org_unit_id AS "orgUnitId",
            o.path AS "orgUnitPath", u.supervisor_id AS "supervisorId"
       FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`,
    [userId],
  );
  return rows[0] ?? null;
}

/** An admin whose reach (org-unit subtree) holds this unit path. */
export const adminReachesPath = (p: Principal, path: string): boolean =>
  p.roles.includes('admin') && !!p.adminScopePath && path.startsWith(p.adminScopePath);

export const personNotFound = () => new AppError(404, 'not-found', 'Pegawai tidak ditemukan.');

/**
 * A person whose ledger the caller may read: themself, their direct supervisor,
 * or an admin whose reach covers their unit. Anyone else gets 404, as if the
 * person did not exist.
 */
export async function personForReader(
  em: EntityManager,
  userId: string,
  p: Principal,
): Promise<Person> {
  const person = await loadPerson(em, userId);
  if (
    !person ||
    !(person.id === p.id || person.supervisorId === p.id || adminReachesPath(p, person.orgUnitPath))
  ) {
    throw personNotFound();
  }
  return person;
}

/** A person an admin may write entries for: within their reach (404 otherwise). */
export async function personForAdmin(
  em: EntityManager,
  userId: string,
  p: Principal,
): Promise<Person> {
  const person = await loadPerson(em, userId);
  if (!person || !adminReachesPath(p, person.orgUnitPath)) throw personNotFound();
  return person;
}

/** The ledger records ASN (PNS and PPPK); partners' staff have no NIP and no JP target. */
export function requireAsn(person: Person, self: boolean): void {
  if (person.employmentType === 'NON_ASN') {
    throw new AppError(
      403,
      'ledger.non-asn',
      self
        ? 'Catatan jam pelajaran (JP) hanya untuk ASN (PNS dan PPPK). Akun Anda terdaftar sebagai non-ASN, jadi klaim pelatihan tidak dapat diajukan.'
        : `${person.name} terdaftar sebagai non-ASN; catatan jam pelajaran (JP) hanya untuk ASN (PNS dan PPPK).`,
    );
  }
}
