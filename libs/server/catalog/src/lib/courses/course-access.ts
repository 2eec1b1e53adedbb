import type { Principal } from '@siantar/server-core';
import { AppError, isCityWideAdmin, notFound } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';
import { Course } from './course.entities';

/** Whether the caller is an admin whose reach (org-unit subtree) holds this unit. */
export async function adminReaches(
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

export interface CourseAccess {
  course: Course;
  isAuthor: boolean;
  /** Admin whose reach covers the course's owner (or the whole city). */
  isReviewer: boolean;
}

/** Loads a course for authoring; anyone who is neither an author nor a reviewer gets 404. */
export async function courseForAuthoring(
  em: EntityManager,
  courseId: string,
  p: Principal,
  lock = false,
): Promise<CourseAccess> {
  const qb = em.createQueryBuilder(Course, 'c').where('c.id = :courseId', { courseId });
  if (lock) qb.setLock('pessimistic_write');
  const course = await qb.getOne();
  if (!course) throw notFound('Kursus');
  const author: unknown[] = await em.query(
    `SELECT 1 FROM course_author WHERE course_id = $1 AND user_id = $2`,
    [courseId, p.id],
  );
  const isReviewer = await adminReaches(em, course.ownerOrgUnitId, p);
  const isAuthor =
    author.length > 0 &&
    (p.roles.includes('trainer') || p.roles.includes('partner') || p.roles.includes('admin'));
  if (!isAuthor && !isReviewer) throw notFound('Kursus');
  return { course, isAuthor, isReviewer };
}

export const cannotEdit = (detail: string) => new AppError(409, 'authoring.not-editable', detail);
