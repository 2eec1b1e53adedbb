import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling of live sessions (webinars and the live-session lessons of courses)
 * and the per-user calendar feed.
 *
 * A session belongs to a course (and, when `lesson_key` is set, to the live-session
 * lesson with that key, so attendance can later complete it in whatever version the
 * learner is enrolled in) or stands alone as a webinar for OPDs (`audience_org_unit_ids`,
 * empty = the whole city). `sequence` is the RFC 5545 SEQUENCE: every change bumps it
 * so calendars replace their copy.
 */
export class Live1764700000000 implements MigrationInterface {
  name = 'Live1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE live_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid REFERENCES course(id) ON DELETE RESTRICT,
        lesson_key uuid,
        title varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        capacity integer CHECK (capacity IS NULL OR capacity BETWEEN 1 AND 10000),
        audience_org_unit_ids uuid[] NOT NULL DEFAULT '{}',
        jp numeric(5,1) NOT NULL DEFAULT 0 CHECK (jp >= 0),
        attendance_rule jsonb NOT NULL DEFAULT '{"minShare": 0.8}',
        status varchar(10) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'cancelled', 'ended')),
        sequence integer NOT NULL DEFAULT 0,
        cancel_reason text,
        cancelled_at timestamptz,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_at > starts_at AND ends_at - starts_at <= interval '12 hours'),
        CHECK (lesson_key IS NULL OR course_id IS NOT NULL),
        CHECK (course_id IS NULL OR cardinality(audience_org_unit_ids) = 0)
      )`);
    await q.query(`CREATE INDEX live_session_course_idx ON live_session (course_id, starts_at)`);
    await q.query(`CREATE INDEX live_session_time_idx ON live_session (ends_at, starts_at)`);
    await q.query(`
      CREATE TABLE live_session_trainer (
        session_id uuid NOT NULL REFERENCES live_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query(`CREATE INDEX live_session_trainer_user_idx ON live_session_trainer (user_id)`);
    // The feed token is derived (HMAC of the server secret and `nonce`); only its sha256 is
    // stored for lookup, so a copy of the database does not reveal anyone's feed URL.
    await q.query(`
      CREATE TABLE calendar_feed_token (
        user_id uuid PRIMARY KEY REFERENCES app_user(id) ON DELETE CASCADE,
        nonce text NOT NULL,
        token_hash char(64) NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feed_token`);
    await q.query(`DROP TABLE live_session_trainer`);
    await q.query(`DROP TABLE live_session`);
  }
}
