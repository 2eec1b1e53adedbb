import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type CourseIndicators,
  IndicatorRequest,
  IndicatorValueRequest,
  type IndicatorView,
} from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { IndicatorsService } from './indicators.service';

const courseParam = uuidParam('id kursus');
const idParam = uuidParam('id indikator');

/** Level 4 indicators of a programme and their values per OPD. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluation')
export class IndicatorsController {
  constructor(private readonly indicators: IndicatorsService) {}

  /** Authors and reviewers: every OPD; other admins: the OPDs in their reach. */
  @Roles('trainer', 'partner', 'admin')
  @Get('courses/:courseId/indicators')
  list(
    @Param('courseId', courseParam) courseId: string,
    @CurrentUser() p: Principal,
  ): Promise<CourseIndicators> {
    return this.indicators.list(courseId, p);
  }

  @Roles('admin')
  @Post('courses/:courseId/indicators')
  create(
    @Param('courseId', courseParam) courseId: string,
    @Body() body: IndicatorRequest,
    @CurrentUser() p: Principal,
  ): Promise<IndicatorView> {
    return this.indicators.create(courseId, body, p);
  }

  @Roles('admin')
  @Put('courses/:courseId/indicators/:id')
  update(
    @Param('courseId', courseParam) courseId: string,
    @Param('id', idParam) id: string,
    @Body() body: IndicatorRequest,
    @CurrentUser() p: Principal,
  ): Promise<IndicatorView> {
    return this.indicators.update(courseId, id, body, p);
  }

  @Roles('admin')
  @Delete('courses/:courseId/indicators/:id')
  @HttpCode(204)
  remove(
    @Param('courseId', courseParam) courseId: string,
    @Param('id', idParam) id: string,
    @CurrentUser() p: Principal,
  ): Promise<void> {
    return this.indicators.remove(courseId, id, p);
  }

  /** One OPD's values before and after: admins whose reach holds that OPD. */
  @Roles('admin')
  @Put('indicators/:id/values')
  setValue(
    @Param('id', idParam) id: string,
    @Body() body: IndicatorValueRequest,
    @CurrentUser() p: Principal,
  ): Promise<IndicatorView> {
    return this.indicators.setValue(id, body, p);
  }

  @Roles('admin')
  @Delete('indicators/:id/values/:orgUnitId')
  removeValue(
    @Param('id', idParam) id: string,
    @Param('orgUnitId', uuidParam('id unit')) orgUnitId: string,
    @CurrentUser() p: Principal,
  ): Promise<IndicatorView> {
    return this.indicators.removeValue(id, orgUnitId, p);
  }
}
