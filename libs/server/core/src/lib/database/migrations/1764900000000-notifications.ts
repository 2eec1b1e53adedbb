import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications: what is planned (one row per business key — user, event, target, due
 * time — whose BullMQ job has the same key), what was delivered on which channel, the
 * in-app inbox, and preferences (admin defaults per category, user choices, quiet hours).
 */
export class Notifications1764900000000 implements MigrationInterface {
  name = 'Notifications1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_default (
        category varchar(20) PRIMARY KEY,
        email boolean NOT NULL,
        in_app boolean NOT NULL,
        digest boolean NOT NULL,
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        category varchar(20) NOT NULL,
        email boolean NOT NULL,
        in_app boolean NOT NULL,
        digest boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, category)
      )`);
    await q.query(`
      CREATE TABLE notification_settings (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        quiet_start time,
        quiet_end time,
        CHECK ((quiet_start IS NULL) = (quiet_end IS NULL)),
        CHECK (quiet_start IS NULL OR quiet_start <> quiet_end)
      )`);
    await q.query(`
      CREATE TABLE planned_notification (
        key varchar(200) PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        event varchar(40) NOT NULL,
        target_id uuid,
        due_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        status varchar(10) NOT NULL DEFAULT 'planned'
          CHECK (status IN ('planned', 'done', 'cancelled')),
        created_at timestamptz NOT NULL DEFAULT now(),
        done_at timestamptz
      )`);
    await q.query(`CREATE INDEX planned_notification_target_idx
      ON planned_notification (event, target_id, user_id) WHERE status = 'planned'`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        key varchar(200) NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        category varchar(20) NOT NULL,
        title varchar(300) NOT NULL,
        body text NOT NULL,
        link varchar(500),
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        read_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX notification_inbox_idx ON notification (user_id, created_at DESC, id DESC)`,
    );
    await q.query(
      `CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE notification_delivery (
        id bigserial PRIMARY KEY,
        key varchar(200) NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        channel varchar(20) NOT NULL,
        status varchar(10) NOT NULL CHECK (status IN ('sent', 'skipped', 'deferred', 'failed', 'bounced')),
        detail text,
        at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(
      `CREATE INDEX notification_delivery_user_idx ON notification_delivery (user_id, at DESC)`,
    );
    await q.query(
      `CREATE INDEX notification_delivery_key_idx ON notification_delivery (key, channel)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'notification_delivery',
      'notification',
      'planned_notification',
      'notification_settings',
      'notification_preference',
      'notification_default',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
