import { Controller, Get, Header, Param, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CertificateVerification } from '@siantar/contracts';
import { Public } from '@siantar/server-core';
import type { Request } from 'express';
import { VerificationService } from './verification.service';

/** No sign-in: the web page `/verify/:code` (the QR code's target) calls this. */
@ApiTags('certificates')
@Controller('public/certificates')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Public()
  @Get(':code')
  @Header('Cache-Control', 'no-store')
  verify(@Param('code') code: string, @Req() req: Request): Promise<CertificateVerification> {
    return this.verification.verify(code, req.ip ?? 'unknown');
  }
}
