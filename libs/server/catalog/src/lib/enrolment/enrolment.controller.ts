import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  BulkEnrolRequest,
  type BulkEnrolResponse,
  type CatalogItem,
  CatalogQuery,
  type CourseDetailResponse,
  type CourseLearnerRow,
  type EnrolmentSummary,
  type Page,
} from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { CatalogueService } from '../catalogue/catalogue.service';
import { EnrolmentService } from './enrolment.service';

const uuid = uuidParam();

@ApiTags('catalog')
@ApiBearerAuth()
@Controller()
export class EnrolmentController {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly enrolments: EnrolmentService,
  ) {}

  @Authenticated()
  @Get('catalog')
  search(@Query() query: CatalogQuery, @CurrentUser() p: Principal): Promise<Page<CatalogItem>> {
    return this.catalogue.search(query, p);
  }

  @Authenticated()
  @Get('catalog/:courseId')
  detail(
    @Param('courseId', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<CourseDetailResponse> {
    return this.catalogue.detail(id, p);
  }

  @Authenticated()
  @Post('catalog/:courseId/enrol')
  enrol(
    @Param('courseId', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<EnrolmentSummary> {
    return this.enrolments.selfEnrol(id, p);
  }

  @Authenticated()
  @Get('my/enrolments')
  mine(@CurrentUser() p: Principal): Promise<EnrolmentSummary[]> {
    return this.enrolments.mine(p);
  }

  @Roles('admin')
  @Post('courses/:courseId/enrolments')
  @HttpCode(202)
  bulk(
    @Param('courseId', uuid) id: string,
    @Body() body: BulkEnrolRequest,
    @CurrentUser() p: Principal,
  ): Promise<BulkEnrolResponse> {
    return this.enrolments.requestBulk(id, body, p);
  }

  @Roles('admin')
  @Get('enrolment-requests/:id')
  bulkStatus(
    @Param('id', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<BulkEnrolResponse> {
    return this.enrolments.bulkStatus(id, p);
  }

  @Roles('trainer', 'partner', 'admin')
  @Get('courses/:courseId/learners')
  learners(
    @Param('courseId', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<CourseLearnerRow[]> {
    return this.enrolments.learners(id, p);
  }

  @Roles('admin')
  @Post('enrolments/:id/migrate')
  @HttpCode(200)
  migrate(@Param('id', uuid) id: string, @CurrentUser() p: Principal): Promise<EnrolmentSummary> {
    return this.enrolments.migrate(id, p);
  }

  @Roles('admin')
  @Post('enrolments/:id/withdraw')
  @HttpCode(200)
  withdraw(@Param('id', uuid) id: string, @CurrentUser() p: Principal): Promise<EnrolmentSummary> {
    return this.enrolments.withdraw(id, p);
  }
}
