import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type LearnerCourseResponse,
  type LessonPlayerResponse,
  ProgressBatchRequest,
  type ProgressBatchResponse,
  ScormCommitRequest,
  type ScormStateResponse,
} from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, uuidParam } from '@siantar/server-core';
import { ProgressService } from '../progress/progress.service';
import { LearnerCourseService } from './learner-course.service';
import { PlayerService } from './player.service';
import { ScormRuntimeService } from './scorm-runtime.service';

const uuid = uuidParam();

/** The learner's own learning: each route checks that the enrolment is the caller's. */
@ApiTags('learning')
@ApiBearerAuth()
@Controller()
export class LearningController {
  constructor(
    private readonly course: LearnerCourseService,
    private readonly player: PlayerService,
    private readonly progress: ProgressService,
    private readonly scorm: ScormRuntimeService,
  ) {}

  @Authenticated()
  @Get('enrolments/:id')
  view(@Param('id', uuid) id: string, @CurrentUser() p: Principal): Promise<LearnerCourseResponse> {
    return this.course.view(id, p);
  }

  @Authenticated()
  @Get('enrolments/:id/lessons/:lessonId')
  lesson(
    @Param('id', uuid) id: string,
    @Param('lessonId', uuid) lessonId: string,
    @CurrentUser() p: Principal,
  ): Promise<LessonPlayerResponse> {
    return this.player.lesson(id, lessonId, p);
  }

  @Authenticated()
  @Post('progress/events')
  @HttpCode(200)
  events(
    @Body() body: ProgressBatchRequest,
    @CurrentUser() p: Principal,
  ): Promise<ProgressBatchResponse> {
    return this.progress.ingest(body.events, p);
  }

  @Authenticated()
  @Get('enrolments/:id/lessons/:lessonId/scorm')
  scormState(
    @Param('id', uuid) id: string,
    @Param('lessonId', uuid) lessonId: string,
    @CurrentUser() p: Principal,
  ): Promise<ScormStateResponse> {
    return this.scorm.state(id, lessonId, p);
  }

  @Authenticated()
  @Post('enrolments/:id/lessons/:lessonId/scorm/commit')
  @HttpCode(204)
  scormCommit(
    @Param('id', uuid) id: string,
    @Param('lessonId', uuid) lessonId: string,
    @Body() body: ScormCommitRequest,
    @CurrentUser() p: Principal,
  ): Promise<void> {
    return this.scorm.commit(id, lessonId, body, p);
  }
}
