import { Injectable, Logger } from '@nestjs/common';
import { NotificationPlanner } from '@siantar/server-notify';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserEventsPublisher } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { type AttemptRow, loadAttempt, loadSlots, type SlotRow } from '../attempts/attempt-rows';
import { attemptResult } from '../attempts/attempt-view';
import { gradeResponse, markFor } from '../grading';
import { retotal } from './attempt-totals';
import { CompletionSignals } from '@siantar/server-catalog';

interface SlotGrade {
  slot: number;
  fraction: number | null;
  mark: number | null;
  feedback: string[];
  needsManual: boolean;
}

/** Grades every auto-gradable slot of an attempt with the pure engine. */
export function gradeSlots(slots: SlotRow[]): SlotGrade[] {
  return slots.map((s) => {
    const max = Number(s.max_mark);
    if (s.body.type === 'essay')
      return { slot: s.slot, fraction: null, mark: null, feedback: [], needsManual: true };
    if (s.body.type === 'description')
      return { slot: s.slot, fraction: null, mark: 0, feedback: [], needsManual: false };
    const g = gradeResponse(s.body, s.response);
    return {
      slot: s.slot,
      fraction: g.fraction,
      mark: markFor(g.fraction, max),
      feedback: g.feedback,
      needsManual: false,
    };
  });
}

/** Writes machine grades; a trainer's marks on essays are kept. */
export async function storeSlotGrades(
  em: EntityManager,
  attemptId: string,
  grades: SlotGrade[],
): Promise<void> {
  const auto = grades.filter((g) => !g.needsManual);
  if (auto.length > 0) {
    await em.query(
      `UPDATE attempt_slot s SET fraction = g.fraction, mark = g.mark, feedback = g.feedback, graded_at = now()
         FROM unnest($2::int[], $3::numeric[], $4::numeric[], $5::jsonb[]) AS g(slot, fraction, mark, feedback)
        WHERE s.attempt_id = $1 AND s.slot = g.slot`,
      [
        attemptId,
        auto.map((g) => g.slot),
        auto.map((g) => g.fraction),
        auto.map((g) => g.mark),
        auto.map((g) => JSON.stringify(g.feedback)),
      ],
    );
  }
  const manual = grades.filter((g) => g.needsManual).map((g) => g.slot);
  if (manual.length > 0)
    await em.query(
      `UPDATE attempt_slot SET needs_manual = true WHERE attempt_id = $1 AND slot = ANY ($2::int[])`,
      [attemptId, manual],
    );
}

/**
 * Grades a submitted attempt once. The attempt row is locked; anything but
 * `submitted` means a previous run finished (or the attempt isn't ready), so a
 * repeated or retried job changes nothing. Marks, totals and the `auto` grade event
 * (unique per attempt) are written in one transaction.
 */
@Injectable()
export class AttemptGrader {
  private readonly logger = new Logger(AttemptGrader.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: UserEventsPublisher,
    /** Shared with manual grading and regrades, which re-total through the grader's module. */
    readonly signals: CompletionSignals,
    private readonly planner: NotificationPlanner,
  ) {}

  async grade(attemptId: string): Promise<'graded' | 'already-graded' | 'not-submitted'> {
    const outcome = await this.db.transaction(async (em) => {
      const a = await loadAttempt(em, attemptId, 'update');
      if (a.status === 'in-progress') return { kind: 'not-submitted' as const, a };
      if (a.status !== 'submitted') return { kind: 'already-graded' as const, a };
      const slots = await loadSlots(em, attemptId);
      await storeSlotGrades(em, attemptId, gradeSlots(slots));
      const updated = await retotal(em, a, this.signals);
      await em.query(
        `INSERT INTO grade_event (attempt_id, kind, mark, percent) VALUES ($1, 'auto', $2, $3)`,
        [attemptId, updated.mark, updated.percent],
      );
      return { kind: 'graded' as const, a: updated };
    });
    if (outcome.kind !== 'not-submitted') await this.notify(outcome.a);
    return outcome.kind;
  }

  /** Best effort, after the commit: the learner's screen also refetches on reconnect. */
  async notify(a: AttemptRow): Promise<void> {
    const result = attemptResult(a, 'learner');
    if (!result) return;
    try {
      await this.events.publish(a.user_id, 'attempt.graded', {
        attemptId: a.id,
        quizId: a.quiz_id,
        result,
      });
    } catch (e) {
      this.logger.warn(`Could not push the result of attempt ${a.id}: ${String(e)}`);
    }
    if (a.status === 'graded') await this.planNotice(a, result);
  }

  /** The learner's notification of a final grade; keyed by the grading time, so a regrade tells again. */
  private async planNotice(a: AttemptRow, result: NonNullable<ReturnType<typeof attemptResult>>) {
    const [where]: { lesson_id: string | null; title: string }[] = await this.db.query(
      `SELECT q.settings->>'title' AS title,
              (SELECT l.id FROM enrolment e JOIN lesson l ON l.version_id = e.version_id
                         WHERE e.id = $2 AND l.type = 'quiz' AND l.content->>'quizId' = q.id::text
                         LIMIT 1) AS lesson_id
         FROM quiz q WHERE q.id = $1`,
      [a.quiz_id, a.enrolment_id],
    );
    await this.planner.plan(this.db.manager, {
      event: 'attempt-graded',
      userId: a.user_id,
      targetId: a.id,
      dueAt: a.graded_at ? new Date(a.graded_at) : new Date(),
      data: {
        enrolmentId: a.enrolment_id,
        lessonId: where?.lesson_id ?? null,
        quizTitle: where?.title ?? 'Kuis',
        percent: result.percent,
        passed: result.passed,
      },
    });
  }
}
