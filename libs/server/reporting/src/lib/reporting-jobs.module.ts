import { Module } from '@nestjs/common';

/** The worker side of reporting: background exports. */
@Module({})
export class ReportingJobsModule {}
