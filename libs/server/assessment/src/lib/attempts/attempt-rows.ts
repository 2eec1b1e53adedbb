import type {
  AttemptStatus,
  LearnerQuestionBody,
  QuestionBody,
  QuestionResponse,
  QuestionType,
  QuizSettings,
  RubricCriterion,
} from '@siantar/contracts';
import { notFound } from '@siantar/server-core';
import type { EntityManager } from 'typeorm';

export interface AttemptRow {
  id: string;
  quiz_id: string;
  user_id: string;
  enrolment_id: string;
  number: number;
  status: AttemptStatus;
  settings: QuizSettings;
  started_at: Date;
  deadline: Date | null;
  submitted_at: Date | null;
  graded_at: Date | null;
  current_slot: number;
  max_mark: string;
  mark: string | null;
  percent: string | null;
  passed: boolean | null;
}

export interface SlotRow {
  attempt_id: string;
  slot: number;
  question_id: string;
  question_version_id: string;
  max_mark: string;
  view: LearnerQuestionBody;
  response: QuestionResponse | null;
  seq: number;
  fraction: string | null;
  mark: string | null;
  feedback: string[];
  needs_manual: boolean;
  rubric_scores: { criterionId: string; points: number }[] | null;
  comment: string | null;
  graded_at: Date | null;
  // from the question version
  type: QuestionType;
  name: string;
  html: string;
  general_feedback: string | null;
  body: QuestionBody;
}

export async function loadAttempt(
  em: EntityManager,
  attemptId: string,
  lock: 'update' | 'none' = 'none',
): Promise<AttemptRow> {
  const rows: AttemptRow[] = await em.query(
    `SELECT * FROM quiz_attempt WHERE id = $1 ${lock === 'update' ? 'FOR UPDATE' : ''}`,
    [attemptId],
  );
  if (!rows[0]) throw notFound('Percobaan kuis');
  return rows[0];
}

const SLOT_SQL = `
  SELECT s.*, v.type, v.name, v.html, v.general_feedback, v.body
    FROM attempt_slot s JOIN question_version v ON v.id = s.question_version_id`;

export function loadSlots(em: EntityManager, attemptId: string): Promise<SlotRow[]> {
  return em.query(`${SLOT_SQL} WHERE s.attempt_id = $1 ORDER BY s.slot`, [attemptId]);
}

export async function loadSlot(
  em: EntityManager,
  attemptId: string,
  slot: number,
): Promise<SlotRow> {
  const [row] = await em.query<SlotRow[]>(`${SLOT_SQL} WHERE s.attempt_id = $1 AND s.slot = $2`, [
    attemptId,
    slot,
  ]);
  if (!row) throw notFound(`Soal nomor ${slot} di percobaan ini`);
  return row;
}

export const rubricOf = (body: QuestionBody): RubricCriterion[] =>
  body.type === 'essay' ? body.rubric : [];

export const num = (v: string | number | null): number | null => (v === null ? null : Number(v));
