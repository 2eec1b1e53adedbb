import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CompletionChecklist } from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, uuidParam } from '@siantar/server-core';
import { CompletionService } from './completion.service';

const uuid = uuidParam();

/**
 * The learner's checklist of what completes their course. The feedback survey it may ask
 * for is answered through the evaluation domain (`/enrolments/:enrolmentId/survey`).
 */
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
}
