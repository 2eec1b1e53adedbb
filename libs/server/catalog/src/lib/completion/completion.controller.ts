import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type CompletionChecklist, FeedbackSurveyRequest } from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, uuidParam } from '@siantar/server-core';
import { CompletionService } from './completion.service';

const uuid = uuidParam();

/** The learner's checklist of what completes their course, and the feedback survey. */
@ApiTags('learning')
@ApiBearerAuth()
@Controller()
export class CompletionController {
  constructor(private readonly completion: CompletionService) {}

  @Authenticated()
  @Get('enrolments/:id/completion')
  checklist(
    @Param('id', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<CompletionChecklist> {
    return this.completion.checklistFor(id, p);
  }

  @Authenticated()
  @Post('enrolments/:id/feedback')
  @HttpCode(201)
  feedback(
    @Param('id', uuid) id: string,
    @Body() body: FeedbackSurveyRequest,
    @CurrentUser() p: Principal,
  ): Promise<CompletionChecklist> {
    return this.completion.submitFeedback(id, body, p);
  }
}
