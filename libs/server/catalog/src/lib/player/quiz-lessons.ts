import type { EntityManager } from 'typeorm';
import { lessonOutline } from './lesson-outline';

export interface QuizLessonPlace {
  enrolmentId: string;
  lessonId: string;
  /** Why the learner can't open it yet (sequential course), or null. */
  lockedReason: string | null;
}

/**
 * Where a quiz sits for a learner: the quiz lesson of their active enrolment's
 * version. null when they are not enrolled or their version has no such lesson.
 */
export async function quizLessonForLearner(
  em: EntityManager,
  courseId: string,
  quizId: string,
  userId: string,
): Promise<QuizLessonPlace | null> {
  const rows: { enrolment_id: string; lesson_id: string }[] = await em.query(
    `SELECT e.id AS enrolment_id, l.id AS lesson_id
       FROM enrolment e JOIN lesson l ON l.version_id = e.version_id
      WHERE e.course_id = $1 AND e.user_id = $2 AND e.status IN ('active', 'completed')
        AND l.type = 'quiz' AND l.content->>'quizId' = $3
      ORDER BY e.enrolled_at DESC LIMIT 1`,
    [courseId, userId, quizId],
  );
  const row = rows[0];
  if (!row) return null;
  const outline = await lessonOutline(em, row.enrolment_id);
  const lesson = outline.find((l) => l.lesson_id === row.lesson_id);
  return {
    enrolmentId: row.enrolment_id,
    lessonId: row.lesson_id,
    lockedReason: lesson?.lockedReason ?? null,
  };
}
