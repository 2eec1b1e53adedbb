import type { SimulationContent } from '@siantar/scenario';
import { lessonOutline } from '@siantar/server-catalog';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

export interface SimulationLesson {
  enrolmentId: string;
  lessonId: string;
  lessonKey: string;
  title: string;
  orgUnitId: string;
  content: SimulationContent;
}

/**
 * A simulation lesson of the caller's own enrolment (active or completed), unlocked:
 * anyone else's enrolment, or a lesson that is not a simulation of it, is not found.
 */
export async function simulationLessonFor(
  em: EntityManager,
  enrolmentId: string,
  lessonId: string,
  p: Principal,
): Promise<SimulationLesson> {
  const rows: {
    lesson_key: string;
    title: string;
    content: SimulationContent;
    org_unit_id: string;
  }[] = await em.query(
    `SELECT l.key AS lesson_key, l.title, l.content, u.org_unit_id
       FROM enrolment e JOIN lesson l ON l.version_id = e.version_id AND l.id = $2
       JOIN app_user u ON u.id = e.user_id
      WHERE e.id = $1 AND e.user_id = $3 AND e.status IN ('active', 'completed')
        AND l.type = 'simulation'`,
    [enrolmentId, lessonId, p.id],
  );
  const row = rows[0];
  if (!row) throw notFound('Simulasi');
  const outline = await lessonOutline(em, enrolmentId);
  const locked = outline.find((l) => l.lesson_id === lessonId)?.lockedReason;
  if (locked) throw new AppError(403, 'lessons.locked', locked);
  return {
    enrolmentId,
    lessonId,
    lessonKey: row.lesson_key,
    title: row.title,
    orgUnitId: row.org_unit_id,
    content: row.content,
  };
}
