import {
  type LessonProgressView,
  type LessonType,
  PLACEHOLDER_LESSON_TYPES,
} from '@siantar/contracts';
import type { EntityManager } from 'typeorm';

export interface OutlineLessonRow {
  module_id: string;
  module_title: string;
  lesson_id: string;
  title: string;
  type: LessonType;
  duration_minutes: number;
  status: LessonProgressView['status'] | null;
  percent: string | null;
  position_seconds: string | null;
  completed_at: Date | null;
  sequential: boolean;
}

export type OutlineRow = OutlineLessonRow & { locked: boolean; lockedReason: string | null };

/**
 * The lessons of an enrolment's version in order, with progress and locks: the
 * one place the sequential-course lock rule lives (course home, player, progress).
 */
export async function lessonOutline(em: EntityManager, enrolmentId: string): Promise<OutlineRow[]> {
  const rows: OutlineLessonRow[] = await em.query(
    `SELECT m.id AS module_id, m.title AS module_title, l.id AS lesson_id, l.title, l.type, l.duration_minutes,
            lp.status, lp.percent, lp.position_seconds, lp.completed_at, v.sequential
       FROM enrolment e JOIN course_version v ON v.id = e.version_id
       JOIN course_module m ON m.version_id = v.id JOIN lesson l ON l.module_id = m.id
       LEFT JOIN lesson_progress lp ON lp.enrolment_id = e.id AND lp.lesson_id = l.id
      WHERE e.id = $1 ORDER BY m.position, l.position`,
    [enrolmentId],
  );
  // In a sequential course everything after the first unfinished lesson waits for it.
  let blocker: string | null = null;
  return rows.map((r) => {
    const lockedReason = r.sequential && blocker !== null ? `Selesaikan dulu "${blocker}".` : null;
    if (blocker === null && !PLACEHOLDER_LESSON_TYPES.includes(r.type) && r.status !== 'completed')
      blocker = r.title;
    return { ...r, locked: lockedReason !== null, lockedReason };
  });
}
