import { courseForAuthoring, isCityWideAdmin } from '@siantar/server-catalog';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

export interface BankRow {
  id: string;
  name: string;
  course_id: string | null;
  owner_org_unit_id: string;
  created_by: string | null;
  created_at: Date;
}

export interface BankAccess {
  bank: BankRow;
  canEdit: boolean;
}

const isStaff = (p: Principal) => p.roles.includes('trainer') || p.roles.includes('admin');

/**
 * A course bank is the course's: its authors and reviewing admins read and edit it.
 * A shared bank is read by every trainer and admin, and edited by its creator and
 * the admins whose reach covers the unit that owns it. Others get 404.
 */
export async function bankAccess(
  em: EntityManager,
  bankId: string,
  p: Principal,
): Promise<BankAccess> {
  const rows: BankRow[] = await em.query(`SELECT * FROM question_bank WHERE id = $1`, [bankId]);
  const bank = rows[0];
  if (!bank) throw notFound('Bank soal');
  if (bank.course_id) {
    await courseForAuthoring(em, bank.course_id, p);
    return { bank, canEdit: true };
  }
  if (!isStaff(p)) throw notFound('Bank soal');
  return {
    bank,
    canEdit: bank.created_by === p.id || (await adminCovers(em, bank.owner_org_unit_id, p)),
  };
}

export async function adminCovers(
  em: EntityManager,
  orgUnitId: string,
  p: Principal,
): Promise<boolean> {
  if (!p.roles.includes('admin')) return false;
  if (isCityWideAdmin(p)) return true;
  const rows: { path: string }[] = await em.query(`SELECT path FROM org_unit WHERE id = $1`, [
    orgUnitId,
  ]);
  return Boolean(rows[0] && p.adminScopePath && rows[0].path.startsWith(p.adminScopePath));
}

export async function bankForEdit(
  em: EntityManager,
  bankId: string,
  p: Principal,
): Promise<BankRow> {
  const { bank, canEdit } = await bankAccess(em, bankId, p);
  if (!canEdit)
    throw new AppError(
      403,
      'banks.read-only',
      'Bank soal bersama ini hanya bisa diubah oleh pembuatnya atau admin unitnya.',
    );
  return bank;
}
