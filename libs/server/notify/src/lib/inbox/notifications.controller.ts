import { Body, Controller, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  type NotificationListResponse,
  NotificationListQuery,
  type NotificationPreferencesView,
  UnsubscribeQuery,
  UpdateNotificationPreferencesRequest,
} from '@siantar/contracts';
import {
  Authenticated,
  CurrentUser,
  EnvSchema,
  type Principal,
  Public,
  uuidParam,
} from '@siantar/server-core';
import type { Response } from 'express';
import { PreferencesService } from '../preferences/preferences.service';
import { unsubscribeTokenValid } from '../preferences/unsubscribe-token';
import { InboxService } from './inbox.service';

const page = (title: string, text: string) =>
  `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>${title}</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>${title}</h1><p>${text}</p><p><a href="/profil">Atur notifikasi di Siantar Belajar</a></p></body></html>`;

@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly preferences: PreferencesService,
    private readonly config: EnvSchema,
  ) {}

  @Authenticated()
  @Get('my/notifications')
  list(
    @Query() q: NotificationListQuery,
    @CurrentUser() p: Principal,
  ): Promise<NotificationListResponse> {
    return this.inbox.list(p.id, q.before);
  }

  @Authenticated()
  @Post('my/notifications/:id/read')
  @HttpCode(204)
  read(@Param('id', uuidParam('id notifikasi')) id: string, @CurrentUser() p: Principal) {
    return this.inbox.markRead(p.id, id);
  }

  @Authenticated()
  @Post('my/notifications/read-all')
  @HttpCode(204)
  readAll(@CurrentUser() p: Principal) {
    return this.inbox.markAllRead(p.id);
  }

  @Authenticated()
  @Get('my/notification-preferences')
  myPreferences(@CurrentUser() p: Principal): Promise<NotificationPreferencesView> {
    return this.preferences.view(p.id);
  }

  @Authenticated()
  @Put('my/notification-preferences')
  setPreferences(
    @Body() dto: UpdateNotificationPreferencesRequest,
    @CurrentUser() p: Principal,
  ): Promise<NotificationPreferencesView> {
    return this.preferences.update(p.id, dto);
  }

  /** The link in the emails: no sign-in, the token is for this user and category only. */
  @Public()
  @Get('unsubscribe')
  async unsubscribe(@Query() q: UnsubscribeQuery, @Res() res: Response): Promise<void> {
    if (!unsubscribeTokenValid(this.config.JWT_SECRET, q.u, q.c, q.t)) {
      res
        .status(400)
        .type('html')
        .send(page('Tautan tidak valid', 'Tautan berhenti berlangganan ini tidak berlaku.'));
      return;
    }
    await this.preferences.unsubscribe(q.u, q.c);
    res
      .status(200)
      .type('html')
      .send(
        page(
          'Berhenti berlangganan',
          'Anda tidak akan lagi menerima email jenis ini. Notifikasi di aplikasi tetap ada.',
        ),
      );
  }
}
