import { Module } from '@nestjs/common';
import { FollowUpJobsModule } from './follow-up/follow-up-jobs.module';

/** The worker side of the evaluation domain (issue 9). */
@Module({ imports: [FollowUpJobsModule] })
export class EvaluationJobsModule {}
