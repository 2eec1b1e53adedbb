import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764300000000 implements MigrationInterface {
  name = 'Identity1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL UNIQUE,
        name varchar(200) NOT NULL,
        kind varchar(10) NOT NULL CHECK (kind IN ('pemda', 'opd', 'bidang', 'mitra')),
        parent_id uuid REFERENCES org_unit(id) ON DELETE RESTRICT,
        -- materialised path of ids, '/root/child/self/', so a subtree is one prefix scan
        path text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX org_unit_path_idx ON org_unit (path text_pattern_ops)`);
    await q.query(`CREATE INDEX org_unit_parent_idx ON org_unit (parent_id)`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        nip char(18) UNIQUE CHECK (nip ~ '^[0-9]{18}$'),
        name varchar(150) NOT NULL,
        email varchar(254) NOT NULL,
        phone varchar(20),
        position varchar(150) NOT NULL,
        rank varchar(6),
        employment_type varchar(7) NOT NULL CHECK (employment_type IN ('PNS', 'PPPK', 'NON_ASN')),
        org_unit_id uuid NOT NULL REFERENCES org_unit(id) ON DELETE RESTRICT,
        roles text[] NOT NULL CHECK (
          cardinality(roles) > 0
          AND roles <@ ARRAY['learner', 'trainer', 'admin', 'supervisor', 'partner']::text[]
        ),
        supervisor_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        admin_scope_id uuid REFERENCES org_unit(id) ON DELETE SET NULL,
        language varchar(2) NOT NULL DEFAULT 'id' CHECK (language IN ('id', 'en')),
        password_hash text,
        password_changed_at timestamptz,
        active boolean NOT NULL DEFAULT true,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (supervisor_id IS NULL OR supervisor_id <> id),
        CHECK (nip IS NOT NULL OR employment_type = 'NON_ASN')
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_email_uq ON app_user (lower(email))`);
    await q.query(`CREATE INDEX app_user_org_unit_idx ON app_user (org_unit_id)`);
    await q.query(`CREATE INDEX app_user_supervisor_idx ON app_user (supervisor_id)`);
    await q.query(`CREATE INDEX app_user_name_idx ON app_user (lower(name) text_pattern_ops)`);

    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        user_agent varchar(300),
        ip varchar(64)
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`CREATE INDEX refresh_token_user_idx ON refresh_token (user_id)`);

    await q.query(`
      CREATE TABLE password_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX password_token_user_idx ON password_token (user_id)`);

    // One row per message that left for SMTP, keyed by its business key, so a retried job never sends twice.
    await q.query(`
      CREATE TABLE sent_mail (
        key varchar(200) PRIMARY KEY,
        user_id uuid REFERENCES app_user(id) ON DELETE SET NULL,
        message_id varchar(300),
        sent_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sent_mail`);
    await q.query(`DROP TABLE password_token`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE org_unit`);
  }
}
