import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { type ExportJobView, ExportRequest } from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { ExportsService } from './exports.service';

@ApiTags('reports')
@ApiBearerAuth()
@Controller('reports/exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Roles('admin')
  @Post()
  @HttpCode(202)
  request(@Body() body: ExportRequest, @CurrentUser() p: Principal): Promise<ExportJobView> {
    return this.exports.request(p, body);
  }

  @Roles('admin')
  @Get()
  latest(@CurrentUser() p: Principal): Promise<ExportJobView[]> {
    return this.exports.latest(p);
  }

  @Roles('admin')
  @Get(':id')
  get(@Param('id', uuidParam()) id: string, @CurrentUser() p: Principal): Promise<ExportJobView> {
    return this.exports.get(p, id);
  }
}
