import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type LearningHoursResponse, SiasnExportQuery, YearQuery } from '@siantar/contracts';
import {
  Authenticated,
  contentDisposition,
  CurrentUser,
  type Principal,
  uuidParam,
} from '@siantar/server-core';
import type { Response } from 'express';
import { SiasnExportService } from '../export/siasn-export.service';
import { LearningHoursService } from './learning-hours.service';

const userIdParam = uuidParam('userId');

/**
 * A person's learning hours. `users/:userId/...` is open to the person, their
 * direct supervisor and admins whose reach covers them; anyone else gets 404.
 */
@ApiTags('ledger')
@ApiBearerAuth()
@Controller()
export class LearningHoursController {
  constructor(
    private readonly hours: LearningHoursService,
    private readonly siasn: SiasnExportService,
  ) {}

  @Authenticated()
  @Get('me/learning-hours')
  mine(@Query() q: YearQuery, @CurrentUser() p: Principal): Promise<LearningHoursResponse> {
    return this.hours.forSelf(p, q.year);
  }

  @Authenticated()
  @Get('users/:userId/learning-hours')
  ofPerson(
    @Param('userId', userIdParam) userId: string,
    @Query() q: YearQuery,
    @CurrentUser() p: Principal,
  ): Promise<LearningHoursResponse> {
    return this.hours.forPerson(userId, p, q.year);
  }

  @Authenticated()
  @Get('users/:userId/learning-hours/siasn')
  async siasnExport(
    @Param('userId', userIdParam) userId: string,
    @Query() q: SiasnExportQuery,
    @CurrentUser() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const file = await this.siasn.export(userId, p, q.format, q.year);
    res
      .status(200)
      .type(file.contentType)
      .set('Content-Disposition', contentDisposition('attachment', file.filename))
      .set('Cache-Control', 'no-store')
      .send(file.body);
  }
}
