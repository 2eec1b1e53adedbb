import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalog1764400000000 implements MigrationInterface {
  name = 'Catalog1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        purpose varchar(20) NOT NULL CHECK (purpose IN ('cover', 'video', 'document', 'scorm')),
        storage_key text NOT NULL UNIQUE,
        filename varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size bigint NOT NULL,
        sha256 char(64) NOT NULL,
        uploaded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE scorm_package (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_id uuid NOT NULL REFERENCES stored_file(id),
        uploaded_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        status varchar(12) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'processing', 'ready', 'failed')),
        progress smallint NOT NULL DEFAULT 0,
        error text,
        title varchar(500),
        scorm_version varchar(40),
        launch_href text,
        items jsonb NOT NULL DEFAULT '[]',
        file_count integer,
        total_bytes bigint,
        -- where the unpacked files live in storage: '<prefix>/<path inside the package>'
        content_prefix text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE course (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(30) NOT NULL UNIQUE,
        owner_org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        -- the version the catalogue shows and new enrolments get
        current_version_id uuid,
        archived_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE course_author (
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        added_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (course_id, user_id)
      )`);
    await q.query(`
      CREATE TABLE course_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        number integer NOT NULL,
        status varchar(10) NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
        title varchar(200) NOT NULL,
        summary text NOT NULL DEFAULT '',
        cover_file_id uuid REFERENCES stored_file(id),
        competency_type varchar(20) NOT NULL DEFAULT 'teknis'
          CHECK (competency_type IN ('teknis', 'manajerial', 'sosial-kultural')),
        delivery_mode varchar(12) NOT NULL DEFAULT 'self-paced' CHECK (delivery_mode IN ('self-paced', 'blended', 'live')),
        jp numeric(5,1) NOT NULL DEFAULT 0 CHECK (jp >= 0),
        target_org_unit_ids uuid[] NOT NULL DEFAULT '{}',
        target_positions text[] NOT NULL DEFAULT '{}',
        target_ranks text[] NOT NULL DEFAULT '{}',
        prerequisite_course_ids uuid[] NOT NULL DEFAULT '{}',
        enrol_opens_at timestamptz,
        enrol_closes_at timestamptz,
        completion_deadline timestamptz,
        language varchar(2) NOT NULL DEFAULT 'id',
        self_enrol boolean NOT NULL DEFAULT true,
        sequential boolean NOT NULL DEFAULT false,
        changelog text,
        published_at timestamptz,
        search tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('indonesian', coalesce(title, '')), 'A') ||
          setweight(to_tsvector('indonesian', coalesce(summary, '')), 'B')
        ) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (course_id, number)
      )`);
    // At most one version of a course is being worked on at a time.
    await q.query(
      `CREATE UNIQUE INDEX course_version_one_open ON course_version (course_id) WHERE status IN ('draft', 'in_review')`,
    );
    await q.query(`CREATE INDEX course_version_search_idx ON course_version USING gin (search)`);
    await q.query(
      `ALTER TABLE course ADD CONSTRAINT course_current_version_fk FOREIGN KEY (current_version_id) REFERENCES course_version(id)`,
    );

    await q.query(`
      CREATE TABLE version_event (
        id bigserial PRIMARY KEY,
        version_id uuid NOT NULL REFERENCES course_version(id) ON DELETE CASCADE,
        action varchar(10) NOT NULL CHECK (action IN ('created', 'submitted', 'approved', 'sent-back', 'archived')),
        actor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        note text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX version_event_version_idx ON version_event (version_id)`);

    await q.query(`
      CREATE TABLE course_module (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES course_version(id) ON DELETE CASCADE,
        position integer NOT NULL,
        title varchar(200) NOT NULL
      )`);
    await q.query(`CREATE INDEX course_module_version_idx ON course_module (version_id, position)`);

    await q.query(`
      CREATE TABLE lesson (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES course_version(id) ON DELETE CASCADE,
        module_id uuid NOT NULL REFERENCES course_module(id) ON DELETE CASCADE,
        -- the same lesson across versions; progress can follow it when a learner is migrated
        key uuid NOT NULL DEFAULT gen_random_uuid(),
        position integer NOT NULL,
        type varchar(12) NOT NULL
          CHECK (type IN ('text', 'video', 'document', 'link', 'scorm', 'quiz', 'live-session', 'simulation')),
        title varchar(200) NOT NULL,
        duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 1440),
        content jsonb NOT NULL DEFAULT '{}',
        UNIQUE (version_id, key)
      )`);
    await q.query(`CREATE INDEX lesson_module_idx ON lesson (module_id, position)`);

    await q.query(`
      CREATE TABLE review_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version_id uuid NOT NULL REFERENCES course_version(id) ON DELETE CASCADE,
        lesson_id uuid REFERENCES lesson(id) ON DELETE SET NULL,
        author_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX review_comment_version_idx ON review_comment (version_id)`);

    await q.query(`
      CREATE TABLE enrolment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course(id),
        version_id uuid NOT NULL REFERENCES course_version(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        status varchar(10) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'withdrawn')),
        source varchar(10) NOT NULL CHECK (source IN ('self', 'admin', 'bulk')),
        enrolled_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        withdrawn_at timestamptz,
        withdrawn_by uuid REFERENCES app_user(id) ON DELETE SET NULL
      )`);
    // Withdrawn enrolments stay as history; only one live enrolment per person and course.
    await q.query(
      `CREATE UNIQUE INDEX enrolment_one_live ON enrolment (course_id, user_id) WHERE status <> 'withdrawn'`,
    );
    await q.query(`CREATE INDEX enrolment_user_idx ON enrolment (user_id)`);

    await q.query(`
      CREATE TABLE bulk_enrol_request (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course(id),
        requested_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        criteria jsonb NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress smallint NOT NULL DEFAULT 0,
        total integer NOT NULL DEFAULT 0,
        enrolled integer NOT NULL DEFAULT 0,
        already_enrolled integer NOT NULL DEFAULT 0,
        skipped jsonb NOT NULL DEFAULT '[]',
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);

    await q.query(`
      CREATE TABLE lesson_progress (
        enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lesson(id),
        status varchar(12) NOT NULL DEFAULT 'in-progress' CHECK (status IN ('in-progress', 'completed')),
        percent numeric(5,2) NOT NULL DEFAULT 0,
        seconds_spent integer NOT NULL DEFAULT 0,
        max_scroll numeric(5,2) NOT NULL DEFAULT 0,
        watched_seconds numeric(10,2) NOT NULL DEFAULT 0,
        duration_seconds numeric(10,2),
        position_seconds numeric(10,2),
        -- device time of the event that set position_seconds, so a late event cannot rewind it
        position_at timestamptz,
        first_opened_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, lesson_id)
      )`);

    // The idempotency record of every progress event: its id is made by the browser.
    await q.query(`
      CREATE TABLE progress_event (
        id uuid PRIMARY KEY,
        enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lesson(id),
        kind varchar(10) NOT NULL,
        occurred_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        received_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX progress_event_enrolment_idx ON progress_event (enrolment_id, lesson_id)`,
    );

    await q.query(`
      CREATE TABLE scorm_state (
        enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
        lesson_id uuid NOT NULL REFERENCES lesson(id),
        lesson_status varchar(14) NOT NULL DEFAULT 'not attempted',
        score_raw varchar(10),
        score_min varchar(10),
        score_max varchar(10),
        suspend_data text,
        lesson_location varchar(255),
        total_seconds numeric(12,2) NOT NULL DEFAULT 0,
        last_commit_id uuid,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (enrolment_id, lesson_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'scorm_state',
      'progress_event',
      'lesson_progress',
      'bulk_enrol_request',
      'enrolment',
      'review_comment',
      'lesson',
      'course_module',
      'version_event',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`ALTER TABLE course DROP CONSTRAINT course_current_version_fk`);
    for (const t of ['course_version', 'course_author', 'course', 'scorm_package', 'stored_file']) {
      await q.query(`DROP TABLE ${t}`);
    }
  }
}
