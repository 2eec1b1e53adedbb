import { composeNip } from '@siantar/util';
import { dataSourceOptions, type EnvSchema } from '@siantar/server-core';
import { SEED_ENTITIES, seedDemoScormPackage } from '@siantar/server-catalog';
import { hashPassword } from '@siantar/server-identity';
import { seedEvaluationDemo } from './demo-evaluation';
import { seedLearningRecords } from './demo-learning-records';
import { seedLiveSessions } from './demo-live-sessions';
import { seedCourses } from './seed-courses';
import { DataSource, type EntityManager } from 'typeorm';
import {
  DEMO_ACCOUNTS,
  DEMO_PARTNER_STAFF,
  DEMO_STAFF,
  DEMO_UNITS,
  type DemoUser,
} from './demo-data';

export const DEMO_PASSWORD = 'siantar-demo';

async function upsertUnits(em: EntityManager): Promise<Map<string, { id: string; path: string }>> {
  const units = new Map<string, { id: string; path: string }>();
  for (const u of DEMO_UNITS) {
    const parent = u.parent ? units.get(u.parent) : undefined;
    const rows: { id: string }[] = await em.query(
      `INSERT INTO org_unit (code, name, kind, parent_id, path) VALUES ($1, $2, $3, $4, '')
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [u.code, u.name, u.kind, parent?.id ?? null],
    );
    const id = rows[0].id;
    const path = `${parent?.path ?? '/'}${id}/`;
    await em.query(`UPDATE org_unit SET path = $2 WHERE id = $1 AND path <> $2`, [id, path]);
    units.set(u.code, { id, path });
  }
  return units;
}

async function upsertUser(
  em: EntityManager,
  u: DemoUser,
  units: Map<string, { id: string }>,
  hash: string,
): Promise<void> {
  const nip = u.type === 'NON_ASN' ? null : composeNip(u.birth, u.appointed, u.sex, u.seq);
  const supervisor = u.supervisor
    ? (
        (await em.query(`SELECT id FROM app_user WHERE lower(email) = $1`, [u.supervisor])) as {
          id: string;
        }[]
      )[0]?.id
    : null;
  await em.query(
    `INSERT INTO app_user (nip, name, email, position, rank, employment_type, org_unit_id, roles,
                           supervisor_id, admin_scope_id, password_hash, password_changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now())
     ON CONFLICT ((lower(email))) DO UPDATE SET
       name = EXCLUDED.name, position = EXCLUDED.position, rank = EXCLUDED.rank,
       org_unit_id = EXCLUDED.org_unit_id, roles = EXCLUDED.roles, supervisor_id = EXCLUDED.supervisor_id,
       admin_scope_id = EXCLUDED.admin_scope_id, active = true, failed_login_count = 0, locked_until = NULL`,
    [
      nip,
      u.name,
      u.email,
      u.position,
      u.rank,
      u.type,
      units.get(u.unit)?.id,
      u.roles,
      supervisor ?? null,
      u.adminScope ? (units.get(u.adminScope)?.id ?? null) : null,
      hash,
    ],
  );
}

/**
 * A believable Pematangsiantar: the city, its OPDs and kecamatan, two partners,
 * three dozen people and three published demo courses. Safe to run again: it updates, never duplicates,
 * and it leaves passwords that people changed alone.
 */
export async function seedDemo(config: EnvSchema, log: (line: string) => void): Promise<void> {
  const ds = new DataSource(
    dataSourceOptions({ ...config, DATABASE_REPLICA_URLS: [] }, SEED_ENTITIES),
  );
  await ds.initialize();
  try {
    const hash = await hashPassword(DEMO_PASSWORD);
    await ds.transaction(async (em) => {
      const units = await upsertUnits(em);
      // Supervisors first, so their staff can point at them.
      const people = [...DEMO_ACCOUNTS, ...DEMO_STAFF, ...DEMO_PARTNER_STAFF].sort(
        (a, b) => Number(Boolean(a.supervisor)) - Number(Boolean(b.supervisor)),
      );
      for (const u of people) await upsertUser(em, u, units, hash);
      log(`seeded ${units.size} org units and ${people.length} users`);
    });
    // Each demo course is added once by its code, so a database seeded before a course
    // joined the demo gets it on the next start.
    const coursesMissing: unknown[] = await ds.query(`SELECT 1 FROM course WHERE code = 'PPBD-01'`);
    let packageId: string | null = null;
    if (coursesMissing.length === 0) {
      const [trainer] = await ds.query<{ id: string }[]>(
        `SELECT id FROM app_user WHERE email = 'pelatih@siantar.test'`,
      );
      packageId = await seedDemoScormPackage(ds, config, trainer?.id ?? null);
    }
    const created = await ds.transaction((em) => seedCourses(em, packageId));
    if (created > 0) log(`seeded ${created} demo courses`);
    const records = await ds.transaction((em) => seedLearningRecords(em));
    if (records > 0) log(`seeded ${records} learning-hours entries for the demo staff`);
    const evaluation = await ds.transaction((em) => seedEvaluationDemo(em));
    if (evaluation > 0) log(`seeded the evaluation demo (${evaluation} survey responses)`);
    const live = await ds.transaction((em) => seedLiveSessions(em));
    if (live > 0) log(`seeded ${live} demo webinars (one running now)`);
    // Demo accounts always answer to the documented password, even after someone changed it.
    await ds.query(`UPDATE app_user SET password_hash = $1 WHERE lower(email) = ANY($2)`, [
      hash,
      DEMO_ACCOUNTS.map((a) => a.email),
    ]);
  } finally {
    await ds.destroy();
  }
}
