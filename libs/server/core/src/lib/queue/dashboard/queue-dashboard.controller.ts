import { Controller, HttpCode, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentUser, Roles } from '../../auth/access-rules';
import { isCityWideAdmin, type Principal } from '../../auth/principal';
import { EnvSchema } from '../../config/env.schema';
import { forbidden } from '../../http/app-error';
import { OPS_COOKIE, OPS_TICKET_SECONDS, opsTicket } from './ops-ticket';
import { QUEUE_DASHBOARD_PATH } from './queue-dashboard';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/queue-dashboard')
export class QueueDashboardController {
  constructor(private readonly config: EnvSchema) {}

  /** Opens the queue dashboard for 15 minutes in this browser (a cookie for its path only). */
  @Roles('admin')
  @Post()
  @HttpCode(200)
  open(@CurrentUser() p: Principal, @Res({ passthrough: true }) res: Response): { url: string } {
    if (!isCityWideAdmin(p))
      throw forbidden('Dasbor antrean hanya untuk admin tingkat kota (BKPSDM).');
    res.cookie(OPS_COOKIE, opsTicket(this.config.JWT_SECRET, p.id), {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.PUBLIC_URL.startsWith('https://'),
      path: QUEUE_DASHBOARD_PATH,
      maxAge: OPS_TICKET_SECONDS * 1000,
    });
    return { url: `${QUEUE_DASHBOARD_PATH}/` };
  }
}
