import { Module } from '@nestjs/common';
import { CompletionSignals } from '@siantar/server-catalog';
import { FinaliseAttendanceHandler } from './attendance/finalise-attendance.job';

/** The worker side of live sessions: freezing attendance and crediting it. */
@Module({ providers: [CompletionSignals, FinaliseAttendanceHandler] })
export class LiveJobsModule {}
