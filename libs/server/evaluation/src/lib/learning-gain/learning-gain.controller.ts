import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LearningGainResult } from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { LearningGainService } from './learning-gain.service';

@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluation/courses/:courseId')
export class LearningGainController {
  constructor(private readonly gain: LearningGainService) {}

  /** The course's authors and the admins who review it. */
  @Roles('trainer', 'partner', 'admin')
  @Get('learning-gain')
  get(
    @Param('courseId', uuidParam('id kursus')) courseId: string,
    @CurrentUser() p: Principal,
  ): Promise<LearningGainResult> {
    return this.gain.forCourse(courseId, p);
  }
}
