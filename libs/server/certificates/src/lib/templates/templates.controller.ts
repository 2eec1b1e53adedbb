import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CertificateTemplateRequest, type CertificateTemplateView } from '@siantar/contracts';
import { CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import { TemplatesService } from './templates.service';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('admin/certificate-templates')
export class TemplatesController {
  constructor(private readonly templates: TemplatesService) {}

  @Roles('admin')
  @Get(':orgUnitId')
  get(
    @Param('orgUnitId', uuidParam('orgUnitId')) orgUnitId: string,
    @CurrentUser() p: Principal,
  ): Promise<CertificateTemplateView> {
    return this.templates.get(p, orgUnitId);
  }

  @Roles('admin')
  @Put(':orgUnitId')
  put(
    @Param('orgUnitId', uuidParam('orgUnitId')) orgUnitId: string,
    @Body() body: CertificateTemplateRequest,
    @CurrentUser() p: Principal,
  ): Promise<CertificateTemplateView> {
    return this.templates.put(p, orgUnitId, body);
  }

  @Roles('admin')
  @Delete(':orgUnitId')
  remove(
    @Param('orgUnitId', uuidParam('orgUnitId')) orgUnitId: string,
    @CurrentUser() p: Principal,
  ): Promise<CertificateTemplateView> {
    return this.templates.remove(p, orgUnitId);
  }
}
