import { Module } from '@nestjs/common';
import { DashboardService } from './dashboard/dashboard.service';
import { ReportsController } from './dashboard/reports.controller';
import { ReportTablesService } from './dashboard/reports.service';
import { ExportsController } from './exports/exports.controller';
import { ExportsService } from './exports/exports.service';
import { PeopleService } from './people/people.service';
import { TeamController } from './team/team.controller';
import { TeamService } from './team/team.service';

/** Dashboards, the supervisor's team, and report exports over the summary tables. */
@Module({
  // ExportsController first: its /reports/exports routes are literal paths.
  controllers: [ExportsController, ReportsController, TeamController],
  providers: [DashboardService, PeopleService, ReportTablesService, TeamService, ExportsService],
})
export class ReportingModule {}
