import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  CancelLiveSessionRequest,
  type CalendarFeedUrlResponse,
  CreateLiveSessionRequest,
  type LiveSessionView,
  MyLiveSessionsQuery,
  UpdateLiveSessionRequest,
} from '@siantar/contracts';
import {
  Authenticated,
  CurrentUser,
  type Principal,
  Public,
  Roles,
  sendAttachment,
  uuidParam,
} from '@siantar/server-core';
import type { Response } from 'express';
import { CalendarService } from '../calendar/calendar.service';
import { SessionsService } from './sessions.service';

const uuid = uuidParam('id sesi');
const MANAGERS = ['trainer', 'partner', 'admin'] as const;

@ApiTags('live')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly calendar: CalendarService,
  ) {}

  @Roles(...MANAGERS)
  @Post('live-sessions')
  create(
    @Body() dto: CreateLiveSessionRequest,
    @CurrentUser() p: Principal,
  ): Promise<LiveSessionView> {
    return this.sessions.create(dto, p);
  }

  @Roles(...MANAGERS)
  @Patch('live-sessions/:id')
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateLiveSessionRequest,
    @CurrentUser() p: Principal,
  ): Promise<LiveSessionView> {
    return this.sessions.update(id, dto, p);
  }

  @Roles(...MANAGERS)
  @Post('live-sessions/:id/cancel')
  @HttpCode(200)
  cancel(
    @Param('id', uuid) id: string,
    @Body() dto: CancelLiveSessionRequest,
    @CurrentUser() p: Principal,
  ): Promise<LiveSessionView> {
    return this.sessions.cancel(id, dto, p);
  }

  @Authenticated()
  @Get('live-sessions/:id')
  get(@Param('id', uuid) id: string, @CurrentUser() p: Principal): Promise<LiveSessionView> {
    return this.sessions.get(id, p);
  }

  @Authenticated()
  @Get('live-sessions/:id/calendar.ics')
  async ics(
    @Param('id', uuid) id: string,
    @CurrentUser() p: Principal,
    @Res() res: Response,
  ): Promise<void> {
    const { filename, text } = await this.calendar.sessionIcs(id, p);
    sendAttachment(res, filename, 'text/calendar; charset=utf-8', text);
  }

  @Authenticated()
  @Get('my/live-sessions')
  mine(@Query() q: MyLiveSessionsQuery, @CurrentUser() p: Principal): Promise<LiveSessionView[]> {
    return this.sessions.mine(q, p);
  }

  @Authenticated()
  @Get('my/calendar-feed-url')
  feedUrl(@CurrentUser() p: Principal): Promise<CalendarFeedUrlResponse> {
    return this.calendar.feedUrl(p);
  }

  @Authenticated()
  @Post('my/calendar-feed-url/rotate')
  @HttpCode(200)
  rotate(@CurrentUser() p: Principal): Promise<CalendarFeedUrlResponse> {
    return this.calendar.rotate(p);
  }

  /** The per-user feed calendar apps poll; the token in the URL is the credential. */
  @Public()
  @Get('calendar/:token.ics')
  async feed(@Param('token') token: string, @Res() res: Response): Promise<void> {
    const text = await this.calendar.feed(token);
    res
      .status(200)
      .type('text/calendar; charset=utf-8')
      .set('Cache-Control', 'private, max-age=300')
      .send(text);
  }
}
