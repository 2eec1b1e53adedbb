import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegradeAttemptJob } from '@siantar/contracts';
import { committedRow, HandlesJob, type JobContext, type JobHandler } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { loadAttempt, loadSlots } from '../attempts/attempt-rows';
import { AttemptGrader, gradeSlots, storeSlotGrades } from './attempt-grader';
import { retotal } from './attempt-totals';

/** Regrades one attempt for one regrade request, once (unique grade event per pair). */
@Injectable()
@HandlesJob('assessment.regrade-attempt')
export class RegradeAttemptHandler implements JobHandler<'assessment.regrade-attempt'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly grader: AttemptGrader,
  ) {}

  async handle({ attemptId, regradeId }: RegradeAttemptJob, ctx: JobContext): Promise<void> {
    const req = await committedRow(ctx, `regrade ${regradeId}`, async () => {
      const rows: { question_id: string | null }[] = await this.db.query(
        `SELECT question_id FROM regrade WHERE id = $1`,
        [regradeId],
      );
      return rows[0];
    });
    if (!req) return;
    const updated = await this.db.transaction(async (em) => {
      const a = await loadAttempt(em, attemptId, 'update');
      const done: unknown[] = await em.query(
        `SELECT 1 FROM grade_event WHERE attempt_id = $1 AND regrade_id = $2 AND kind = 'regrade'`,
        [attemptId, regradeId],
      );
      if (done.length > 0) return null;
      // Move the affected slots to the question's current version when the type is unchanged;
      // a changed type would make the learner's stored answer meaningless.
      await em.query(
        `UPDATE attempt_slot s SET question_version_id = q.current_version_id
           FROM question q JOIN question_version cur ON cur.id = q.current_version_id,
                question_version old
          WHERE s.attempt_id = $1 AND q.id = s.question_id AND old.id = s.question_version_id
            AND cur.type = old.type AND ($2::uuid IS NULL OR s.question_id = $2)`,
        [attemptId, req.question_id],
      );
      const slots = (await loadSlots(em, attemptId)).filter(
        (s) => !req.question_id || s.question_id === req.question_id,
      );
      await storeSlotGrades(em, attemptId, gradeSlots(slots));
      const after = await retotal(em, a, this.grader.signals);
      await em.query(
        `INSERT INTO grade_event (attempt_id, kind, regrade_id, mark, percent, detail) VALUES ($1, 'regrade', $2, $3, $4, $5)`,
        [
          attemptId,
          regradeId,
          after.mark,
          after.percent,
          JSON.stringify({ before: { mark: a.mark, percent: a.percent } }),
        ],
      );
      return after;
    });
    if (updated) await this.grader.notify(updated);
  }
}
