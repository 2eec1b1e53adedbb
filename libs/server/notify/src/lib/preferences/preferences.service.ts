import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  CATEGORY_DEFAULTS,
  type NotificationPreferencesView,
  type NotifyCategory,
  type UpdateNotificationPreferencesRequest,
} from '@siantar/contracts';
import { AppError } from '@siantar/server-core';
import type { DataSource, EntityManager } from 'typeorm';
import { categoryErrors, invalidPreferences } from './category-checks';
import { effectivePreferences, quietHoursOf } from './effective-preferences';

@Injectable()
export class PreferencesService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async view(
    userId: string,
    em: EntityManager = this.db.manager,
  ): Promise<NotificationPreferencesView> {
    return {
      categories: [...(await effectivePreferences(em, userId)).values()],
      quietHours: await quietHoursOf(em, userId),
    };
  }

  async update(
    userId: string,
    dto: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferencesView> {
    const errors = categoryErrors(dto.categories ?? []);
    if (dto.quietHours && dto.quietHours.start === dto.quietHours.end)
      errors.push({ path: 'quietHours', message: 'jam mulai dan selesai tidak boleh sama' });
    if (errors.length > 0) throw invalidPreferences(errors);
    return this.db.transaction(async (em) => {
      for (const c of dto.categories ?? [])
        await em.query(
          `INSERT INTO notification_preference (user_id, category, email, in_app, digest)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id, category) DO UPDATE
              SET email = $3, in_app = $4, digest = $5, updated_at = now()`,
          [userId, c.category, c.email, c.inApp, c.digest],
        );
      if (dto.quietHours !== undefined)
        await em.query(
          `INSERT INTO notification_settings (user_id, quiet_start, quiet_end) VALUES ($1, $2, $3)
           ON CONFLICT (user_id) DO UPDATE SET quiet_start = $2, quiet_end = $3`,
          [userId, dto.quietHours?.start ?? null, dto.quietHours?.end ?? null],
        );
      return this.view(userId, em);
    });
  }

  /** The unsubscribe link: email off for one category, the rest as it was. */
  async unsubscribe(userId: string, category: NotifyCategory): Promise<void> {
    if (CATEGORY_DEFAULTS[category].mandatory)
      throw new AppError(
        400,
        'notify.mandatory',
        'Notifikasi jenis ini wajib dan tidak dapat dihentikan.',
      );
    await this.db.transaction(async (em) => {
      const current = (await effectivePreferences(em, userId)).get(category);
      await em.query(
        `INSERT INTO notification_preference (user_id, category, email, in_app, digest)
         VALUES ($1, $2, false, $3, $4)
         ON CONFLICT (user_id, category) DO UPDATE SET email = false, updated_at = now()`,
        [userId, category, current?.inApp ?? true, current?.digest ?? false],
      );
    });
  }
}
