import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  AdminCertificatesQuery,
  type CertificatePage,
  type CertificateView,
  IssueCertificateRequest,
  RevokeCertificateRequest,
} from '@siantar/contracts';
import { Authenticated, CurrentUser, type Principal, Roles, uuidParam } from '@siantar/server-core';
import type { Response } from 'express';
import { CertificatesService } from './certificates.service';

@ApiTags('certificates')
@ApiBearerAuth()
@Controller()
export class CertificatesController {
  constructor(private readonly certificates: CertificatesService) {}

  @Authenticated()
  @Get('my/certificates')
  mine(@CurrentUser() p: Principal): Promise<CertificateView[]> {
    return this.certificates.mine(p);
  }

  @Roles('admin')
  @Get('admin/certificates')
  list(@Query() q: AdminCertificatesQuery, @CurrentUser() p: Principal): Promise<CertificatePage> {
    return this.certificates.list(p, q);
  }

  @Roles('admin')
  @Post('admin/certificates')
  @HttpCode(200)
  issue(
    @Body() body: IssueCertificateRequest,
    @CurrentUser() p: Principal,
  ): Promise<CertificateView> {
    return this.certificates.issue(p, body);
  }

  @Authenticated()
  @Get('certificates/:id')
  get(@Param('id', uuidParam()) id: string, @CurrentUser() p: Principal): Promise<CertificateView> {
    return this.certificates.get(p, id);
  }

  @Authenticated()
  @Get('certificates/:id/pdf')
  pdf(
    @Param('id', uuidParam()) id: string,
    @CurrentUser() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    return this.certificates.sendPdf(p, id, res);
  }

  @Roles('admin')
  @Post('certificates/:id/revoke')
  @HttpCode(200)
  revoke(
    @Param('id', uuidParam()) id: string,
    @Body() body: RevokeCertificateRequest,
    @CurrentUser() p: Principal,
  ): Promise<CertificateView> {
    return this.certificates.revoke(p, id, body.reason);
  }

  @Roles('admin')
  @Post('certificates/:id/reissue')
  @HttpCode(200)
  reissue(
    @Param('id', uuidParam()) id: string,
    @CurrentUser() p: Principal,
  ): Promise<CertificateView> {
    return this.certificates.reissue(p, id);
  }
}
