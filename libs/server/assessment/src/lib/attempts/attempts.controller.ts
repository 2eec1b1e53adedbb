import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type AttemptView,
  type GradingItemDetail,
  type GradingQueueItem,
  GradingQueueQuery,
  ManualGradeRequest,
  type Page,
  SaveAnswerRequest,
  type SaveAnswerResponse,
} from '@siantar/contracts';
import {
  AppError,
  Authenticated,
  CurrentUser,
  type Principal,
  Roles,
  uuidParam,
} from '@siantar/server-core';
import { ManualGradingService } from '../marking/manual-grading.service';
import { AttemptsService } from './attempts.service';

const uuid = uuidParam();
const AUTHORS = ['trainer', 'admin', 'partner'] as const;
const slotParam = new ParseIntPipe({
  exceptionFactory: () =>
    new AppError(400, 'attempts.invalid-slot', 'Nomor soal harus bilangan bulat (1, 2, 3, …).'),
});

@ApiTags('assessment')
@ApiBearerAuth()
@Controller()
export class AttemptsController {
  constructor(
    private readonly attempts: AttemptsService,
    private readonly grading: ManualGradingService,
  ) {}

  /** The learner who owns it, or the course's authors; the service answers 404 to anyone else. */
  @Authenticated()
  @Get('attempts/:attemptId')
  view(@Param('attemptId', uuid) id: string, @CurrentUser() p: Principal): Promise<AttemptView> {
    return this.attempts.view(id, p);
  }

  @Authenticated()
  @Put('attempts/:attemptId/answers/:slot')
  save(
    @Param('attemptId', uuid) id: string,
    @Param('slot', slotParam) slot: number,
    @Body() dto: SaveAnswerRequest,
    @CurrentUser() p: Principal,
  ): Promise<SaveAnswerResponse> {
    return this.attempts.saveAnswer(id, slot, dto, p);
  }

  @Authenticated()
  @Post('attempts/:attemptId/submit')
  @HttpCode(200)
  submit(@Param('attemptId', uuid) id: string, @CurrentUser() p: Principal): Promise<AttemptView> {
    return this.attempts.submit(id, p);
  }

  @Roles(...AUTHORS)
  @Get('grading-queue')
  queue(
    @Query() query: GradingQueueQuery,
    @CurrentUser() p: Principal,
  ): Promise<Page<GradingQueueItem>> {
    return this.grading.queue(query, p);
  }

  @Roles(...AUTHORS)
  @Get('attempts/:attemptId/slots/:slot/grading')
  gradingItem(
    @Param('attemptId', uuid) id: string,
    @Param('slot', slotParam) slot: number,
    @CurrentUser() p: Principal,
  ): Promise<GradingItemDetail> {
    return this.grading.detail(id, slot, p);
  }

  @Roles(...AUTHORS)
  @Put('attempts/:attemptId/slots/:slot/grade')
  grade(
    @Param('attemptId', uuid) id: string,
    @Param('slot', slotParam) slot: number,
    @Body() dto: ManualGradeRequest,
    @CurrentUser() p: Principal,
  ): Promise<GradingItemDetail> {
    return this.grading.grade(id, slot, dto, p);
  }
}
