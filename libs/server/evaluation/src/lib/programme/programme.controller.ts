import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { EvaluationPeriodQuery, type ProgrammeEvaluation } from '@siantar/contracts';
import {
  contentDisposition,
  CurrentUser,
  type Principal,
  Roles,
  uuidParam,
} from '@siantar/server-core';
import type { Response } from 'express';
import { ProgrammeService } from './programme.service';

/** The programme evaluation page (L1–L4) and its printable report: admins who review the course. */
@ApiTags('evaluation')
@ApiBearerAuth()
@Controller('evaluation/courses/:courseId')
export class ProgrammeController {
  constructor(private readonly programme: ProgrammeService) {}

  @Roles('admin')
  @Get()
  page(
    @Param('courseId', uuidParam('id kursus')) courseId: string,
    @Query() q: EvaluationPeriodQuery,
    @CurrentUser() p: Principal,
  ): Promise<ProgrammeEvaluation> {
    return this.programme.page(courseId, q, p);
  }

  @Roles('admin')
  @Get('report.pdf')
  @ApiProduces('application/pdf')
  async report(
    @Param('courseId', uuidParam('id kursus')) courseId: string,
    @Query() q: EvaluationPeriodQuery,
    @CurrentUser() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, pdf } = await this.programme.report(courseId, q, p);
    res
      .status(200)
      .type('application/pdf')
      .set('Content-Disposition', contentDisposition('inline', filename))
      .set('Cache-Control', 'no-store')
      .send(pdf);
  }
}
