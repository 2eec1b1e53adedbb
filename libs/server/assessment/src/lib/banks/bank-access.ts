import { adminReaches, courseForAuthoring } from '@siantar/server-catalog';
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
    canEdit: bank.created_by === p.id || (await adminReaches(em, bank.owner_org_unit_id, p)),
  };
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
