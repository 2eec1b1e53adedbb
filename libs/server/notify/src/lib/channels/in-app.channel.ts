import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationView } from '@siantar/contracts';
import { UserEventsPublisher } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { ChannelAdapter, type Delivery, type DeliveryOutcome } from './channel-adapter';

/** The bell: a row in the user's inbox (once per key), pushed live to their open tabs. */
@Injectable()
export class InAppChannel extends ChannelAdapter {
  readonly channel = 'in-app' as const;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly events: UserEventsPublisher,
  ) {
    super();
  }

  async deliver(d: Delivery): Promise<DeliveryOutcome> {
    const body = d.content.paragraphs.join(' ');
    const rows: { id: string; created_at: Date }[] = await this.db.query(
      `INSERT INTO notification (key, user_id, category, title, body, link)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (key) DO NOTHING RETURNING id, created_at`,
      [d.key, d.to.id, d.category, d.content.title.slice(0, 300), body, d.content.link],
    );
    if (!rows[0]) return { status: 'skipped', detail: 'sudah ada di kotak masuk' };
    const view: NotificationView = {
      id: rows[0].id,
      category: d.category,
      title: d.content.title,
      body,
      link: d.content.link,
      createdAt: rows[0].created_at.toISOString(),
      readAt: null,
    };
    await this.events.publish(d.to.id, 'notification', view);
    return { status: 'sent' };
  }
}
