import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AttemptJob } from '@siantar/contracts';
import { HandlesJob, type JobHandler, QueueService } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import type { AttemptRow } from '../attempts/attempt-rows';
import { submitAttempt } from '../attempts/attempts.service';

/**
 * Submits an attempt whose time ran out, from the answers last saved, even when
 * the browser is gone. Idempotent: an attempt no longer in progress is left alone.
 */
@Injectable()
@HandlesJob('assessment.deadline-submit')
export class DeadlineSubmitHandler implements JobHandler<'assessment.deadline-submit'> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly queue: QueueService,
  ) {}

  async handle({ attemptId }: AttemptJob): Promise<void> {
    await this.db.transaction(async (em) => {
      const [a] = await em.query<AttemptRow[]>(
        `SELECT * FROM quiz_attempt WHERE id = $1 FOR UPDATE`,
        [attemptId],
      );
      // Gone (its start rolled back) or already submitted: nothing to do.
      if (!a || a.status !== 'in-progress' || !a.deadline) return;
      if (new Date(a.deadline).getTime() > Date.now())
        throw new Error(
          `Attempt ${attemptId} is due at ${a.deadline.toISOString()}; retrying later`,
        );
      await submitAttempt(em, this.queue, a, 'deadline');
    });
  }
}
