import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  DeliveryLogPage,
  DeliveryLogQuery,
  DeliveryStatus,
  NoticeStatus,
} from '@siantar/contracts';
import { AppError, notFound, type Principal } from '@siantar/server-core';
import type { DataSource } from 'typeorm';
import { EVENT_CATEGORY, type NotifyEvent } from '../events/notify-events';
import { renderNotice, type Lang } from '../templates/templates';

const PAGE = 50;

interface Row {
  id: string;
  at: Date;
  key: string;
  channel: string;
  status: DeliveryStatus;
  detail: string | null;
  user_id: string;
  name: string;
  nip: string | null;
  email: string;
  language: Lang;
  event: string | null;
  data: unknown;
  notice_status: NoticeStatus | null;
}

const knownEvent = (e: string | null): e is NotifyEvent => !!e && e in EVENT_CATEGORY;

const noReach = () =>
  new AppError(
    403,
    'no-admin-scope',
    'Akun admin Anda belum memiliki wilayah kewenangan; hubungi admin BKPSDM.',
  );

/**
 * What happened to each notice on each channel, for admins: everyone in their reach, or one
 * person, newest first; with the person's bounce mark, which an admin can clear.
 */
@Injectable()
export class DeliveryLogService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  private reach(p: Principal): string {
    if (!p.adminScopePath) throw noReach();
    return p.adminScopePath;
  }

  /** A person in the admin's reach, else 404 as if they did not exist. */
  private async person(p: Principal, userId: string): Promise<{ email: string }> {
    const rows: { email: string }[] = await this.db.query(
      `SELECT u.email FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id
        WHERE u.id = $1 AND o.path LIKE $2 || '%'`,
      [userId, this.reach(p)],
    );
    if (!rows[0]) throw notFound('Pegawai');
    return rows[0];
  }

  async page(p: Principal, q: DeliveryLogQuery): Promise<DeliveryLogPage> {
    const scope = this.reach(p);
    const person = q.userId ? await this.person(p, q.userId) : null;
    const rows: Row[] = await this.db.query(
      `SELECT d.id::text AS id, d.at, d.key, d.channel, d.status, d.detail,
              u.id AS user_id, u.name, u.nip, u.email, u.language,
              pn.event, pn.data, pn.status AS notice_status
         FROM notification_delivery d
         JOIN app_user u ON u.id = d.user_id
         JOIN org_unit o ON o.id = u.org_unit_id AND o.path LIKE $1 || '%'
         LEFT JOIN planned_notification pn ON pn.key = d.key
        WHERE ($2::uuid IS NULL OR d.user_id = $2)
          AND ($3::text IS NULL OR d.status = $3)
          AND ($4::bigint IS NULL OR d.id < $4)
        ORDER BY d.id DESC
        LIMIT ${PAGE + 1}`,
      [scope, q.userId ?? null, q.status ?? null, q.before ?? null],
    );
    const items = rows.slice(0, PAGE).map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      user: { id: r.user_id, name: r.name, nip: r.nip, email: r.email },
      key: r.key,
      event: r.event ?? (r.key.startsWith('digest') ? 'digest' : 'unknown'),
      category: knownEvent(r.event) ? EVENT_CATEGORY[r.event] : null,
      title: knownEvent(r.event) ? renderNotice(r.event, r.data as never, r.language).title : null,
      channel: r.channel,
      status: r.status,
      detail: r.detail,
      noticeStatus: r.notice_status,
    }));
    let emailBounce: DeliveryLogPage['emailBounce'] = null;
    if (person) {
      const [b]: { reason: string; at: Date }[] = await this.db.query(
        `SELECT reason, at FROM email_bounce WHERE address = lower($1)`,
        [person.email],
      );
      if (b) emailBounce = { at: b.at.toISOString(), reason: b.reason };
    }
    return {
      items,
      nextBefore: rows.length > PAGE ? items[items.length - 1].id : null,
      emailBounce,
    };
  }

  /** Email goes to this person's address again (an admin checked it, or it was fixed). */
  async clearBounce(p: Principal, userId: string): Promise<void> {
    const { email } = await this.person(p, userId);
    await this.db.query(`DELETE FROM email_bounce WHERE address = lower($1)`, [email]);
  }
}
