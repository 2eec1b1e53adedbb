import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CourseSurveySettingsRequest,
  type CourseSurveySettingsView,
  EvaluationPeriodQuery,
  SessionSurveySettingsRequest,
  type SessionSurveySettingsView,
  type SurveyForm,
  type SurveyResults,
  SurveySubmitRequest,
  SurveyTemplateRequest,
  type SurveyTemplateSummary,
  type SurveyTemplateView,
  type TrainerSurveyResults,
} from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { SurveyResponsesService } from './survey-responses.service';
import { SurveyResultsService } from './survey-results.service';
import { SurveySettingsService } from './survey-settings.service';
import { TemplatesService } from './templates.service';

const AUTHORS = ['trainer', 'partner', 'admin'] as const;

/** Survey templates: admins keep them; every admin sees them all. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('admin/survey-templates')
export class SurveyTemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Roles('admin')
  @Get()
  list(): Promise<SurveyTemplateSummary[]> {
    return this.templates.list();
  }

  @Roles('admin')
  @Post()
  create(
    @Body() body: SurveyTemplateRequest,
    @CurrentUser() p: Principal,
  ): Promise<SurveyTemplateView> {
    return this.templates.create(body, p);
  }

  @Roles('admin')
  @Get(':id')
  get(
    @Param('id', uuidParam('id templat')) id: string,
    @CurrentUser() p: Principal,
  ): Promise<SurveyTemplateView> {
    return this.templates.get(id, p);
  }

  @Roles('admin')
  @Put(':id')
  update(
    @Param('id', uuidParam('id templat')) id: string,
    @Body() body: SurveyTemplateRequest,
    @CurrentUser() p: Principal,
  ): Promise<SurveyTemplateView> {
    return this.templates.update(id, body, p);
  }
}

/** A course's and a session's survey settings: those who author or run them (404 otherwise). */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('authoring')
export class SurveySettingsController {
  constructor(private readonly settings: SurveySettingsService) {}

  @Roles(...AUTHORS)
  @Get('courses/:courseId/survey')
  course(
    @Param('courseId', uuidParam('id kursus')) courseId: string,
    @CurrentUser() p: Principal,
  ): Promise<CourseSurveySettingsView> {
    return this.settings.course(courseId, p);
  }

  @Roles(...AUTHORS)
  @Put('courses/:courseId/survey')
  updateCourse(
    @Param('courseId', uuidParam('id kursus')) courseId: string,
    @Body() body: CourseSurveySettingsRequest,
    @CurrentUser() p: Principal,
  ): Promise<CourseSurveySettingsView> {
    return this.settings.updateCourse(courseId, body, p);
  }

  @Roles(...AUTHORS)
  @Get('live-sessions/:sessionId/survey')
  session(
    @Param('sessionId', uuidParam('id sesi')) sessionId: string,
    @CurrentUser() p: Principal,
  ): Promise<SessionSurveySettingsView> {
    return this.settings.session(sessionId, p);
  }

  @Roles(...AUTHORS)
  @Put('live-sessions/:sessionId/survey')
  updateSession(
    @Param('sessionId', uuidParam('id sesi')) sessionId: string,
    @Body() body: SessionSurveySettingsRequest,
    @CurrentUser() p: Principal,
  ): Promise<SessionSurveySettingsView> {
    return this.settings.updateSession(sessionId, body, p);
  }
}

/** The respondent's form: the learner's own enrolment, a session's attendees. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller()
export class SurveyResponsesController {
  constructor(private readonly responses: SurveyResponsesService) {}

  @Authenticated()
  @Get('enrolments/:enrolmentId/survey')
  courseForm(
    @Param('enrolmentId', uuidParam('id pendaftaran')) enrolmentId: string,
    @CurrentUser() p: Principal,
  ): Promise<SurveyForm> {
    return this.responses.courseForm(enrolmentId, p);
  }

  @Authenticated()
  @Post('enrolments/:enrolmentId/survey')
  @HttpCode(201)
  submitCourse(
    @Param('enrolmentId', uuidParam('id pendaftaran')) enrolmentId: string,
    @Body() body: SurveySubmitRequest,
    @CurrentUser() p: Principal,
  ): Promise<SurveyForm> {
    return this.responses.submitCourse(enrolmentId, body, p);
  }

  @Authenticated()
  @Get('live-sessions/:sessionId/survey')
  sessionForm(
    @Param('sessionId', uuidParam('id sesi')) sessionId: string,
    @CurrentUser() p: Principal,
  ): Promise<SurveyForm> {
    return this.responses.sessionForm(sessionId, p);
  }

  @Authenticated()
  @Post('live-sessions/:sessionId/survey')
  @HttpCode(201)
  submitSession(
    @Param('sessionId', uuidParam('id sesi')) sessionId: string,
    @Body() body: SurveySubmitRequest,
    @CurrentUser() p: Principal,
  ): Promise<SurveyForm> {
    return this.responses.submitSession(sessionId, body, p);
  }
}

/** Survey results: aggregates for trainers, individual responses for admins where allowed. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluation')
export class SurveyResultsController {
  constructor(private readonly results: SurveyResultsService) {}

  @Roles(...AUTHORS)
  @Get('courses/:courseId/survey-results')
  course(
    @Param('courseId', uuidParam('id kursus')) courseId: string,
    @Query() q: EvaluationPeriodQuery,
    @CurrentUser() p: Principal,
  ): Promise<SurveyResults> {
    return this.results.course(courseId, q, p);
  }

  @Roles(...AUTHORS)
  @Get('live-sessions/:sessionId/survey-results')
  session(
    @Param('sessionId', uuidParam('id sesi')) sessionId: string,
    @Query() q: EvaluationPeriodQuery,
    @CurrentUser() p: Principal,
  ): Promise<SurveyResults> {
    return this.results.session(sessionId, q, p);
  }

  @Roles(...AUTHORS)
  @Get('trainers/:userId/survey-results')
  trainer(
    @Param('userId', uuidParam('id pengajar')) userId: string,
    @Query() q: EvaluationPeriodQuery,
    @CurrentUser() p: Principal,
  ): Promise<TrainerSurveyResults> {
    return this.results.trainer(userId, q, p);
  }
}
