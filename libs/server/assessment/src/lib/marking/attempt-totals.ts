import type { AttemptStatus } from '@siantar/contracts';
import type { CompletionSignals } from '@siantar/server-catalog';
import type { EntityManager } from 'typeorm';
import type { AttemptRow } from '../attempts/attempt-rows';
import { finalPercent } from './final-grade';

/**
 * Re-totals an attempt from its slots: graded when no essay waits for a trainer,
 * else awaiting-grading with the marks known so far. Then settles the quiz for the
 * learner (the lesson completes once the grade that counts reaches the pass mark).
 */
export async function retotal(
  em: EntityManager,
  a: AttemptRow,
  signals: CompletionSignals,
): Promise<AttemptRow> {
  const [t] = await em.query<{ mark: string | null; pending: string }[]>(
    `SELECT coalesce(sum(mark), 0) AS mark,
            count(*) FILTER (WHERE needs_manual AND graded_at IS NULL) AS pending
       FROM attempt_slot WHERE attempt_id = $1`,
    [a.id],
  );
  const max = Number(a.max_mark);
  const mark = Math.round(Number(t.mark) * 100) / 100;
  const done = Number(t.pending) === 0;
  const status: AttemptStatus = done ? 'graded' : 'awaiting-grading';
  const percent = done ? (max > 0 ? Math.round((mark / max) * 10000) / 100 : 100) : null;
  const passed = percent === null ? null : percent >= a.settings.passPercent;
  const [rows] = await em.query<AttemptRow[][]>(
    `UPDATE quiz_attempt SET status = $2::text, mark = $3, percent = $4, passed = $5,
            graded_at = CASE WHEN $2::text = 'graded' THEN now() ELSE graded_at END
      WHERE id = $1 RETURNING *`,
    [a.id, status, mark, percent, passed],
  );
  const updated = rows[0];
  await settleQuiz(em, updated, signals);
  if (status === 'graded') await signals.raise(em, a.enrolment_id, 'attempt', a.id);
  return updated;
}

async function settleQuiz(
  em: EntityManager,
  a: AttemptRow,
  signals: CompletionSignals,
): Promise<void> {
  if (a.settings.role === 'pre-test') {
    // A pre-test measures the starting point: taking it is what completes the lesson.
    await signals.completeLessons(em, a.enrolment_id, { type: 'quiz', quizId: a.quiz_id });
    return;
  }
  const graded: { number: number; percent: string }[] = await em.query(
    `SELECT number, percent FROM quiz_attempt WHERE quiz_id = $1 AND user_id = $2 AND status = 'graded'`,
    [a.quiz_id, a.user_id],
  );
  const final = finalPercent(
    graded.map((g) => ({ number: g.number, percent: Number(g.percent) })),
    a.settings.gradingMethod,
  );
  if (final !== null && final >= a.settings.passPercent)
    await signals.completeLessons(em, a.enrolment_id, { type: 'quiz', quizId: a.quiz_id });
}
