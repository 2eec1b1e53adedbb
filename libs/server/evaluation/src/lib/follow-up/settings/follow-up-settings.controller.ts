import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type FollowUpFigures,
  FollowUpSettingsRequest,
  type FollowUpSettingsResponse,
} from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { courseForAuthoring } from '@siantar/server-catalog';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { FollowUpFiguresService } from '../figures/follow-up-figures.service';
import { FollowUpSettingsService } from './follow-up-settings.service';

const uuid = uuidParam('courseId');

/** A course's follow-up days and its L3 figures: its authors and the admins who review it (404 for others). */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('authoring/courses/:courseId')
export class FollowUpSettingsController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly settings: FollowUpSettingsService,
    private readonly figures: FollowUpFiguresService,
  ) {}

  @Roles('trainer', 'partner', 'admin')
  @Get('follow-up-settings')
  get(
    @Param('courseId', uuid) courseId: string,
    @CurrentUser() p: Principal,
  ): Promise<FollowUpSettingsResponse> {
    return this.settings.get(courseId, p);
  }

  @Roles('trainer', 'partner', 'admin')
  @Put('follow-up-settings')
  put(
    @Param('courseId', uuid) courseId: string,
    @Body() dto: FollowUpSettingsRequest,
    @CurrentUser() p: Principal,
  ): Promise<FollowUpSettingsResponse> {
    return this.settings.put(courseId, dto, p);
  }

  @Roles('trainer', 'partner', 'admin')
  @Get('follow-up-figures')
  async l3(
    @Param('courseId', uuid) courseId: string,
    @CurrentUser() p: Principal,
  ): Promise<FollowUpFigures> {
    await courseForAuthoring(this.db.manager, courseId, p);
    return this.figures.forCourse(courseId);
  }
}
