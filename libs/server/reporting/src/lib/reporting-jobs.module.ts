import { Module } from '@nestjs/common';
import { NotificationPlanner } from '@siantar/server-notify';
import { DashboardService } from './dashboard/dashboard.service';
import { ReportExportHandler } from './exports/report-export.job';
import { OpdMonthlyReportHandler } from './monthly/opd-monthly.job';

/** The worker side of reporting: background exports and the OPD heads' monthly report. */
@Module({
  providers: [DashboardService, ReportExportHandler, OpdMonthlyReportHandler, NotificationPlanner],
})
export class ReportingJobsModule {}
