import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications, second slice: reminder days per course version, notices that failed for
 * good (every retry spent) kept apart from those still planned, and email addresses that
 * bounced (a permanent SMTP refusal), so that no more mail is sent to them until an admin
 * clears the mark or the address changes.
 */
export class NotifyOperations1765000000000 implements MigrationInterface {
  name = 'NotifyOperations1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE course_version ADD COLUMN reminder_days smallint[] NOT NULL DEFAULT '{7,1}'
      CHECK (cardinality(reminder_days) <= 4 AND 1 <= ALL (reminder_days) AND 90 >= ALL (reminder_days))`);
    await q.query(
      `ALTER TABLE planned_notification DROP CONSTRAINT planned_notification_status_check`,
    );
    await q.query(`ALTER TABLE planned_notification ADD CONSTRAINT planned_notification_status_check
      CHECK (status IN ('planned', 'done', 'cancelled', 'failed'))`);
    await q.query(`ALTER TABLE planned_notification ADD COLUMN failed_reason text`);
    await q.query(`CREATE INDEX planned_notification_failed_idx ON planned_notification (due_at)
      WHERE status = 'failed'`);
    await q.query(`
      CREATE TABLE email_bounce (
        -- lower-cased: the mark follows the address, not the account
        address varchar(254) PRIMARY KEY CHECK (address = lower(address)),
        reason text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_delivery_status_idx ON notification_delivery (status, id DESC)
      WHERE status IN ('failed', 'bounced')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_delivery_status_idx`);
    await q.query(`DROP TABLE email_bounce`);
    await q.query(`DROP INDEX planned_notification_failed_idx`);
    await q.query(`ALTER TABLE planned_notification DROP COLUMN failed_reason`);
    await q.query(`UPDATE planned_notification SET status = 'cancelled' WHERE status = 'failed'`);
    await q.query(
      `ALTER TABLE planned_notification DROP CONSTRAINT planned_notification_status_check`,
    );
    await q.query(`ALTER TABLE planned_notification ADD CONSTRAINT planned_notification_status_check
      CHECK (status IN ('planned', 'done', 'cancelled'))`);
    await q.query(`ALTER TABLE course_version DROP COLUMN reminder_days`);
  }
}
