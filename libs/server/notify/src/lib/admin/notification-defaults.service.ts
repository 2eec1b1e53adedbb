import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CATEGORY_DEFAULTS,
  NOTIFY_CATEGORIES,
  type NotificationDefaultsView,
  type NotifyCategory,
  type UpdateNotificationDefaultsRequest,
} from '@siantar/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { categoryErrors, invalidPreferences } from '../preferences/category-checks';

interface Row {
  category: NotifyCategory;
  email: boolean;
  in_app: boolean;
  digest: boolean;
  updated_at: Date;
  updated_by: string | null;
}

/**
 * The admins' defaults per category (`notification_default`): what everyone who has not
 * chosen for themselves gets. A user's own choice always wins; mandatory categories stay on.
 */
@Injectable()
export class NotificationDefaultsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async view(em: EntityManager = this.db.manager): Promise<NotificationDefaultsView> {
    const rows: Row[] = await em.query(
      `SELECT d.category, d.email, d.in_app, d.digest, d.updated_at, u.name AS updated_by
         FROM notification_default d LEFT JOIN app_user u ON u.id = d.updated_by`,
    );
    return {
      categories: NOTIFY_CATEGORIES.map((category) => {
        const builtIn = CATEGORY_DEFAULTS[category];
        const r = rows.find((x) => x.category === category);
        return {
          category,
          email: r?.email ?? builtIn.email,
          inApp: r?.in_app ?? builtIn.inApp,
          digest: r?.digest ?? builtIn.digest,
          mandatory: builtIn.mandatory,
          updatedAt: r?.updated_at.toISOString() ?? null,
          updatedBy: r?.updated_by ?? null,
        };
      }),
    };
  }

  async update(
    dto: UpdateNotificationDefaultsRequest,
    adminId: string,
  ): Promise<NotificationDefaultsView> {
    const errors = categoryErrors(dto.categories);
    if (errors.length > 0) throw invalidPreferences(errors);
    return this.db.transaction(async (em) => {
      for (const c of dto.categories)
        await em.query(
          `INSERT INTO notification_default (category, email, in_app, digest, updated_by)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (category) DO UPDATE
              SET email = $2, in_app = $3, digest = $4, updated_by = $5, updated_at = now()`,
          [c.category, c.email, c.inApp, c.digest, adminId],
        );
      return this.view(em);
    });
  }
}
