import { createHash, createHmac, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CalendarFeedUrlResponse } from '@siantar/contracts';
import { EnvSchema, notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { buildCalendar } from '../ical/ical';
import { sessionEvent, sessionIcs } from './session-event';
import { MAY_JOIN } from '../sessions/session-access';
import { SESSION_SELECT, type SessionRow } from '../sessions/session-row';
import { SessionsService } from '../sessions/sessions.service';

/** How far back the feed goes: recent sessions stay in people's calendars. */
export const FEED_PAST_DAYS = 30;

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * iCalendar for live sessions: one session as a file, and a per-user feed that
 * calendar apps poll. The feed URL carries a token derived from the server secret
 * and a random per-user nonce (HMAC-SHA256, 256 bits); only its sha256 is stored, so
 * the database alone does not reveal any feed. Rotating picks a new nonce: the old
 * URL answers 404 from then on.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: EnvSchema,
    private readonly sessions: SessionsService,
  ) {}

  async sessionIcs(id: string, p: Principal): Promise<{ filename: string; text: string }> {
    const row = await this.sessions.visible(this.db.manager, id, p);
    return {
      filename: `sesi-${row.id.slice(0, 8)}.ics`,
      text: sessionIcs(row, this.config.PUBLIC_URL),
    };
  }

  async feedUrl(p: Principal): Promise<CalendarFeedUrlResponse> {
    const nonce = randomBytes(16).toString('hex');
    await this.db.query(
      `INSERT INTO calendar_feed_token (user_id, nonce, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO NOTHING`,
      [p.id, nonce, sha256(this.token(p.id, nonce))],
    );
    const [row]: { nonce: string }[] = await this.db.query(
      `SELECT nonce FROM calendar_feed_token WHERE user_id = $1`,
      [p.id],
    );
    return { url: this.url(this.token(p.id, row.nonce)) };
  }

  async rotate(p: Principal): Promise<CalendarFeedUrlResponse> {
    const nonce = randomBytes(16).toString('hex');
    const token = this.token(p.id, nonce);
    await this.db.query(
      `INSERT INTO calendar_feed_token (user_id, nonce, token_hash) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET nonce = $2, token_hash = $3, created_at = now()`,
      [p.id, nonce, sha256(token)],
    );
    return { url: this.url(token) };
  }

  /** The feed of the token's owner: sessions of the last 30 days and the future, cancelled ones included. */
  async feed(token: string): Promise<string> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw notFound('Kalender');
    const owner: { user_id: string }[] = await this.db.query(
      `SELECT f.user_id FROM calendar_feed_token f JOIN app_user u ON u.id = f.user_id
        WHERE f.token_hash = $1 AND u.active`,
      [sha256(token)],
    );
    if (!owner[0]) throw notFound('Kalender');
    const rows: SessionRow[] = await this.db.query(
      `${SESSION_SELECT}
        WHERE s.ends_at > now() - make_interval(days => $2) AND ${MAY_JOIN}
        ORDER BY s.starts_at, s.id`,
      [owner[0].user_id, FEED_PAST_DAYS],
    );
    return buildCalendar({
      name: 'Sesi Langsung Siantar Belajar',
      events: rows.map((r) => sessionEvent(r, this.config.PUBLIC_URL)),
    });
  }

  private token(userId: string, nonce: string): string {
    const key = createHmac('sha256', this.config.JWT_SECRET)
      .update('siantar-belajar:calendar-feed')
      .digest();
    return createHmac('sha256', key).update(`${userId}:${nonce}`).digest('base64url');
  }

  private url(token: string): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/api/v1/calendar/${token}.ics`;
  }
}
