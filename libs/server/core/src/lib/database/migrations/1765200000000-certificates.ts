import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certificates (Surat Keterangan Pelatihan, Peraturan LAN 5/2020): templates per issuing
 * unit, a gapless register counter per issuer and year, the certificates themselves (one per
 * learner and course version, or per learner and webinar; what they state frozen in
 * `snapshot`), and the background zip exports of a course's certificates.
 */
export class Certificates1765200000000 implements MigrationInterface {
  name = 'Certificates1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE certificate_template (
        org_unit_id uuid PRIMARY KEY REFERENCES org_unit(id) ON DELETE CASCADE,
        title varchar(120) NOT NULL,
        intro_text varchar(300) NOT NULL,
        issuer_name varchar(200) NOT NULL,
        place varchar(80) NOT NULL,
        number_format varchar(80) NOT NULL,
        signatory_name varchar(150) NOT NULL,
        signatory_nip char(18) CHECK (signatory_nip ~ '^[0-9]{18}$'),
        signatory_position varchar(200) NOT NULL,
        logo_file_id uuid REFERENCES stored_file(id),
        signature_file_id uuid REFERENCES stored_file(id),
        updated_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // One row per issuer and register year; the issuing transaction increments it with
    // UPDATE … RETURNING, so the row lock serialises issuers' numbers and a rollback
    // gives the number back: no gaps, no duplicates.
    await q.query(`
      CREATE TABLE certificate_counter (
        issuer_org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        year smallint NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        last_seq integer NOT NULL DEFAULT 0 CHECK (last_seq >= 0),
        PRIMARY KEY (issuer_org_unit_id, year)
      )`);

    await q.query(`
      CREATE TABLE certificate (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        -- the public verification code: 160 random bits in base32 (a–z, 2–7)
        code varchar(32) NOT NULL UNIQUE CHECK (code ~ '^[a-z2-7]{32}$'),
        kind varchar(7) NOT NULL CHECK (kind IN ('course', 'webinar')),
        user_id uuid NOT NULL REFERENCES app_user(id),
        enrolment_id uuid REFERENCES enrolment(id),
        course_id uuid REFERENCES course(id),
        version_id uuid REFERENCES course_version(id),
        live_session_id uuid REFERENCES live_session(id),
        attendance_id uuid REFERENCES live_attendance(id),
        issuer_org_unit_id uuid NOT NULL REFERENCES org_unit(id),
        year smallint NOT NULL,
        seq integer NOT NULL CHECK (seq > 0),
        register_number varchar(120) NOT NULL,
        -- everything the PDF states (learner, programme, template), as of the last (re-)issue
        snapshot jsonb NOT NULL,
        status varchar(7) NOT NULL DEFAULT 'valid' CHECK (status IN ('valid', 'revoked')),
        issued_at timestamptz NOT NULL DEFAULT now(),
        reissue_count integer NOT NULL DEFAULT 0 CHECK (reissue_count >= 0),
        reissued_at timestamptz,
        reissued_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id) ON DELETE SET NULL,
        revoke_reason text,
        -- the rendered PDF of issue number rendered_revision (= reissue_count when current)
        file_id uuid REFERENCES stored_file(id),
        rendered_revision integer,
        -- what the CertificateSigner answered (null: not signed; see certificate-signer.ts)
        signature jsonb,
        FOREIGN KEY (issuer_org_unit_id, year) REFERENCES certificate_counter (issuer_org_unit_id, year),
        UNIQUE (issuer_org_unit_id, year, seq),
        CHECK (kind <> 'course' OR (enrolment_id IS NOT NULL AND course_id IS NOT NULL AND version_id IS NOT NULL
                                    AND live_session_id IS NULL)),
        CHECK (kind <> 'webinar' OR (live_session_id IS NOT NULL AND attendance_id IS NOT NULL
                                     AND enrolment_id IS NULL AND course_id IS NULL)),
        CHECK ((status = 'revoked') = (revoked_at IS NOT NULL)),
        CHECK (status <> 'revoked' OR revoke_reason IS NOT NULL)
      )`);
    // Issuing is idempotent: a retried or repeated job meets these and inserts nothing.
    await q.query(
      `CREATE UNIQUE INDEX certificate_course_once ON certificate (user_id, version_id) WHERE kind = 'course'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX certificate_webinar_once ON certificate (user_id, live_session_id) WHERE kind = 'webinar'`,
    );
    await q.query(`CREATE INDEX certificate_user_idx ON certificate (user_id, issued_at DESC)`);
    await q.query(
      `CREATE INDEX certificate_course_idx ON certificate (course_id, issued_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX certificate_issued_idx ON certificate (issued_at DESC, id DESC)`);
    await q.query(`CREATE INDEX certificate_enrolment_idx ON certificate (enrolment_id)`);

    await q.query(`
      CREATE TABLE certificate_export (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        requested_by uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        course_id uuid NOT NULL REFERENCES course(id),
        -- the requester's reach when asked (materialised path prefix; '/' = the whole city)
        scope_path text NOT NULL,
        status varchar(8) NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress smallint NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        done integer NOT NULL DEFAULT 0,
        total integer,
        file_id uuid REFERENCES stored_file(id),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(
      `CREATE INDEX certificate_export_requester_idx ON certificate_export (requested_by, created_at DESC)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE certificate_export`);
    await q.query(`DROP TABLE certificate`);
    await q.query(`DROP TABLE certificate_counter`);
    await q.query(`DROP TABLE certificate_template`);
  }
}
