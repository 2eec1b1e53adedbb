import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  SimulationActionRequest,
  type SimulationActionResponse,
  type SimulationLessonView,
  type SimulationRunView,
} from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, uuidParam } from '@siantar/server-core';
import { RunsService } from './runs.service';

@ApiTags('simulation')
@ApiBearerAuth()
@Controller()
export class RunsController {
  constructor(private readonly runs: RunsService) {}

  @Authenticated()
  @Get('enrolments/:enrolmentId/lessons/:lessonId/simulation')
  lesson(
    @Param('enrolmentId', uuidParam('id pendaftaran')) enrolmentId: string,
    @Param('lessonId', uuidParam('id materi')) lessonId: string,
    @CurrentUser() p: Principal,
  ): Promise<SimulationLessonView> {
    return this.runs.lesson(enrolmentId, lessonId, p);
  }

  @Authenticated()
  @Post('enrolments/:enrolmentId/lessons/:lessonId/simulation-runs')
  start(
    @Param('enrolmentId', uuidParam('id pendaftaran')) enrolmentId: string,
    @Param('lessonId', uuidParam('id materi')) lessonId: string,
    @CurrentUser() p: Principal,
  ): Promise<SimulationRunView> {
    return this.runs.start(enrolmentId, lessonId, p);
  }

  @Authenticated()
  @Get('simulation-runs/:runId')
  get(
    @Param('runId', uuidParam('id permainan')) runId: string,
    @CurrentUser() p: Principal,
  ): Promise<SimulationRunView> {
    return this.runs.get(runId, p);
  }

  /** 200 with the outcome; a retry of the same seq gets the same answer. */
  @Authenticated()
  @Post('simulation-runs/:runId/actions')
  @HttpCode(200)
  act(
    @Param('runId', uuidParam('id permainan')) runId: string,
    @Body() dto: SimulationActionRequest,
    @CurrentUser() p: Principal,
  ): Promise<SimulationActionResponse> {
    return this.runs.act(runId, dto, p);
  }
}
