import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ActionPlanRequest, type ActionPlanResponse } from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, uuidParam } from '@siantar/server-core';
import { ActionPlanService } from './action-plan.service';

const uuid = uuidParam('enrolmentId');

/** The learner's own follow-up action plan (RTL); someone else's enrolment answers 404. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('enrolments/:enrolmentId/action-plan')
export class ActionPlanController {
  constructor(private readonly plans: ActionPlanService) {}

  @Authenticated()
  @Get()
  get(
    @Param('enrolmentId', uuid) enrolmentId: string,
    @CurrentUser() p: Principal,
  ): Promise<ActionPlanResponse> {
    return this.plans.get(enrolmentId, p);
  }

  @Authenticated()
  @Put()
  put(
    @Param('enrolmentId', uuid) enrolmentId: string,
    @Body() dto: ActionPlanRequest,
    @CurrentUser() p: Principal,
  ): Promise<ActionPlanResponse> {
    return this.plans.put(enrolmentId, dto, p);
  }
}
