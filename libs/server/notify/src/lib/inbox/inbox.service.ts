import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  NotificationListResponse,
  NotificationView,
  NotifyCategory,
} from '@siantar/contracts';
import { notFound } from '@siantar/server-core';
import type { DataSource } from 'typeorm';

const PAGE = 20;

interface Row {
  id: string;
  category: NotifyCategory;
  title: string;
  body: string;
  link: string | null;
  created_at: Date;
  read_at: Date | null;
}

const view = (r: Row): NotificationView => ({
  id: r.id,
  category: r.category,
  title: r.title,
  body: r.body,
  link: r.link,
  createdAt: r.created_at.toISOString(),
  readAt: r.read_at?.toISOString() ?? null,
});

/** The in-app notification centre: newest first, unread count, marking read. */
@Injectable()
export class InboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(userId: string, before: string | undefined): Promise<NotificationListResponse> {
    const rows: Row[] = await this.db.query(
      `SELECT id, category, title, body, link, created_at, read_at FROM notification
        WHERE user_id = $1
          AND ($2::uuid IS NULL OR (created_at, id) <
               (SELECT created_at, id FROM notification WHERE id = $2 AND user_id = $1))
        ORDER BY created_at DESC, id DESC LIMIT $3`,
      [userId, before ?? null, PAGE + 1],
    );
    const [{ unread }]: { unread: number }[] = await this.db.query(
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    const items = rows.slice(0, PAGE).map(view);
    return { items, unread, nextBefore: rows.length > PAGE ? (items.at(-1)?.id ?? null) : null };
  }

  async markRead(userId: string, id: string): Promise<void> {
    const [rows] = (await this.db.query(
      `UPDATE notification SET read_at = coalesce(read_at, now())
        WHERE id = $1 AND user_id = $2 RETURNING id`,
      [id, userId],
    )) as [unknown[], number];
    if (rows.length === 0) throw notFound('Notifikasi');
  }

  async markAllRead(userId: string): Promise<void> {
    await this.db.query(
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
  }
}
