import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { LiveAttendanceReport, LiveMediaTokenResponse } from '@siantar/contracts';
import {
  Authenticated,
  CurrentUser,
  type Principal,
  sendAttachment,
  uuidParam,
} from '@siantar/server-core';
import type { Response } from 'express';
import { MediaTokenService } from '../media/media-token.service';
import { AttendanceService } from './attendance.service';

const uuid = uuidParam('id sesi');

@ApiTags('live')
@ApiBearerAuth()
@Controller('live-sessions/:id')
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly media: MediaTokenService,
  ) {}

  /** Live while the session runs (from presence), frozen once the end-of-session job ran. */
  @Authenticated()
  @Get('attendance')
  report(
    @Param('id', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<LiveAttendanceReport> {
    return this.attendance.report(id, p);
  }

  @Authenticated()
  @Get('attendance.csv')
  async csv(
    @Param('id', uuid) id: string,
    @CurrentUser() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, text } = await this.attendance.csv(id, p);
    sendAttachment(res, filename, 'text/csv; charset=utf-8', text);
  }

  @Authenticated()
  @Get('media-token')
  mediaToken(
    @Param('id', uuid) id: string,
    @CurrentUser() p: Principal,
  ): Promise<LiveMediaTokenResponse> {
    return this.media.issue(id, p);
  }
}
