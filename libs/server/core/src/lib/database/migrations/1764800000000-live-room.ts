import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The live room: participants and their state, chat, Q&A, polls, presence intervals
 * and the frozen attendance record.
 *
 * `live_presence` is written by the api processes (one row per socket connection,
 * kept alive by heartbeats); `live_attendance` is written once, by the end-of-session
 * job, and a trigger refuses any later change so the record is never recomputed.
 */
export class LiveRoom1764800000000 implements MigrationInterface {
  name = 'LiveRoom1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE live_session
        ADD COLUMN locked boolean NOT NULL DEFAULT false,
        ADD COLUMN slides_file_id uuid REFERENCES stored_file(id) ON DELETE SET NULL,
        ADD COLUMN slide_page integer NOT NULL DEFAULT 1 CHECK (slide_page >= 1),
        ADD COLUMN ended_at timestamptz,
        ADD COLUMN finalised_at timestamptz`);
    await q.query(`
      CREATE TABLE live_participant (
        session_id uuid NOT NULL REFERENCES live_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role varchar(11) NOT NULL CHECK (role IN ('host', 'speaker', 'participant')),
        first_joined_at timestamptz NOT NULL DEFAULT now(),
        hand_raised_at timestamptz,
        muted boolean NOT NULL DEFAULT false,
        removed_at timestamptz,
        removed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        media jsonb NOT NULL DEFAULT '{"camera": false, "microphone": false, "screen": false}',
        PRIMARY KEY (session_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE live_chat_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES live_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        text varchar(1000) NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        deleted_at timestamptz,
        deleted_by uuid REFERENCES app_user(id) ON DELETE SET NULL
      )`);
    await q.query(
      `CREATE INDEX live_chat_page_idx ON live_chat_message (session_id, sent_at DESC, id DESC)`,
    );
    await q.query(`
      CREATE TABLE live_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES live_session(id) ON DELETE CASCADE,
        -- kept for moderation even when anonymous; never sent to the room
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        text varchar(500) NOT NULL,
        anonymous boolean NOT NULL DEFAULT false,
        upvotes integer NOT NULL DEFAULT 0,
        answered_at timestamptz,
        asked_at timestamptz NOT NULL DEFAULT clock_timestamp()
      )`);
    await q.query(`CREATE INDEX live_question_session_idx ON live_question (session_id)`);
    await q.query(`
      CREATE TABLE live_question_vote (
        question_id uuid NOT NULL REFERENCES live_question(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        PRIMARY KEY (question_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE live_poll (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES live_session(id) ON DELETE CASCADE,
        question varchar(300) NOT NULL,
        options jsonb NOT NULL,
        multiple boolean NOT NULL,
        correct_options integer[],
        status varchar(6) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        opened_at timestamptz,
        closed_at timestamptz
      )`);
    await q.query(`CREATE INDEX live_poll_session_idx ON live_poll (session_id, created_at)`);
    await q.query(`
      CREATE TABLE live_poll_vote (
        poll_id uuid NOT NULL REFERENCES live_poll(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        options integer[] NOT NULL,
        -- graded polls only: the answer was exactly the right set
        correct boolean,
        voted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (poll_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE live_presence (
        id bigserial PRIMARY KEY,
        session_id uuid NOT NULL REFERENCES live_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        socket_id varchar(40) NOT NULL,
        joined_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        last_seen_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        left_at timestamptz
      )`);
    await q.query(`CREATE INDEX live_presence_session_idx ON live_presence (session_id, user_id)`);
    await q.query(
      `CREATE INDEX live_presence_open_idx ON live_presence (socket_id) WHERE left_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE live_attendance (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        session_id uuid NOT NULL REFERENCES live_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        intervals jsonb NOT NULL,
        minutes numeric(7,2) NOT NULL,
        share numeric(5,4) NOT NULL,
        poll_answers integer NOT NULL,
        poll_correct integer NOT NULL,
        met_rule boolean NOT NULL,
        credited_jp numeric(5,1) NOT NULL,
        finalised_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (session_id, user_id)
      )`);
    await q.query(`
      CREATE FUNCTION live_attendance_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'live_attendance is final: a finalised attendance record cannot change';
      END $$`);
    await q.query(`
      CREATE TRIGGER live_attendance_frozen BEFORE UPDATE ON live_attendance
        FOR EACH ROW EXECUTE FUNCTION live_attendance_frozen()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE live_attendance`);
    await q.query(`DROP FUNCTION live_attendance_frozen`);
    for (const t of [
      'live_presence',
      'live_poll_vote',
      'live_poll',
      'live_question_vote',
      'live_question',
      'live_chat_message',
      'live_participant',
    ])
      await q.query(`DROP TABLE ${t}`);
    await q.query(`
      ALTER TABLE live_session DROP COLUMN locked, DROP COLUMN slides_file_id,
        DROP COLUMN slide_page, DROP COLUMN ended_at, DROP COLUMN finalised_at`);
  }
}
