import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The built-in survey template: Likert items per dimension, then two open questions. */
const DEFAULT_ITEMS: { kind: 'likert' | 'text'; dimension: string | null; text: string }[] = [
  {
    kind: 'likert',
    dimension: 'content',
    text: 'Materi pelatihan sesuai dengan tujuan yang disampaikan.',
  },
  { kind: 'likert', dimension: 'content', text: 'Materi tersusun runtut dan mudah dipahami.' },
  { kind: 'likert', dimension: 'trainer', text: 'Pengajar/fasilitator menguasai materi.' },
  {
    kind: 'likert',
    dimension: 'trainer',
    text: 'Pengajar/fasilitator menjawab pertanyaan peserta dengan jelas.',
  },
  {
    kind: 'likert',
    dimension: 'method',
    text: 'Metode pembelajaran (diskusi, latihan, studi kasus) membantu saya memahami materi.',
  },
  {
    kind: 'likert',
    dimension: 'relevance',
    text: 'Materi relevan dengan tugas dan pekerjaan saya sehari-hari.',
  },
  {
    kind: 'likert',
    dimension: 'relevance',
    text: 'Saya dapat menerapkan hasil pelatihan ini di unit kerja saya.',
  },
  {
    kind: 'likert',
    dimension: 'organisation',
    text: 'Penyelenggaraan pelatihan (jadwal, aplikasi, dukungan panitia) berjalan baik.',
  },
  { kind: 'text', dimension: null, text: 'Apa yang paling bermanfaat dari pelatihan ini?' },
  { kind: 'text', dimension: null, text: 'Saran perbaikan untuk pelatihan berikutnya.' },
];

/**
 * Evaluation (issue 9), levels 1, 2 and 4. Level 1: feedback survey templates (Likert items
 * by dimension and open questions), each course's and live session's survey settings, and
 * the responses with their answers — the course survey replaces the placeholder
 * `course_feedback` table, whose rows move onto the built-in template. Level 4: the unit
 * indicators a programme targets and their values before and after, per OPD. (Level 2 reads
 * the assessment tables; level 3 has its own migration.)
 */
export class Evaluation1765300000000 implements MigrationInterface {
  name = 'Evaluation1765300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE survey_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        description text NOT NULL DEFAULT '',
        built_in boolean NOT NULL DEFAULT false,
        -- the admin scope that made it; admins whose reach holds it may change it
        owner_org_unit_id uuid REFERENCES org_unit(id),
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (built_in OR owner_org_unit_id IS NOT NULL)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX survey_template_one_built_in ON survey_template (built_in) WHERE built_in`,
    );
    // An answered item is never deleted: removing it from the template retires it, so
    // results keep its text and dimension.
    await q.query(`
      CREATE TABLE survey_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES survey_template(id) ON DELETE CASCADE,
        position integer NOT NULL,
        kind varchar(6) NOT NULL CHECK (kind IN ('likert', 'text')),
        dimension varchar(12)
          CHECK (dimension IN ('content', 'trainer', 'method', 'relevance', 'organisation')),
        text varchar(500) NOT NULL,
        required boolean NOT NULL,
        retired_at timestamptz,
        CHECK ((kind = 'likert') = (dimension IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX survey_item_template_idx ON survey_item (template_id, position)`);

    // No row: the built-in template, not required, threshold 5, no individual view.
    await q.query(`
      CREATE TABLE course_survey (
        course_id uuid PRIMARY KEY REFERENCES course(id) ON DELETE CASCADE,
        template_id uuid NOT NULL REFERENCES survey_template(id),
        required boolean NOT NULL DEFAULT false,
        anonymity_threshold integer NOT NULL DEFAULT 5 CHECK (anonymity_threshold BETWEEN 3 AND 100),
        individual_visible_to_admins boolean NOT NULL DEFAULT false,
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE live_session_survey (
        session_id uuid PRIMARY KEY REFERENCES live_session(id) ON DELETE CASCADE,
        template_id uuid NOT NULL REFERENCES survey_template(id),
        anonymity_threshold integer NOT NULL DEFAULT 5 CHECK (anonymity_threshold BETWEEN 3 AND 100),
        individual_visible_to_admins boolean NOT NULL DEFAULT false,
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // One response per enrolment (course survey) or per person and session (session survey).
    await q.query(`
      CREATE TABLE survey_response (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        template_id uuid NOT NULL REFERENCES survey_template(id),
        course_id uuid REFERENCES course(id) ON DELETE CASCADE,
        enrolment_id uuid REFERENCES enrolment(id) ON DELETE CASCADE,
        session_id uuid REFERENCES live_session(id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        -- the respondent's unit when they answered
        org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        -- the policy the respondent was told when answering: admins may read this response
        -- (while the survey's policy still allows it); a later change never exposes it
        admins_may_see boolean NOT NULL DEFAULT false,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((enrolment_id IS NOT NULL AND course_id IS NOT NULL AND session_id IS NULL)
            OR (session_id IS NOT NULL AND enrolment_id IS NULL AND course_id IS NULL))
      )`);
    await q.query(
      `CREATE UNIQUE INDEX survey_response_one_per_enrolment ON survey_response (enrolment_id) WHERE enrolment_id IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX survey_response_one_per_attendee ON survey_response (session_id, user_id) WHERE session_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX survey_response_course_idx ON survey_response (course_id, submitted_at) WHERE course_id IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX survey_response_session_idx ON survey_response (session_id, submitted_at) WHERE session_id IS NOT NULL`,
    );
    await q.query(`
      CREATE TABLE survey_answer (
        response_id uuid NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
        item_id uuid NOT NULL REFERENCES survey_item(id),
        score smallint CHECK (score BETWEEN 1 AND 5),
        text text CHECK (length(text) BETWEEN 1 AND 2000),
        PRIMARY KEY (response_id, item_id),
        CHECK ((score IS NULL) <> (text IS NULL))
      )`);
    await q.query(`CREATE INDEX survey_answer_item_idx ON survey_answer (item_id)`);

    const [{ id: templateId }]: { id: string }[] = await q.query(
      `INSERT INTO survey_template (name, description, built_in)
       VALUES ('Survei reaksi peserta (bawaan)', $1, true) RETURNING id`,
      [
        'Survei standar akhir pelatihan: materi, pengajar, metode, relevansi dengan pekerjaan dan penyelenggaraan (skala 1 = sangat tidak setuju sampai 5 = sangat setuju), ditambah dua pertanyaan terbuka.',
      ],
    );
    for (const [i, item] of DEFAULT_ITEMS.entries())
      await q.query(
        `INSERT INTO survey_item (template_id, position, kind, dimension, text, required)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [templateId, i + 1, item.kind, item.dimension, item.text, item.kind === 'likert'],
      );

    // The placeholder's responses move onto the built-in template: each rating answers the
    // first item of its dimension, the comment answers the last open question.
    await q.query(
      `INSERT INTO survey_response (id, template_id, course_id, enrolment_id, user_id, org_unit_id, submitted_at)
       SELECT gen_random_uuid(), $1, e.course_id, e.id, e.user_id, coalesce(e.org_unit_id, u.org_unit_id), f.submitted_at
         FROM course_feedback f JOIN enrolment e ON e.id = f.enrolment_id JOIN app_user u ON u.id = e.user_id`,
      [templateId],
    );
    await q.query(
      `INSERT INTO survey_answer (response_id, item_id, score)
       SELECT r.id, i.id, (f.ratings->>i.dimension)::smallint
         FROM course_feedback f JOIN survey_response r ON r.enrolment_id = f.enrolment_id
         JOIN LATERAL (SELECT DISTINCT ON (dimension) id, dimension FROM survey_item
                        WHERE template_id = $1 AND kind = 'likert' ORDER BY dimension, position) i ON true
        WHERE (f.ratings->>i.dimension) ~ '^[1-5]$'`,
      [templateId],
    );
    await q.query(
      `INSERT INTO survey_answer (response_id, item_id, text)
       SELECT r.id, (SELECT id FROM survey_item WHERE template_id = $1 AND kind = 'text' ORDER BY position DESC LIMIT 1),
              left(btrim(f.comment), 2000)
         FROM course_feedback f JOIN survey_response r ON r.enrolment_id = f.enrolment_id
        WHERE btrim(f.comment) <> ''`,
      [templateId],
    );
    await q.query(`DROP TABLE course_feedback`);

    // ---- level 4: unit indicators ---------------------------------------------------
    await q.query(`
      CREATE TABLE evaluation_indicator (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        course_id uuid NOT NULL REFERENCES course(id) ON DELETE CASCADE,
        name varchar(200) NOT NULL,
        unit varchar(40) NOT NULL,
        direction varchar(16) NOT NULL CHECK (direction IN ('lower-is-better', 'higher-is-better')),
        description text NOT NULL DEFAULT '',
        created_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE INDEX evaluation_indicator_course_idx ON evaluation_indicator (course_id, created_at)`,
    );
    await q.query(`
      CREATE TABLE evaluation_indicator_value (
        indicator_id uuid NOT NULL REFERENCES evaluation_indicator(id) ON DELETE CASCADE,
        org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        before_value numeric(16,4) NOT NULL,
        after_value numeric(16,4),
        measured_before date NOT NULL,
        measured_after date,
        note text NOT NULL DEFAULT '',
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (indicator_id, org_unit_id),
        CHECK ((after_value IS NULL) = (measured_after IS NULL)),
        CHECK (measured_after IS NULL OR measured_after >= measured_before)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE evaluation_indicator_value`);
    await q.query(`DROP TABLE evaluation_indicator`);
    await q.query(`
      CREATE TABLE course_feedback (
        enrolment_id uuid PRIMARY KEY REFERENCES enrolment(id) ON DELETE CASCADE,
        ratings jsonb NOT NULL,
        comment text NOT NULL DEFAULT '',
        submitted_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Course responses go back as the placeholder kept them: the mean score per dimension
    // (rounded), the open answers joined.
    await q.query(`
      INSERT INTO course_feedback (enrolment_id, ratings, comment, submitted_at)
      SELECT r.enrolment_id,
             coalesce((SELECT jsonb_object_agg(d.dimension, d.score) FROM (
                SELECT i.dimension, round(avg(a.score))::int AS score
                  FROM survey_answer a JOIN survey_item i ON i.id = a.item_id
                 WHERE a.response_id = r.id AND a.score IS NOT NULL GROUP BY i.dimension) d), '{}'),
             coalesce((SELECT string_agg(a.text, E'\\n\\n') FROM survey_answer a
                        WHERE a.response_id = r.id AND a.text IS NOT NULL), ''),
             r.submitted_at
        FROM survey_response r WHERE r.enrolment_id IS NOT NULL`);
    for (const t of [
      'survey_answer',
      'survey_response',
      'live_session_survey',
      'course_survey',
      'survey_item',
      'survey_template',
    ])
      await q.query(`DROP TABLE ${t}`);
  }
}
