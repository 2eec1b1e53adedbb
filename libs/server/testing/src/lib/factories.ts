import { randomInt } from 'node:crypto';
import type { EmploymentType, OrgUnitKind, Role } from '@siantar/contracts';
import { composeNip } from '@siantar/util';
import type { DataSource } from 'typeorm';

export interface TestUnit {
  id: string;
  code: string;
  path: string;
}

let counter = 0;
const next = () => ++counter;

export async function createOrgUnit(
  db: DataSource,
  opts: { code?: string; name?: string; kind?: OrgUnitKind; parent?: TestUnit } = {},
): Promise<TestUnit> {
  const n = next();
  const code = opts.code ?? `UNIT-${n}`;
  const rows: { id: string }[] = await db.query(
    `INSERT INTO org_unit (code, name, kind, parent_id, path) VALUES ($1, $2, $3, $4, '') RETURNING id`,
    [
      code,
      opts.name ?? `Unit ${n}`,
      opts.kind ?? (opts.parent ? 'opd' : 'pemda'),
      opts.parent?.id ?? null,
    ],
  );
  const id = rows[0].id;
  const path = `${opts.parent?.path ?? '/'}${id}/`;
  await db.query(`UPDATE org_unit SET path = $2 WHERE id = $1`, [id, path]);
  return { id, code, path };
}

export interface TestUser {
  id: string;
  nip: string | null;
  email: string;
}

/** A unique valid PNS NIP per call. */
export function uniqueNip(): string {
  const n = next();
  const year = 1970 + (n % 30);
  return composeNip(
    `${year}-0${1 + (n % 9)}-1${n % 10}`,
    `${year + 25}-0${1 + (n % 9)}`,
    n % 2 ? 'male' : 'female',
    randomInt(1, 999),
  );
}

export async function createUser(
  db: DataSource,
  opts: {
    unit: TestUnit;
    roles?: Role[];
    passwordHash?: string | null;
    supervisorId?: string;
    adminScope?: TestUnit;
    employmentType?: EmploymentType;
    active?: boolean;
    email?: string;
    name?: string;
  },
): Promise<TestUser> {
  const n = next();
  const type = opts.employmentType ?? 'PNS';
  const nip = type === 'NON_ASN' ? null : uniqueNip();
  const email = opts.email ?? `user${n}.${Date.now()}@test.siantar`;
  const rows: { id: string }[] = await db.query(
    `INSERT INTO app_user (nip, name, email, position, rank, employment_type, org_unit_id, roles, supervisor_id,
                           admin_scope_id, password_hash, active)
     VALUES ($1, $2, $3, 'Pengadministrasi Umum', $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      nip,
      opts.name ?? `Pengguna Uji ${n}`,
      email,
      type === 'PNS' ? 'III/a' : null,
      type,
      opts.unit.id,
      opts.roles ?? ['learner'],
      opts.supervisorId ?? null,
      opts.adminScope?.id ?? null,
      opts.passwordHash ?? null,
      opts.active ?? true,
    ],
  );
  return { id: rows[0].id, nip, email };
}
