import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Level 3 of the evaluation (Evaluasi Pasca Pelatihan): the follow-up days of each course,
 * the action plan (RTL) of each completed enrolment, and its follow-ups — one row per
 * enrolment and offset, written when the enrolment completes (`scheduled`, with the due time
 * its delayed job waits for), opened by that job (`open`: the alumnus's report, the direct
 * supervisor's confirmation) and `done` once both are in (or there is no supervisor).
 */
export class FollowUp1765300500000 implements MigrationInterface {
  name = 'FollowUp1765300500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE follow_up_setting (
        course_id uuid PRIMARY KEY REFERENCES course(id) ON DELETE CASCADE,
        days integer[] NOT NULL CHECK (cardinality(days) <= 4 AND 1 <= ALL (days) AND 365 >= ALL (days)),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE action_plan (
        enrolment_id uuid PRIMARY KEY REFERENCES enrolment(id) ON DELETE CASCADE,
        items jsonb NOT NULL CHECK (jsonb_typeof(items) = 'array'),
        submitted_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE follow_up (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
        offset_days integer NOT NULL CHECK (offset_days BETWEEN 1 AND 365),
        course_ended_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        answer_by timestamptz NOT NULL,
        status varchar(10) NOT NULL DEFAULT 'scheduled'
          CHECK (status IN ('scheduled', 'open', 'done', 'cancelled')),
        opened_at timestamptz,
        -- Taken when the follow-up is asked: the alumnus's unit and direct supervisor then.
        org_unit_id uuid REFERENCES org_unit(id),
        supervisor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        reported_at timestamptz,
        progress text,
        item_statuses jsonb,
        evidence_file_ids uuid[] NOT NULL DEFAULT '{}',
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        answers jsonb,
        comment text,
        done_at timestamptz,
        UNIQUE (enrolment_id, offset_days),
        CHECK ((status = 'scheduled') = (opened_at IS NULL) OR status = 'cancelled'),
        CHECK ((status = 'done') = (done_at IS NOT NULL))
      )`);
    // Overdue counts (reports) and the open lists read the open rows by their answer time.
    await q.query(`CREATE INDEX follow_up_open_idx ON follow_up (answer_by) WHERE status = 'open'`);
    await q.query(`CREATE INDEX follow_up_supervisor_idx ON follow_up (supervisor_id, due_at DESC)
      WHERE status IN ('open', 'done')`);
    await q.query(`CREATE INDEX follow_up_unit_idx ON follow_up (org_unit_id, due_at DESC)
      WHERE status IN ('open', 'done')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['follow_up', 'action_plan', 'follow_up_setting'])
      await q.query(`DROP TABLE ${t}`);
  }
}
