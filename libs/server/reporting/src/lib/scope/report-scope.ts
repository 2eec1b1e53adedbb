import { AppError, type Principal } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

export interface ScopeUnit {
  id: string;
  name: string;
  kind: string;
  path: string;
  parentId: string | null;
}

export interface ReportScope {
  /** The unit whose subtree the report covers. */
  unit: ScopeUnit;
  /** Whether the caller named the unit (orgUnitId) rather than taking their whole reach. */
  named: boolean;
  /** From the caller's reach root down to the scope unit, for breadcrumbs. */
  trail: { id: string; name: string }[];
}

export const orgUnitNotFound = () =>
  new AppError(404, 'org-unit-not-found', 'Unit organisasi tidak ditemukan.');

const noReach = () =>
  new AppError(
    403,
    'no-admin-scope',
    'Akun admin Anda belum memiliki wilayah kewenangan; hubungi admin BKPSDM.',
  );

async function unitById(em: EntityManager, id: string): Promise<ScopeUnit | undefined> {
  const rows: ScopeUnit[] = await em.query(
    `SELECT id, name, kind, path, parent_id AS "parentId" FROM org_unit WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** The id of the last unit in a materialised path ('/a/b/' → 'b'). */
export const lastId = (path: string): string => path.split('/').filter(Boolean).pop() ?? '';

/**
 * The unit a report covers: the one named (it must sit in the admin's reach, else
 * 404 as if it did not exist) or the admin's whole reach.
 */
export async function resolveScope(
  em: EntityManager,
  p: Principal,
  orgUnitId?: string,
): Promise<ReportScope> {
  const reach = p.adminScopePath;
  if (!reach) throw noReach();
  const unit = await unitById(em, orgUnitId ?? lastId(reach));
  if (!unit || !unit.path.startsWith(reach)) throw orgUnitNotFound();
  const reachDepth = reach.split('/').filter(Boolean).length;
  const ids = unit.path
    .split('/')
    .filter(Boolean)
    .slice(reachDepth - 1);
  const names: { id: string; name: string }[] = await em.query(
    `SELECT id, name FROM org_unit WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  const byId = new Map(names.map((n) => [n.id, n.name]));
  return {
    unit,
    named: orgUnitId !== undefined,
    trail: ids.map((id) => ({ id, name: byId.get(id) ?? '' })),
  };
}

/** A courseId filter must name a course (404 otherwise), so a typo is not an empty report. */
export async function assertCourseExists(em: EntityManager, courseId?: string): Promise<void> {
  if (!courseId) return;
  const rows: unknown[] = await em.query(`SELECT 1 FROM course WHERE id = $1`, [courseId]);
  if (!rows.length) throw new AppError(404, 'course-not-found', 'Kursus tidak ditemukan.');
}

/** Yearly JP targets per employment type (jp_target). */
export async function jpTargets(em: EntityManager): Promise<Record<'PNS' | 'PPPK', number>> {
  const rows: { employment_type: 'PNS' | 'PPPK'; jp: number }[] = await em.query(
    `SELECT employment_type, jp FROM jp_target`,
  );
  const out = { PNS: 20, PPPK: 24 };
  for (const r of rows) out[r.employment_type] = r.jp;
  return out;
}
