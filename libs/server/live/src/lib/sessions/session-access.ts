import type { Principal } from '@siantar/server-core';
import { adminReaches, courseForAuthoring } from '@siantar/server-catalog';
import type { EntityManager } from 'typeorm';

/**
 * SQL condition: user `$1` may join session `s` — a trainer of it; for a course
 * session, a learner with an active or completed enrolment; for a webinar, anyone
 * in an invited OPD (or its sub-units), everyone when the audience is empty.
 */
export const MAY_JOIN = `(
  EXISTS (SELECT 1 FROM live_session_trainer t WHERE t.session_id = s.id AND t.user_id = $1)
  OR (s.course_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM enrolment e
     WHERE e.course_id = s.course_id AND e.user_id = $1 AND e.status IN ('active', 'completed')))
  OR (s.course_id IS NULL AND (
    cardinality(s.audience_org_unit_ids) = 0
    OR EXISTS (
      SELECT 1 FROM app_user u JOIN org_unit ou ON ou.id = u.org_unit_id,
             unnest(s.audience_org_unit_ids) AS a(id)
       WHERE u.id = $1 AND ou.path LIKE '%/' || a.id::text || '/%')))
)`;

export async function mayJoin(em: EntityManager, sessionId: string, userId: string) {
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM live_session s WHERE s.id = $2 AND ${MAY_JOIN}`,
    [userId, sessionId],
  );
  return rows.length > 0;
}

export interface ManagedSession {
  id: string;
  course_id: string | null;
  created_by: string | null;
}

/**
 * Who may change or cancel a session: for a course session, its authors and the
 * admins who review it (`courseForAuthoring`); for a webinar, its creator, its
 * trainers, and admins whose reach holds the creator's unit.
 */
export async function mayManage(
  em: EntityManager,
  s: ManagedSession,
  p: Principal,
): Promise<boolean> {
  if (!p.roles.some((r) => r === 'trainer' || r === 'partner' || r === 'admin')) return false;
  if (s.course_id) {
    try {
      await courseForAuthoring(em, s.course_id, p);
      return true;
    } catch {
      return false;
    }
  }
  if (s.created_by === p.id) return true;
  const trainer: unknown[] = await em.query(
    `SELECT 1 FROM live_session_trainer WHERE session_id = $1 AND user_id = $2`,
    [s.id, p.id],
  );
  if (trainer.length > 0) return true;
  if (!p.roles.includes('admin')) return false;
  const creator: { org_unit_id: string }[] = s.created_by
    ? await em.query(`SELECT org_unit_id FROM app_user WHERE id = $1`, [s.created_by])
    : [];
  return creator[0] ? adminReaches(em, creator[0].org_unit_id, p) : false;
}

/**
 * SQL: the active users invited to session `$1` who do not run it — a course session's
 * enrolled learners, a webinar's audience (everyone when it is empty).
 */
export const INVITEES_SQL = `
  SELECT u.id FROM live_session s, app_user u
   WHERE s.id = $1 AND u.active
     AND NOT EXISTS (SELECT 1 FROM live_session_trainer t WHERE t.session_id = s.id AND t.user_id = u.id)
     AND ((s.course_id IS NOT NULL AND EXISTS (
             SELECT 1 FROM enrolment e
              WHERE e.course_id = s.course_id AND e.user_id = u.id AND e.status IN ('active', 'completed')))
       OR (s.course_id IS NULL AND (
             cardinality(s.audience_org_unit_ids) = 0
             OR EXISTS (SELECT 1 FROM org_unit ou, unnest(s.audience_org_unit_ids) AS a(id)
                         WHERE ou.id = u.org_unit_id AND ou.path LIKE '%/' || a.id::text || '/%'))))`;
