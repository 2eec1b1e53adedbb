import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type AttemptView,
  CreateQuizRequest,
  QuizListQuery,
  type QuizLearnerOverview,
  type QuizReport,
  QuizSettingsRequest,
  type QuizView,
  RegradeRequest,
} from '@siantar/contracts';
import {
  Authenticated,
  CurrentUser,
  type Principal,
  Roles,
  sendAttachment,
  uuidParam,
} from '@siantar/server-core';
import type { Response } from 'express';
import { AttemptsService } from '../attempts/attempts.service';
import { RegradeService } from '../marking/regrade.service';
import { QuizReportService } from '../reports/quiz-report.service';
import { QuizzesService } from './quizzes.service';

const uuid = uuidParam();
const AUTHORS = ['trainer', 'admin', 'partner'] as const;

@ApiTags('assessment')
@ApiBearerAuth()
@Controller('quizzes')
export class QuizzesController {
  constructor(
    private readonly quizzes: QuizzesService,
    private readonly attempts: AttemptsService,
    private readonly regrades: RegradeService,
    private readonly reports: QuizReportService,
  ) {}

  @Roles(...AUTHORS)
  @Post()
  create(@Body() dto: CreateQuizRequest, @CurrentUser() p: Principal): Promise<QuizView> {
    return this.quizzes.create(dto, p);
  }

  @Roles(...AUTHORS)
  @Get()
  list(@Query() query: QuizListQuery, @CurrentUser() p: Principal): Promise<QuizView[]> {
    return this.quizzes.list(query.courseId, p);
  }

  @Roles(...AUTHORS)
  @Get(':quizId')
  get(@Param('quizId', uuid) id: string, @CurrentUser() p: Principal): Promise<QuizView> {
    return this.quizzes.get(id, p);
  }

  @Roles(...AUTHORS)
  @Put(':quizId')
  update(
    @Param('quizId', uuid) id: string,
    @Body() dto: QuizSettingsRequest,
    @CurrentUser() p: Principal,
  ): Promise<QuizView> {
    return this.quizzes.update(id, dto, p);
  }

  /** Any signed-in user; the service answers 404 unless they are enrolled in the quiz's course. */
  @Authenticated()
  @Get(':quizId/me')
  mine(
    @Param('quizId', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<QuizLearnerOverview> {
    return this.attempts.overview(id, p);
  }

  @Authenticated()
  @Post(':quizId/attempts')
  start(@Param('quizId', uuid) id: string, @CurrentUser() p: Principal): Promise<AttemptView> {
    return this.attempts.start(id, p);
  }

  @Roles(...AUTHORS)
  @Post(':quizId/regrade')
  @HttpCode(202)
  regrade(
    @Param('quizId', uuid) id: string,
    @Body() dto: RegradeRequest,
    @CurrentUser() p: Principal,
  ): Promise<{ enqueued: number; regradeId: string }> {
    return this.regrades.request(id, dto, p);
  }

  @Roles(...AUTHORS)
  @Get(':quizId/report')
  report(@Param('quizId', uuid) id: string, @CurrentUser() p: Principal): Promise<QuizReport> {
    return this.reports.report(id, p);
  }

  @Roles(...AUTHORS)
  @Get(':quizId/report.csv')
  async csv(
    @Param('quizId', uuid) id: string,
    @CurrentUser() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, text } = await this.reports.csv(id, p);
    sendAttachment(res, filename, 'text/csv; charset=utf-8', text);
  }
}
