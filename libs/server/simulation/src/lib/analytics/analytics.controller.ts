import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { SimulationAnalytics } from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { AnalyticsService } from './analytics.service';

@ApiTags('simulation')
@ApiBearerAuth()
@Controller('authoring/courses/:courseId/lessons/:lessonId')
export class AnalyticsController {
  constructor(private readonly analytics: AnalyticsService) {}

  /** The course's authors and the admins who may review it (404 for anyone else). */
  @Roles('trainer', 'partner', 'admin')
  @Get('simulation-analytics')
  get(
    @Param('courseId', uuidParam('id kursus')) courseId: string,
    @Param('lessonId', uuidParam('id materi')) lessonId: string,
    @CurrentUser() p: Principal,
  ): Promise<SimulationAnalytics> {
    return this.analytics.analytics(courseId, lessonId, p);
  }
}
