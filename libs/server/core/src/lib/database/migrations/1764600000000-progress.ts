import type { MigrationInterface, QueryRunner } from 'typeorm';
import { rebuildSummaries } from '../summaries';

/**
 * Completion rules, the learning-hours ledger and the summary tables reports read.
 *
 * Summaries are kept by triggers, in the same transaction as the row that changes
 * them, so no code path (api, worker, seed, a manual fix in psql) can forget one.
 * Every counter is attributed to the Asia/Jakarta calendar month of the moment it
 * counts (enrolled_at, started_at, completed_at, passed_at, withdrawn_at) and to the
 * learner's unit, employment type and rank as snapshotted on the enrolment or the
 * ledger entry. `../summaries.ts` holds the recomputation of each table from the raw rows; tests compare the two.
 */
export class Progress1764600000000 implements MigrationInterface {
  name = 'Progress1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION wib_date(t timestamptz) RETURNS date IMMUTABLE LANGUAGE sql
        AS $$ SELECT (t AT TIME ZONE 'Asia/Jakarta')::date $$`);

    await q.query(`ALTER TABLE stored_file DROP CONSTRAINT stored_file_purpose_check`);
    await q.query(`ALTER TABLE stored_file ADD CONSTRAINT stored_file_purpose_check
      CHECK (purpose IN ('cover', 'video', 'document', 'scorm', 'evidence', 'export'))`);

    // ---- completion -------------------------------------------------------------
    await q.query(`ALTER TABLE course_version ADD COLUMN completion_rules jsonb NOT NULL
      DEFAULT '{"lessons": "all", "lessonKeys": [], "quizzes": true, "attendance": true, "survey": false, "deadline": false}'`);

    // Snapshots taken when the enrolment is made, so that reports attribute it to the
    // unit the learner belonged to then, and a recomputation agrees with the counters.
    await q.query(`ALTER TABLE enrolment
      ADD COLUMN org_unit_id uuid REFERENCES org_unit(id),
      ADD COLUMN employment_type varchar(7),
      ADD COLUMN competency_type varchar(20),
      ADD COLUMN due_at timestamptz,
      ADD COLUMN started_at timestamptz,
      ADD COLUMN passed_at timestamptz`);
    await q.query(`UPDATE enrolment e SET org_unit_id = u.org_unit_id, employment_type = u.employment_type,
        competency_type = v.competency_type, due_at = v.completion_deadline
      FROM app_user u, course_version v WHERE u.id = e.user_id AND v.id = e.version_id`);
    await q.query(`UPDATE enrolment e SET started_at = s.first
      FROM (SELECT enrolment_id, min(first_opened_at) AS first FROM lesson_progress GROUP BY enrolment_id) s
      WHERE s.enrolment_id = e.id`);
    await q.query(`ALTER TABLE enrolment ALTER COLUMN org_unit_id SET NOT NULL,
      ALTER COLUMN employment_type SET NOT NULL, ALTER COLUMN competency_type SET NOT NULL`);
    await q.query(`
      CREATE FUNCTION enrolment_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.org_unit_id IS NULL OR NEW.employment_type IS NULL THEN
          SELECT org_unit_id, employment_type INTO NEW.org_unit_id, NEW.employment_type
            FROM app_user WHERE id = NEW.user_id;
        END IF;
        IF NEW.competency_type IS NULL THEN
          SELECT competency_type, completion_deadline INTO NEW.competency_type, NEW.due_at
            FROM course_version WHERE id = NEW.version_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER enrolment_snapshot BEFORE INSERT ON enrolment
      FOR EACH ROW EXECUTE FUNCTION enrolment_snapshot()`);
    await q.query(
      `CREATE INDEX enrolment_open_due_idx ON enrolment (due_at) WHERE status = 'active' AND due_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX enrolment_org_idx ON enrolment (org_unit_id)`);

    // Why an enrolment must be looked at again. Written in the transaction that
    // changed something (a lesson completed, a survey sent, attendance credited); the
    // job it enqueues waits for the row, so an event is neither lost nor run early.
    await q.query(`
      CREATE TABLE completion_signal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        enrolment_id uuid NOT NULL REFERENCES enrolment(id) ON DELETE CASCADE,
        kind varchar(12) NOT NULL CHECK (kind IN ('lesson', 'attempt', 'attendance', 'survey', 'manual')),
        ref text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        evaluated_at timestamptz,
        UNIQUE (enrolment_id, kind, ref)
      )`);

    // The feedback survey of a course, until the evaluation issue gives it its questions.
    await q.query(`
      CREATE TABLE course_feedback (
        enrolment_id uuid PRIMARY KEY REFERENCES enrolment(id) ON DELETE CASCADE,
        ratings jsonb NOT NULL,
        comment text NOT NULL DEFAULT '',
        submitted_at timestamptz NOT NULL DEFAULT now()
      )`);

    // ---- the learning-hours ledger ------------------------------------------------
    await q.query(`
      CREATE TABLE external_training_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        submitted_by uuid NOT NULL REFERENCES app_user(id),
        title varchar(300) NOT NULL,
        provider varchar(200) NOT NULL,
        training_type varchar(40) NOT NULL,
        route varchar(12) NOT NULL CHECK (route IN ('klasikal', 'nonklasikal')),
        competency_type varchar(20) NOT NULL CHECK (competency_type IN ('teknis', 'manajerial', 'sosial-kultural')),
        start_date date NOT NULL,
        end_date date NOT NULL,
        jp numeric(6,1) NOT NULL CHECK (jp > 0 AND jp <= 500),
        certificate_number varchar(100),
        evidence_file_id uuid REFERENCES stored_file(id),
        status varchar(10) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected')),
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date)
      )`);
    await q.query(
      `CREATE INDEX external_training_claim_user_idx ON external_training_claim (user_id, created_at DESC)`,
    );
    // One piece of evidence backs one claim.
    await q.query(
      `CREATE UNIQUE INDEX external_training_claim_evidence_uq ON external_training_claim (evidence_file_id)`,
    );
    await q.query(
      `CREATE INDEX external_training_claim_pending_idx ON external_training_claim (created_at) WHERE status = 'pending'`,
    );

    await q.query(`
      CREATE TABLE ledger_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        -- the date the hours count for, an Asia/Jakarta calendar date
        entry_date date NOT NULL,
        year smallint GENERATED ALWAYS AS (extract(year FROM entry_date)::smallint) STORED,
        source varchar(10) NOT NULL CHECK (source IN ('course', 'live', 'external')),
        -- enrolment, attendance or claim id: one credit per source row
        source_ref uuid,
        title varchar(300) NOT NULL,
        provider varchar(200) NOT NULL,
        training_type varchar(40) NOT NULL,
        route varchar(12) NOT NULL CHECK (route IN ('klasikal', 'nonklasikal')),
        competency_type varchar(20) NOT NULL CHECK (competency_type IN ('teknis', 'manajerial', 'sosial-kultural')),
        jp numeric(6,1) NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        certificate_number varchar(100),
        reverses_id uuid UNIQUE REFERENCES ledger_entry(id),
        reason text,
        -- who the learner was when the entry was written (reports attribute it there)
        nip char(18),
        org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        employment_type varchar(7) NOT NULL,
        rank varchar(6),
        recorded_by uuid REFERENCES app_user(id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (end_date >= start_date),
        CHECK ((reverses_id IS NULL AND jp >= 0) OR (reverses_id IS NOT NULL AND jp <= 0 AND reason IS NOT NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX ledger_entry_one_credit ON ledger_entry (source, source_ref)
      WHERE reverses_id IS NULL AND source_ref IS NOT NULL`);
    await q.query(`CREATE INDEX ledger_entry_user_idx ON ledger_entry (user_id, entry_date)`);
    await q.query(`CREATE INDEX ledger_entry_unit_idx ON ledger_entry (org_unit_id, entry_date)`);
    await q.query(`
      CREATE FUNCTION ledger_entry_snapshot() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- A reversal is booked where the entry it cancels was, even if the person moved since.
        IF NEW.reverses_id IS NOT NULL THEN
          SELECT nip, org_unit_id, employment_type, rank
            INTO NEW.nip, NEW.org_unit_id, NEW.employment_type, NEW.rank
            FROM ledger_entry WHERE id = NEW.reverses_id;
        ELSE
          SELECT nip, org_unit_id, employment_type, rank
            INTO NEW.nip, NEW.org_unit_id, NEW.employment_type, NEW.rank
            FROM app_user WHERE id = NEW.user_id;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entry_snapshot BEFORE INSERT ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_snapshot()`);
    await q.query(`
      CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entry is append-only: write a reversing entry instead'
          USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only()`);

    // The yearly target per employment type (PP 11/2017 art. 203: 20 JP for a PNS).
    await q.query(`
      CREATE TABLE jp_target (
        employment_type varchar(7) PRIMARY KEY CHECK (employment_type IN ('PNS', 'PPPK')),
        jp integer NOT NULL CHECK (jp BETWEEN 1 AND 40),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO jp_target (employment_type, jp) VALUES ('PNS', 20), ('PPPK', 24)`);

    // Report exports made by the worker (large tables) and a supervisor's nudges.
    await q.query(`
      CREATE TABLE report_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL REFERENCES app_user(id),
        report varchar(10) NOT NULL,
        format varchar(4) NOT NULL CHECK (format IN ('csv', 'xlsx')),
        filter jsonb NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress smallint NOT NULL DEFAULT 0,
        rows integer NOT NULL DEFAULT 0,
        total_rows integer,
        file_id uuid REFERENCES stored_file(id),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX report_export_user_idx ON report_export (requested_by, created_at DESC)`,
    );
    await q.query(`
      CREATE TABLE team_nudge (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        supervisor_id uuid NOT NULL REFERENCES app_user(id),
        user_id uuid NOT NULL REFERENCES app_user(id),
        course_id uuid REFERENCES course(id),
        message text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX team_nudge_user_idx ON team_nudge (user_id, created_at DESC)`);

    await this.summaries(q);
  }

  private async summaries(q: QueryRunner): Promise<void> {
    // Enrolment counters by month of the event, without and with the course.
    const dims = `year smallint NOT NULL, month smallint NOT NULL, org_unit_id uuid NOT NULL,
        employment_type varchar(7) NOT NULL, competency_type varchar(20) NOT NULL`;
    const counters = `enrolled integer NOT NULL DEFAULT 0, started integer NOT NULL DEFAULT 0,
        completed integer NOT NULL DEFAULT 0, passed integer NOT NULL DEFAULT 0,
        withdrawn integer NOT NULL DEFAULT 0`;
    await q.query(`CREATE TABLE stat_enrolment_org (${dims}, ${counters},
        PRIMARY KEY (year, month, org_unit_id, employment_type, competency_type))`);
    await q.query(`CREATE TABLE stat_enrolment_course (course_id uuid NOT NULL, ${dims}, ${counters},
        PRIMARY KEY (course_id, year, month, org_unit_id, employment_type, competency_type))`);
    await q.query(
      `CREATE INDEX stat_enrolment_course_org_idx ON stat_enrolment_course (org_unit_id, year)`,
    );
    // Per course and year, city-wide: the funnel list without scanning units.
    await q.query(`CREATE TABLE stat_course_year (course_id uuid NOT NULL, year smallint NOT NULL,
        employment_type varchar(7) NOT NULL, competency_type varchar(20) NOT NULL, ${counters},
        PRIMARY KEY (year, course_id, employment_type, competency_type))`);
    // Active enrolments with a deadline, by deadline date: overdue = those due before today.
    await q.query(`CREATE TABLE stat_open_due (due_date date NOT NULL, org_unit_id uuid NOT NULL,
        course_id uuid NOT NULL, employment_type varchar(7) NOT NULL, competency_type varchar(20) NOT NULL,
        open integer NOT NULL DEFAULT 0,
        PRIMARY KEY (due_date, org_unit_id, course_id, employment_type, competency_type))`);

    await q.query(`
      CREATE FUNCTION stat_enrolment_bump(e enrolment, col text, at timestamptz, delta integer)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE y smallint; m smallint;
      BEGIN
        IF at IS NULL THEN RETURN; END IF;
        y := extract(year FROM wib_date(at)); m := extract(month FROM wib_date(at));
        EXECUTE format('INSERT INTO stat_enrolment_org AS s (year, month, org_unit_id, employment_type, competency_type, %1$I)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (year, month, org_unit_id, employment_type, competency_type) DO UPDATE SET %1$I = s.%1$I + EXCLUDED.%1$I', col)
          USING y, m, e.org_unit_id, e.employment_type, e.competency_type, delta;
        EXECUTE format('INSERT INTO stat_enrolment_course AS s (course_id, year, month, org_unit_id, employment_type, competency_type, %1$I)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (course_id, year, month, org_unit_id, employment_type, competency_type) DO UPDATE SET %1$I = s.%1$I + EXCLUDED.%1$I', col)
          USING e.course_id, y, m, e.org_unit_id, e.employment_type, e.competency_type, delta;
        EXECUTE format('INSERT INTO stat_course_year AS s (course_id, year, employment_type, competency_type, %1$I)
            VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (year, course_id, employment_type, competency_type) DO UPDATE SET %1$I = s.%1$I + EXCLUDED.%1$I', col)
          USING e.course_id, y, e.employment_type, e.competency_type, delta;
      END $$`);
    await q.query(`
      CREATE FUNCTION stat_open_due_bump(e enrolment, delta integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF e.status <> 'active' OR e.due_at IS NULL THEN RETURN; END IF;
        INSERT INTO stat_open_due AS s (due_date, org_unit_id, course_id, employment_type, competency_type, open)
          VALUES (wib_date(e.due_at), e.org_unit_id, e.course_id, e.employment_type, e.competency_type, delta)
          ON CONFLICT (due_date, org_unit_id, course_id, employment_type, competency_type)
          DO UPDATE SET open = s.open + EXCLUDED.open;
      END $$`);
    // Takes the old row's contribution away and adds the new one's: right for every
    // change, including one that moves a timestamp or the snapshot columns.
    await q.query(`
      CREATE FUNCTION enrolment_stats() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE c text;
      BEGIN
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          PERFORM stat_open_due_bump(OLD, -1);
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          PERFORM stat_open_due_bump(NEW, 1);
        END IF;
        FOREACH c IN ARRAY ARRAY['enrolled', 'started', 'completed', 'passed', 'withdrawn'] LOOP
          IF TG_OP = 'UPDATE' AND to_jsonb(OLD)->>(c || '_at') IS NOT DISTINCT FROM to_jsonb(NEW)->>(c || '_at')
             AND OLD.org_unit_id = NEW.org_unit_id AND OLD.employment_type = NEW.employment_type
             AND OLD.competency_type = NEW.competency_type AND OLD.course_id = NEW.course_id THEN
            CONTINUE;
          END IF;
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            PERFORM stat_enrolment_bump(OLD, c, (to_jsonb(OLD)->>(c || '_at'))::timestamptz, -1);
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM stat_enrolment_bump(NEW, c, (to_jsonb(NEW)->>(c || '_at'))::timestamptz, 1);
          END IF;
        END LOOP;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER enrolment_stats AFTER INSERT OR UPDATE OR DELETE ON enrolment
      FOR EACH ROW EXECUTE FUNCTION enrolment_stats()`);
    await q.query(`
      CREATE FUNCTION lesson_progress_started() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE enrolment SET started_at = NEW.first_opened_at
         WHERE id = NEW.enrolment_id AND (started_at IS NULL OR started_at > NEW.first_opened_at);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER lesson_progress_started AFTER INSERT ON lesson_progress
      FOR EACH ROW EXECUTE FUNCTION lesson_progress_started()`);

    // Ledger: per person and year, JP by month and attribute, and how many people
    // sit at each whole JP (so "below the target" needs no scan of people).
    await q.query(`CREATE TABLE ledger_year_total (user_id uuid NOT NULL REFERENCES app_user(id),
        year smallint NOT NULL, jp numeric(8,1) NOT NULL DEFAULT 0,
        jp_teknis numeric(8,1) NOT NULL DEFAULT 0, jp_manajerial numeric(8,1) NOT NULL DEFAULT 0,
        jp_sosial_kultural numeric(8,1) NOT NULL DEFAULT 0,
        jp_klasikal numeric(8,1) NOT NULL DEFAULT 0, jp_nonklasikal numeric(8,1) NOT NULL DEFAULT 0,
        entries integer NOT NULL DEFAULT 0,
        PRIMARY KEY (user_id, year))`);
    // JP by month (trends, units, competency) and by rank (no month): two narrow tables
    // rather than one with every attribute, whose rows would approach the entries'.
    await q.query(`CREATE TABLE stat_jp_month (year smallint NOT NULL, month smallint NOT NULL,
        org_unit_id uuid NOT NULL, employment_type varchar(7) NOT NULL, competency_type varchar(20) NOT NULL,
        jp numeric(12,1) NOT NULL DEFAULT 0, entries integer NOT NULL DEFAULT 0,
        PRIMARY KEY (year, month, org_unit_id, employment_type, competency_type))`);
    await q.query(`CREATE TABLE stat_jp_rank (year smallint NOT NULL, org_unit_id uuid NOT NULL,
        employment_type varchar(7) NOT NULL, rank varchar(6) NOT NULL, competency_type varchar(20) NOT NULL,
        jp numeric(12,1) NOT NULL DEFAULT 0, entries integer NOT NULL DEFAULT 0,
        PRIMARY KEY (year, org_unit_id, employment_type, rank, competency_type))`);
    // Active ASN by unit, employment type and rank (the population of the JP reports)...
    await q.query(`CREATE TABLE stat_staff (org_unit_id uuid NOT NULL, employment_type varchar(7) NOT NULL,
        rank varchar(6) NOT NULL, persons integer NOT NULL DEFAULT 0,
        PRIMARY KEY (org_unit_id, employment_type, rank))`);
    // ...and those of them with ledger rows in a year, by whole JP up to 40 (40 = 40 or
    // more; targets are at most 40, so "reaches the target" stays exact).
    await q.query(`CREATE TABLE stat_jp_person (year smallint NOT NULL, org_unit_id uuid NOT NULL,
        employment_type varchar(7) NOT NULL, rank varchar(6) NOT NULL, jp_floor smallint NOT NULL,
        persons integer NOT NULL DEFAULT 0,
        PRIMARY KEY (year, org_unit_id, employment_type, rank, jp_floor))`);

    await q.query(`
      CREATE FUNCTION ledger_entry_stats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO ledger_year_total AS t (user_id, year, jp, jp_teknis, jp_manajerial, jp_sosial_kultural,
            jp_klasikal, jp_nonklasikal, entries)
          VALUES (NEW.user_id, NEW.year, NEW.jp,
            CASE WHEN NEW.competency_type = 'teknis' THEN NEW.jp ELSE 0 END,
            CASE WHEN NEW.competency_type = 'manajerial' THEN NEW.jp ELSE 0 END,
            CASE WHEN NEW.competency_type = 'sosial-kultural' THEN NEW.jp ELSE 0 END,
            CASE WHEN NEW.route = 'klasikal' THEN NEW.jp ELSE 0 END,
            CASE WHEN NEW.route = 'nonklasikal' THEN NEW.jp ELSE 0 END, 1)
          ON CONFLICT (user_id, year) DO UPDATE SET jp = t.jp + EXCLUDED.jp,
            jp_teknis = t.jp_teknis + EXCLUDED.jp_teknis, jp_manajerial = t.jp_manajerial + EXCLUDED.jp_manajerial,
            jp_sosial_kultural = t.jp_sosial_kultural + EXCLUDED.jp_sosial_kultural,
            jp_klasikal = t.jp_klasikal + EXCLUDED.jp_klasikal, jp_nonklasikal = t.jp_nonklasikal + EXCLUDED.jp_nonklasikal,
            entries = t.entries + 1;
        INSERT INTO stat_jp_month AS s (year, month, org_unit_id, employment_type, competency_type, jp, entries)
          VALUES (NEW.year, extract(month FROM NEW.entry_date), NEW.org_unit_id, NEW.employment_type,
            NEW.competency_type, NEW.jp, 1)
          ON CONFLICT (year, month, org_unit_id, employment_type, competency_type)
          DO UPDATE SET jp = s.jp + EXCLUDED.jp, entries = s.entries + 1;
        INSERT INTO stat_jp_rank AS s (year, org_unit_id, employment_type, rank, competency_type, jp, entries)
          VALUES (NEW.year, NEW.org_unit_id, NEW.employment_type, coalesce(NEW.rank, '-'), NEW.competency_type, NEW.jp, 1)
          ON CONFLICT (year, org_unit_id, employment_type, rank, competency_type)
          DO UPDATE SET jp = s.jp + EXCLUDED.jp, entries = s.entries + 1;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_entry_stats AFTER INSERT ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_stats()`);

    await q.query(`
      CREATE FUNCTION stat_person_bump(p_user uuid, p_year smallint, p_jp numeric, delta integer)
      RETURNS void LANGUAGE plpgsql AS $$
      DECLARE u app_user;
      BEGIN
        SELECT * INTO u FROM app_user WHERE id = p_user;
        IF NOT u.active OR u.employment_type NOT IN ('PNS', 'PPPK') THEN RETURN; END IF;
        INSERT INTO stat_jp_person AS s (year, org_unit_id, employment_type, rank, jp_floor, persons)
          VALUES (p_year, u.org_unit_id, u.employment_type, coalesce(u.rank, '-'),
            LEAST(GREATEST(floor(p_jp), 0), 40), delta)
          ON CONFLICT (year, org_unit_id, employment_type, rank, jp_floor) DO UPDATE SET persons = s.persons + EXCLUDED.persons;
      END $$`);
    await q.query(`
      CREATE FUNCTION ledger_year_total_stats() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF LEAST(floor(OLD.jp), 40) = LEAST(floor(NEW.jp), 40) THEN RETURN NULL; END IF;
          PERFORM stat_person_bump(OLD.user_id, OLD.year, OLD.jp, -1);
        END IF;
        PERFORM stat_person_bump(NEW.user_id, NEW.year, NEW.jp, 1);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER ledger_year_total_stats AFTER INSERT OR UPDATE ON ledger_year_total
      FOR EACH ROW EXECUTE FUNCTION ledger_year_total_stats()`);

    // A person who moves unit, changes rank or type, or is deactivated takes their
    // place in the population and their yearly JP rows with them.
    await q.query(`
      CREATE FUNCTION app_user_stats() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE t ledger_year_total;
      BEGIN
        IF TG_OP = 'UPDATE' AND OLD.org_unit_id = NEW.org_unit_id AND OLD.employment_type = NEW.employment_type
           AND OLD.rank IS NOT DISTINCT FROM NEW.rank AND OLD.active = NEW.active THEN
          RETURN NULL;
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.active AND OLD.employment_type IN ('PNS', 'PPPK') THEN
          INSERT INTO stat_staff AS s (org_unit_id, employment_type, rank, persons)
            VALUES (OLD.org_unit_id, OLD.employment_type, coalesce(OLD.rank, '-'), -1)
            ON CONFLICT (org_unit_id, employment_type, rank) DO UPDATE SET persons = s.persons - 1;
          INSERT INTO stat_jp_person AS s (year, org_unit_id, employment_type, rank, jp_floor, persons)
            SELECT year, OLD.org_unit_id, OLD.employment_type, coalesce(OLD.rank, '-'),
                   LEAST(GREATEST(floor(jp), 0), 40), -1
              FROM ledger_year_total WHERE user_id = OLD.id
            ON CONFLICT (year, org_unit_id, employment_type, rank, jp_floor) DO UPDATE SET persons = s.persons - 1;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.active AND NEW.employment_type IN ('PNS', 'PPPK') THEN
          INSERT INTO stat_staff AS s (org_unit_id, employment_type, rank, persons)
            VALUES (NEW.org_unit_id, NEW.employment_type, coalesce(NEW.rank, '-'), 1)
            ON CONFLICT (org_unit_id, employment_type, rank) DO UPDATE SET persons = s.persons + 1;
          IF TG_OP = 'UPDATE' THEN
            FOR t IN SELECT * FROM ledger_year_total WHERE user_id = NEW.id LOOP
              PERFORM stat_person_bump(NEW.id, t.year, t.jp, 1);
            END LOOP;
          END IF;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER app_user_stats AFTER INSERT OR UPDATE OR DELETE ON app_user
      FOR EACH ROW EXECUTE FUNCTION app_user_stats()`);
    // Rows that existed before this migration enter the summaries here.
    await rebuildSummaries(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'team_nudge',
      'report_export',
      'stat_jp_person',
      'stat_staff',
      'stat_jp_rank',
      'stat_jp_month',
      'ledger_year_total',
      'stat_open_due',
      'stat_course_year',
      'stat_enrolment_course',
      'stat_enrolment_org',
      'jp_target',
      'ledger_entry',
      'external_training_claim',
      'course_feedback',
      'completion_signal',
    ]) {
      await q.query(`DROP TABLE ${t}`);
    }
    await q.query(`DROP TRIGGER app_user_stats ON app_user`);
    await q.query(`DROP TRIGGER enrolment_stats ON enrolment`);
    await q.query(`DROP TRIGGER enrolment_snapshot ON enrolment`);
    await q.query(`DROP TRIGGER lesson_progress_started ON lesson_progress`);
    await q.query(`ALTER TABLE enrolment DROP COLUMN org_unit_id, DROP COLUMN employment_type,
      DROP COLUMN competency_type, DROP COLUMN due_at, DROP COLUMN started_at, DROP COLUMN passed_at`);
    await q.query(`ALTER TABLE course_version DROP COLUMN completion_rules`);
  }
}
