import {
  type CompetencyType,
  type CompletionRules,
  DEFAULT_COMPLETION_RULES,
  type EnrolmentStatus,
  type LessonType,
} from '@siantar/contracts';
import type { EntityManager } from 'typeorm';
import type { CompletionFacts } from './completion-rules';

export interface EnrolmentForCompletion {
  id: string;
  user_id: string;
  course_id: string;
  version_id: string;
  status: EnrolmentStatus;
  enrolled_at: Date;
  completed_at: Date | null;
  passed_at: Date | null;
  title: string;
  jp: string;
  competency_type: CompetencyType;
  delivery_mode: string;
  provider: string;
  completion_deadline: Date | null;
  completion_rules: Partial<CompletionRules>;
}

/** The enrolment with what completing it needs (course title, JP, provider); optionally locked. */
export async function loadEnrolment(
  em: EntityManager,
  enrolmentId: string,
  lock: boolean,
): Promise<EnrolmentForCompletion | null> {
  const rows: EnrolmentForCompletion[] = await em.query(
    `SELECT e.id, e.user_id, e.course_id, e.version_id, e.status, e.enrolled_at, e.completed_at, e.passed_at,
            v.title, v.jp, v.competency_type, v.delivery_mode, v.completion_deadline, v.completion_rules,
            o.name AS provider
       FROM enrolment e JOIN course_version v ON v.id = e.version_id
       JOIN course c ON c.id = e.course_id JOIN org_unit o ON o.id = c.owner_org_unit_id
      WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e' : ''}`,
    [enrolmentId],
  );
  return rows[0] ?? null;
}

export async function loadFacts(
  em: EntityManager,
  e: EnrolmentForCompletion,
): Promise<CompletionFacts> {
  const lessons: { key: string; title: string; type: LessonType; completed_at: Date | null }[] =
    await em.query(
      `SELECT l.key, l.title, l.type, CASE WHEN lp.status = 'completed' THEN coalesce(lp.completed_at, lp.updated_at) END AS completed_at
         FROM lesson l JOIN course_module m ON m.id = l.module_id
         LEFT JOIN lesson_progress lp ON lp.enrolment_id = $1 AND lp.lesson_id = l.id
        WHERE l.version_id = $2 ORDER BY m.position, l.position`,
      [e.id, e.version_id],
    );
  // The feedback survey belongs to the evaluation domain: its response to this enrolment,
  // and whether the course's survey settings require it (on top of the version's rule).
  const [survey]: { submitted_at: Date | null; required: boolean }[] = await em.query(
    `SELECT (SELECT submitted_at FROM survey_response WHERE enrolment_id = $1) AS submitted_at,
            coalesce((SELECT required FROM course_survey WHERE course_id = $2), false) AS required`,
    [e.id, e.course_id],
  );
  const rules = { ...DEFAULT_COMPLETION_RULES, ...e.completion_rules };
  return {
    rules: { ...rules, survey: rules.survey || survey.required },
    deadline: e.completion_deadline,
    enrolledAt: e.enrolled_at,
    lessons: lessons.map((l) => ({
      key: l.key,
      title: l.title,
      type: l.type,
      completedAt: l.completed_at,
    })),
    surveyAt: survey.submitted_at,
  };
}
