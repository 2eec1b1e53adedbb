import { Module } from '@nestjs/common';

/** The api side of the evaluation domain (issue 9). */
@Module({})
export class EvaluationModule {}
