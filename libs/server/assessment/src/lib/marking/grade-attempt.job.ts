import { Injectable } from '@nestjs/common';
import type { AttemptJob } from '@siantar/contracts';
import { HandlesJob, type JobHandler } from '@siantar/server-core';
import { AttemptGrader } from './attempt-grader';

/** jobId = attempt id; the grader itself makes a repeated run a no-op. */
@Injectable()
@HandlesJob('assessment.grade-attempt')
export class GradeAttemptHandler implements JobHandler<'assessment.grade-attempt'> {
  constructor(private readonly grader: AttemptGrader) {}

  async handle({ attemptId }: AttemptJob): Promise<void> {
    const outcome = await this.grader.grade(attemptId);
    // Only a job that overtook its own submit's commit sees this; the retry finds it submitted.
    if (outcome === 'not-submitted') throw new Error(`Attempt ${attemptId} is not submitted yet`);
  }
}
