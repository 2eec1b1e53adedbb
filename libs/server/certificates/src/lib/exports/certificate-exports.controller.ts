import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CertificateExportRequest, type CertificateExportView } from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { CertificateExportsService } from './certificate-exports.service';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('admin/certificate-exports')
export class CertificateExportsController {
  constructor(private readonly exports: CertificateExportsService) {}

  @Roles('admin')
  @Post()
  @HttpCode(202)
  request(
    @Body() body: CertificateExportRequest,
    @CurrentUser() p: Principal,
  ): Promise<CertificateExportView> {
    return this.exports.request(p, body);
  }

  @Roles('admin')
  @Get(':id')
  get(
    @Param('id', uuidParam()) id: string,
    @CurrentUser() p: Principal,
  ): Promise<CertificateExportView> {
    return this.exports.get(p, id);
  }
}
