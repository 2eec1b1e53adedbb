import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Question banks, quizzes, attempts and grades. Grades are history: every
 * grading (automatic, manual, regrade) adds a `grade_event`; unique indexes make
 * a repeated job a no-op instead of a second grade.
 */
export class Assessment1764500000000 implements MigrationInterface {
  name = 'Assessment1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE question_bank (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        course_id uuid REFERENCES course(id),
        owner_org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX question_bank_course_idx ON question_bank (course_id)`);

    await q.query(`
      CREATE TABLE question_category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_id uuid NOT NULL REFERENCES question_bank(id) ON DELETE CASCADE,
        parent_id uuid REFERENCES question_category(id),
        name varchar(200) NOT NULL,
        -- 'Pelayanan/Disdukcapil': unique per bank, so an import finds or creates a category by path
        path text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (bank_id, path)
      )`);

    await q.query(`
      CREATE TABLE question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        bank_id uuid NOT NULL REFERENCES question_bank(id) ON DELETE CASCADE,
        category_id uuid NOT NULL REFERENCES question_category(id),
        current_version_id uuid,
        tags text[] NOT NULL DEFAULT '{}',
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX question_category_idx ON question (category_id)`);
    await q.query(`CREATE INDEX question_tags_idx ON question USING gin (tags)`);

    await q.query(`
      CREATE TABLE question_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL REFERENCES question(id) ON DELETE CASCADE,
        number int NOT NULL,
        type varchar(20) NOT NULL,
        name varchar(255) NOT NULL,
        text text NOT NULL,
        format varchar(10) NOT NULL,
        -- the text rendered to sanitised HTML once, when saved
        html text NOT NULL,
        general_feedback text,
        default_mark numeric(7,2) NOT NULL,
        body jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (question_id, number)
      )`);
    await q.query(`ALTER TABLE question ADD CONSTRAINT question_current_version_fk
                     FOREIGN KEY (current_version_id) REFERENCES question_version(id) DEFERRABLE INITIALLY DEFERRED`);

    await q.query(`
      CREATE TABLE quiz (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course(id),
        settings jsonb NOT NULL,
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX quiz_course_idx ON quiz (course_id)`);

    await q.query(`
      CREATE TABLE quiz_attempt (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quiz_id uuid NOT NULL REFERENCES quiz(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        enrolment_id uuid NOT NULL REFERENCES enrolment(id),
        number int NOT NULL,
        status varchar(20) NOT NULL DEFAULT 'in-progress'
          CHECK (status IN ('in-progress', 'submitted', 'awaiting-grading', 'graded')),
        -- the quiz settings this attempt runs under, fixed at its start
        settings jsonb NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        deadline timestamptz,
        submitted_at timestamptz,
        submitted_by varchar(10) CHECK (submitted_by IN ('learner', 'deadline')),
        -- sequential navigation: the furthest question reached; earlier ones are closed
        current_slot int NOT NULL DEFAULT 1,
        graded_at timestamptz,
        max_mark numeric(9,2) NOT NULL,
        mark numeric(9,2),
        percent numeric(5,2),
        passed boolean,
        UNIQUE (quiz_id, user_id, number)
      )`);
    // One attempt in progress per learner and quiz: a second start answers 409, even when racing.
    await q.query(
      `CREATE UNIQUE INDEX quiz_attempt_one_open ON quiz_attempt (quiz_id, user_id) WHERE status = 'in-progress'`,
    );
    await q.query(`CREATE INDEX quiz_attempt_user_idx ON quiz_attempt (user_id, quiz_id)`);
    await q.query(`CREATE INDEX quiz_attempt_quiz_status_idx ON quiz_attempt (quiz_id, status)`);

    await q.query(`
      CREATE TABLE attempt_slot (
        attempt_id uuid NOT NULL REFERENCES quiz_attempt(id) ON DELETE CASCADE,
        slot int NOT NULL,
        question_id uuid NOT NULL REFERENCES question(id),
        question_version_id uuid NOT NULL REFERENCES question_version(id),
        max_mark numeric(7,2) NOT NULL,
        -- the question as this learner sees it (order of choices fixed at the start)
        view jsonb NOT NULL,
        response jsonb,
        seq int NOT NULL DEFAULT 0,
        saved_at timestamptz,
        fraction numeric(6,5),
        mark numeric(7,2),
        feedback jsonb NOT NULL DEFAULT '[]',
        needs_manual boolean NOT NULL DEFAULT false,
        rubric_scores jsonb,
        comment text,
        graded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        graded_at timestamptz,
        PRIMARY KEY (attempt_id, slot)
      )`);
    await q.query(`CREATE INDEX attempt_slot_question_idx ON attempt_slot (question_id)`);
    await q.query(
      `CREATE INDEX attempt_slot_manual_idx ON attempt_slot (attempt_id) WHERE needs_manual AND graded_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE regrade (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        quiz_id uuid NOT NULL REFERENCES quiz(id),
        question_id uuid REFERENCES question(id),
        reason text NOT NULL,
        requested_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        attempts int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE grade_event (
        id bigserial PRIMARY KEY,
        attempt_id uuid NOT NULL REFERENCES quiz_attempt(id) ON DELETE CASCADE,
        kind varchar(10) NOT NULL CHECK (kind IN ('auto', 'manual', 'regrade')),
        regrade_id uuid REFERENCES regrade(id),
        slot int,
        mark numeric(9,2),
        percent numeric(5,2),
        graded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        detail jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The automatic grade is computed once per attempt, a regrade once per attempt and request.
    await q.query(
      `CREATE UNIQUE INDEX grade_event_auto_once ON grade_event (attempt_id) WHERE kind = 'auto'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX grade_event_regrade_once ON grade_event (attempt_id, regrade_id) WHERE kind = 'regrade'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['grade_event', 'regrade', 'attempt_slot', 'quiz_attempt', 'quiz']) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`ALTER TABLE question DROP CONSTRAINT question_current_version_fk`);
    for (const t of ['question_version', 'question', 'question_category', 'question_bank']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
