import { Module } from '@nestjs/common';

/** The worker side of the evaluation domain (issue 9). */
@Module({})
export class EvaluationJobsModule {}
