import {
  CATEGORY_DEFAULTS,
  NOTIFY_CATEGORIES,
  type CategoryPreferenceView,
  type NotifyCategory,
} from '@siantar/contracts';
import type { EntityManager } from 'typeorm';

interface Row {
  category: NotifyCategory;
  email: boolean;
  in_app: boolean;
  digest: boolean;
}

/**
 * A user's choice per category: their own, else the admins' default, else the built-in
 * one. Mandatory categories are always on, by email and in the app, without digest.
 */
export async function effectivePreferences(
  em: EntityManager,
  userId: string,
): Promise<Map<NotifyCategory, CategoryPreferenceView>> {
  const defaults: Row[] = await em.query(
    `SELECT category, email, in_app, digest FROM notification_default`,
  );
  const own: Row[] = await em.query(
    `SELECT category, email, in_app, digest FROM notification_preference WHERE user_id = $1`,
    [userId],
  );
  const out = new Map<NotifyCategory, CategoryPreferenceView>();
  for (const category of NOTIFY_CATEGORIES) {
    const builtIn = CATEGORY_DEFAULTS[category];
    const r =
      own.find((x) => x.category === category) ?? defaults.find((x) => x.category === category);
    const pref = r
      ? { email: r.email, inApp: r.in_app, digest: r.digest }
      : { email: builtIn.email, inApp: builtIn.inApp, digest: builtIn.digest };
    out.set(
      category,
      builtIn.mandatory
        ? { category, email: true, inApp: true, digest: false, mandatory: true }
        : { category, ...pref, mandatory: false },
    );
  }
  return out;
}

export async function quietHoursOf(
  em: EntityManager,
  userId: string,
): Promise<{ start: string; end: string } | null> {
  const rows: { start: string; end: string }[] = await em.query(
    `SELECT to_char(quiet_start, 'HH24:MI') AS start, to_char(quiet_end, 'HH24:MI') AS "end"
       FROM notification_settings WHERE user_id = $1 AND quiet_start IS NOT NULL`,
    [userId],
  );
  return rows[0] ?? null;
}
