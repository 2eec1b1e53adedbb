import type { EntityManager } from 'typeorm';

/**
 * In a sequential course a lesson opens once every earlier lesson (in module
 * and lesson order, placeholders aside) is completed. Returns why it is locked, or null.
 */
export async function lockReason(
  em: EntityManager,
  enrolmentId: string,
  lessonId: string,
): Promise<string | null> {
  const rows: { title: string }[] = await em.query(
    `WITH ordered AS (
       SELECT l.id, l.title, l.type, row_number() OVER (ORDER BY m.position, l.position) AS n
         FROM enrolment e JOIN course_version v ON v.id = e.version_id
         JOIN lesson l ON l.version_id = v.id JOIN course_module m ON m.id = l.module_id
        WHERE e.id = $1 AND v.sequential)
     SELECT o.title FROM ordered o
      WHERE o.n < (SELECT n FROM ordered WHERE id = $2)
        AND o.type NOT IN ('quiz', 'live-session', 'simulation')
        AND NOT EXISTS (SELECT 1 FROM lesson_progress lp WHERE lp.enrolment_id = $1 AND lp.lesson_id = o.id AND lp.status = 'completed')
      ORDER BY o.n LIMIT 1`,
    [enrolmentId, lessonId],
  );
  return rows[0] ? `materi ini terkunci; selesaikan dulu "${rows[0].title}"` : null;
}
