import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  NudgeRequest,
  type NudgeResponse,
  type PersonReport,
  type TeamMemberRow,
  type TeamResponse,
  YearQuery,
} from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { TeamService } from './team.service';

@ApiTags('team')
@ApiBearerAuth()
@Controller('team')
export class TeamController {
  constructor(private readonly team: TeamService) {}

  @Roles('supervisor')
  @Get()
  list(@Query() q: YearQuery, @CurrentUser() p: Principal): Promise<TeamResponse> {
    return this.team.team(p, q.year);
  }

  @Roles('supervisor')
  @Get(':userId')
  member(
    @Param('userId', uuidParam('userId')) userId: string,
    @Query() q: YearQuery,
    @CurrentUser() p: Principal,
  ): Promise<PersonReport<TeamMemberRow>> {
    return this.team.member(p, userId, q.year);
  }

  @Roles('supervisor')
  @Post(':userId/nudge')
  @HttpCode(202)
  nudge(
    @Param('userId', uuidParam('userId')) userId: string,
    @Body() body: NudgeRequest,
    @CurrentUser() p: Principal,
  ): Promise<NudgeResponse> {
    return this.team.nudge(p, userId, body);
  }
}
