import { Module } from '@nestjs/common';
import { DashboardService } from './dashboard/dashboard.service';
import { ReportExportHandler } from './exports/report-export.job';

/** The worker side of reporting: background exports. */
@Module({
  providers: [DashboardService, ReportExportHandler],
})
export class ReportingJobsModule {}
