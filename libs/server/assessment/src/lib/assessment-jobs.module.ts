import { NotificationPlanner } from '@siantar/server-notify';
import { CompletionSignals } from '@siantar/server-catalog';
import { Module } from '@nestjs/common';
import { AttemptGrader } from './marking/attempt-grader';
import { DeadlineSubmitHandler } from './marking/deadline-submit.job';
import { GradeAttemptHandler } from './marking/grade-attempt.job';
import { RegradeAttemptHandler } from './marking/regrade-attempt.job';

/** The worker side: grading, deadline submission and regrades. */
@Module({
  providers: [
    CompletionSignals,
    AttemptGrader,
    NotificationPlanner,
    GradeAttemptHandler,
    DeadlineSubmitHandler,
    RegradeAttemptHandler,
  ],
})
export class AssessmentJobsModule {}
