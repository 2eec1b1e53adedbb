import { adminReaches, courseForAuthoring } from '@siantar/server-catalog';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

/** A 404 from an access check becomes null (no access); any other error goes on. */
export function unlessNotFound(e: unknown): null {
  if (e instanceof AppError && e.getStatus() === 404) return null;
  throw e;
}

export interface SessionRow {
  id: string;
  course_id: string | null;
  title: string;
  starts_at: Date;
  status: string;
  created_by: string | null;
}

export async function loadSession(em: EntityManager, sessionId: string): Promise<SessionRow> {
  const rows: SessionRow[] = await em.query(
    `SELECT id, course_id, title, starts_at, status, created_by FROM live_session WHERE id = $1`,
    [sessionId],
  );
  if (!rows[0]) throw notFound('Sesi');
  return rows[0];
}

export async function isSessionTrainer(
  em: EntityManager,
  sessionId: string,
  userId: string,
): Promise<boolean> {
  const rows: unknown[] = await em.query(
    `SELECT 1 FROM live_session_trainer WHERE session_id = $1 AND user_id = $2`,
    [sessionId, userId],
  );
  return rows.length > 0;
}

/** Was in the room: a finalised attendance record or at least one connection. */
export async function attended(
  em: EntityManager,
  sessionId: string,
  userId: string,
): Promise<boolean> {
  const rows: unknown[] = await em.query(
    `SELECT 1 WHERE EXISTS (SELECT 1 FROM live_attendance WHERE session_id = $1 AND user_id = $2)
                 OR EXISTS (SELECT 1 FROM live_presence WHERE session_id = $1 AND user_id = $2)`,
    [sessionId, userId],
  );
  return rows.length > 0;
}

export interface SessionAccess {
  /** May change the session (and its survey settings), as the live domain decides it. */
  manages: boolean;
  trainer: boolean;
  /** An admin whose reach holds the course's owner (course session) or the creator's unit (webinar). */
  adminInReach: boolean;
}

/**
 * Who runs a session, as the live domain's rule has it: for a course session, its authors and
 * the admins who review the course; for a webinar, its creator, its trainers and admins whose
 * reach holds the creator's unit. The session's trainers are told apart for the results.
 */
export async function sessionAccess(
  em: EntityManager,
  s: SessionRow,
  p: Principal,
): Promise<SessionAccess> {
  const trainer = await isSessionTrainer(em, s.id, p.id);
  const staff = p.roles.some((r) => r === 'trainer' || r === 'partner' || r === 'admin');
  if (s.course_id) {
    const course = staff
      ? await courseForAuthoring(em, s.course_id, p).catch(unlessNotFound)
      : null;
    return {
      manages: course !== null,
      trainer,
      adminInReach: course?.isReviewer ?? false,
    };
  }
  let adminInReach = false;
  if (p.roles.includes('admin') && s.created_by) {
    const creator: { org_unit_id: string }[] = await em.query(
      `SELECT org_unit_id FROM app_user WHERE id = $1`,
      [s.created_by],
    );
    adminInReach = creator[0] ? await adminReaches(em, creator[0].org_unit_id, p) : false;
  }
  return {
    manages: staff && (s.created_by === p.id || trainer || adminInReach),
    trainer,
    adminInReach,
  };
}
