import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type CourseFunnelRow,
  type DashboardResponse,
  type OverdueRow,
  type Page,
  PeopleQuery,
  type PersonReport,
  type PersonReportRow,
  ReportFilter,
  ReportPageQuery,
  YearQuery,
} from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { PeopleService } from '../people/people.service';
import { DashboardService } from './dashboard.service';
import { ReportTablesService } from './reports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly dashboards: DashboardService,
    private readonly people: PeopleService,
    private readonly tables: ReportTablesService,
  ) {}

  @Roles('admin')
  @Get('dashboard')
  dashboard(@Query() f: ReportFilter, @CurrentUser() p: Principal): Promise<DashboardResponse> {
    return this.dashboards.dashboard(p, f);
  }

  @Roles('admin')
  @Get('people')
  peopleList(@Query() q: PeopleQuery, @CurrentUser() p: Principal): Promise<Page<PersonReportRow>> {
    return this.people.list(p, q);
  }

  @Roles('admin')
  @Get('people/:userId')
  person(
    @Param('userId', uuidParam('userId')) userId: string,
    @Query() q: YearQuery,
    @CurrentUser() p: Principal,
  ): Promise<PersonReport> {
    return this.people.person(p, userId, q.year);
  }

  @Roles('admin')
  @Get('courses')
  courses(
    @Query() q: ReportPageQuery,
    @CurrentUser() p: Principal,
  ): Promise<Page<CourseFunnelRow>> {
    return this.tables.courses(p, q);
  }

  @Roles('admin')
  @Get('overdue')
  overdue(@Query() q: ReportPageQuery, @CurrentUser() p: Principal): Promise<Page<OverdueRow>> {
    return this.tables.overdue(p, q);
  }
}
