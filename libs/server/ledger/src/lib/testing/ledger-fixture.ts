import type { ExternalTrainingFields } from '@siantar/contracts';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  type TestUser,
} from '@siantar/server-testing';
import request from 'supertest';
import { appendLedgerCredit } from '../entries/append-entry';
import { LedgerModule } from '../ledger.module';
import { wibDate } from '../wib-date';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A city with two OPDs: admins at both levels, a supervisor and their team in OPD A, one person in OPD B. */
export interface LedgerWorld {
  ctx: TestContext;
  t: TestApp;
  users: Record<
    | 'cityAdmin'
    | 'adminA'
    | 'adminB'
    | 'supervisor'
    | 'pns'
    | 'pppk'
    | 'otherSupervisor'
    | 'outsider'
    | 'partner',
    TestUser & { token: string }
  >;
  close(): Promise<void>;
}

export async function createLedgerWorld(): Promise<LedgerWorld> {
  const ctx = await createTestContext();
  const t = await createTestApp(ctx.config, [IdentityModule, LedgerModule]);
  const city = await createOrgUnit(t.db, { code: 'PEMKO', name: 'Pemerintah Kota' });
  const opdA = await createOrgUnit(t.db, { code: 'DINKES', name: 'Dinas Kesehatan', parent: city });
  const opdB = await createOrgUnit(t.db, {
    code: 'DISDIK',
    name: 'Dinas Pendidikan',
    parent: city,
  });
  const mitra = await createOrgUnit(t.db, { code: 'MITRA', kind: 'mitra', parent: city });
  const withToken = async (u: TestUser) => ({ ...u, token: await t.tokenFor(u.id) });
  const cityAdmin = await withToken(
    await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city, name: 'Admin Kota' }),
  );
  const adminA = await withToken(
    await createUser(t.db, {
      unit: opdA,
      roles: ['admin'],
      adminScope: opdA,
      name: 'Admin Dinkes',
    }),
  );
  const adminB = await withToken(
    await createUser(t.db, {
      unit: opdB,
      roles: ['admin'],
      adminScope: opdB,
      name: 'Admin Disdik',
    }),
  );
  const supervisor = await withToken(
    await createUser(t.db, { unit: opdA, roles: ['learner', 'supervisor'], name: 'Atasan Dinkes' }),
  );
  const otherSupervisor = await withToken(
    await createUser(t.db, { unit: opdA, roles: ['learner', 'supervisor'], name: 'Atasan Lain' }),
  );
  const pns = await withToken(
    await createUser(t.db, { unit: opdA, supervisorId: supervisor.id, name: 'Budi Santoso' }),
  );
  const pppk = await withToken(
    await createUser(t.db, {
      unit: opdA,
      supervisorId: supervisor.id,
      employmentType: 'PPPK',
      name: 'Sari Dewi',
    }),
  );
  const outsider = await withToken(
    await createUser(t.db, { unit: opdB, supervisorId: otherSupervisor.id, name: 'Rina Disdik' }),
  );
  const partner = await withToken(
    await createUser(t.db, {
      unit: mitra,
      roles: ['partner'],
      employmentType: 'NON_ASN',
      name: 'Mitra Kampus',
    }),
  );
  return {
    ctx,
    t,
    users: { cityAdmin, adminA, adminB, supervisor, pns, pppk, otherSupervisor, outsider, partner },
    close: async () => {
      await t.close();
      await ctx.cleanup();
    },
  };
}

/** A plausible external training that ended `daysAgo` days before today (WIB). */
export function training(overrides: Partial<ExternalTrainingFields> = {}): ExternalTrainingFields {
  const end = wibDate(new Date(Date.now() - 10 * 86400000));
  return {
    title: 'Bimbingan Teknis Pengadaan Barang/Jasa',
    provider: 'LKPP',
    route: 'klasikal',
    trainingType: 'bimbingan teknis',
    competencyType: 'teknis',
    startDate: end,
    endDate: end,
    jp: 8,
    certificateNumber: 'LKPP/2025/001',
    ...overrides,
  };
}

let ref = 0;
/** A course credit written straight through appendLedgerCredit, as completion does. */
export async function credit(
  t: TestApp,
  userId: string,
  entryDate: string,
  jp: number,
  extra: Partial<Parameters<typeof appendLedgerCredit>[1]> = {},
): Promise<string> {
  ref += 1;
  const id = await appendLedgerCredit(t.db.manager, {
    userId,
    entryDate,
    source: 'course',
    sourceRef: `00000000-0000-4000-8000-${String(ref).padStart(12, '0')}`,
    title: `Kursus Daring ${ref}`,
    provider: 'BKPSDM Kota',
    trainingType: 'e-learning',
    route: 'nonklasikal',
    competencyType: 'manajerial',
    jp,
    startDate: entryDate,
    endDate: entryDate,
    ...extra,
  });
  if (!id) throw new Error('credit not written');
  return id;
}

/** Uploads a small PDF as evidence and returns its id. */
export async function uploadEvidence(t: TestApp, token: string): Promise<string> {
  const res = await request(t.http)
    .post('/api/v1/me/training-claims/evidence')
    .set(auth(token))
    .attach('file', Buffer.from('%PDF-1.4\n% sertifikat\n'), 'sertifikat.pdf')
    .expect(201);
  return (res.body as { fileId: string }).fileId;
}

/** ledger_year_total equals the sum of the entries, for every person and year (SQL). */
export async function totalsMismatches(t: TestApp): Promise<unknown[]> {
  return t.db.query(
    `SELECT coalesce(t.user_id, s.user_id) AS user_id, coalesce(t.year, s.year) AS year, t.jp, s.jp AS sum
       FROM ledger_year_total t
       FULL JOIN (SELECT user_id, year, sum(jp) AS jp FROM ledger_entry GROUP BY user_id, year) s
         ON s.user_id = t.user_id AND s.year = t.year
      WHERE t.jp IS DISTINCT FROM s.jp`,
  );
}
