import { randomUUID } from 'node:crypto';
import type { CompetencyType, LearningRoute } from '@siantar/contracts';
import { appendLedgerCredit } from '@siantar/server-ledger';
import { createOrgUnit, createUser, type TestUnit } from '@siantar/server-testing';
import type { DataSource } from 'typeorm';

/**
 * A small city with hand-computable figures for 2025 (see the comments):
 * PEMKO (pemda) → Dinas Kesehatan (opd) → Bidang P2P (bidang); Dinas Pendidikan (opd).
 * Six ASN (four PNS, two PPPK), an inactive PNS, NON_ASN admins and a supervisor
 * (outside the JP population), two courses, eight enrolments and ledger credits.
 */
export interface ReportCity {
  city: TestUnit;
  dinkes: TestUnit;
  p2p: TestUnit;
  disdik: TestUnit;
  /** ani, budi (Bidang P2P, PNS III/a and IV/a); citra (Dinkes itself, PPPK). */
  ani: string;
  budi: string;
  citra: string;
  /** dedi (PNS III/a), eka (PPPK), fajar (PNS III/b): Dinas Pendidikan. */
  dedi: string;
  eka: string;
  fajar: string;
  nip: Record<'ani' | 'budi' | 'citra' | 'dedi' | 'eka' | 'fajar', string>;
  cityAdmin: string;
  /** Admin whose reach is Dinas Pendidikan. */
  disdikAdmin: string;
  /** Supervisor of ani and budi. */
  supervisor: string;
  learner: string;
  /** K-TEK (teknis, no deadline) and K-MAN (manajerial, deadline 30 June 2025). */
  tek: string;
  man: string;
}

async function course(
  db: DataSource,
  owner: TestUnit,
  code: string,
  title: string,
  competency: CompetencyType,
  deadline: string | null,
): Promise<string> {
  const [c] = await db.query<{ id: string }[]>(
    `INSERT INTO course (code, owner_org_unit_id) VALUES ($1, $2) RETURNING id`,
    [code, owner.id],
  );
  const [v] = await db.query<{ id: string }[]>(
    `INSERT INTO course_version (course_id, number, status, title, competency_type, jp, completion_deadline, published_at)
     VALUES ($1, 1, 'published', $2, $3, 10, $4, now()) RETURNING id`,
    [c.id, title, competency, deadline],
  );
  await db.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [c.id, v.id]);
  return c.id;
}

async function enrol(
  db: DataSource,
  courseId: string,
  userId: string,
  e: {
    enrolledAt: string;
    startedAt?: string;
    completedAt?: string;
    withdrawnAt?: string;
  },
): Promise<void> {
  const status = e.completedAt ? 'completed' : e.withdrawnAt ? 'withdrawn' : 'active';
  await db.query(
    `INSERT INTO enrolment (course_id, version_id, user_id, source, status, enrolled_at, started_at,
                            completed_at, passed_at, withdrawn_at)
     SELECT id, current_version_id, $2, 'admin', $3, $4, $5, $6, $6, $7 FROM course WHERE id = $1`,
    [
      courseId,
      userId,
      status,
      e.enrolledAt,
      e.startedAt ?? null,
      e.completedAt ?? null,
      e.withdrawnAt ?? null,
    ],
  );
}

export async function credit(
  db: DataSource,
  userId: string,
  entryDate: string,
  jp: number,
  competencyType: CompetencyType,
  route: LearningRoute,
  title = `Pelatihan ${entryDate}`,
): Promise<void> {
  await appendLedgerCredit(db.manager, {
    userId,
    entryDate,
    source: 'external',
    sourceRef: randomUUID(),
    title,
    provider: 'BPSDM Provinsi',
    trainingType: 'pelatihan teknis',
    route,
    competencyType,
    jp,
    startDate: entryDate,
    endDate: entryDate,
    certificateNumber: `SK-${entryDate}`,
  });
}

export async function buildReportCity(db: DataSource): Promise<ReportCity> {
  const city = await createOrgUnit(db, { name: 'Pemerintah Kota Uji' });
  const dinkes = await createOrgUnit(db, { name: 'Dinas Kesehatan', parent: city });
  const p2p = await createOrgUnit(db, { name: 'Bidang P2P', kind: 'bidang', parent: dinkes });
  const disdik = await createOrgUnit(db, { name: 'Dinas Pendidikan', parent: city });

  const person = async (
    name: string,
    unit: TestUnit,
    type: 'PNS' | 'PPPK',
    rank: string | null,
  ) => {
    const u = await createUser(db, { unit, name, employmentType: type });
    await db.query(`UPDATE app_user SET rank = $2 WHERE id = $1`, [u.id, rank]);
    return u;
  };
  const ani = await person('Ani Lestari', p2p, 'PNS', 'III/a');
  const budi = await person('Budi Santoso', p2p, 'PNS', 'IV/a');
  const citra = await person('Citra Dewi', dinkes, 'PPPK', null);
  const dedi = await person('Dedi Kurniawan', disdik, 'PNS', 'III/a');
  const eka = await person('Eka Putri', disdik, 'PPPK', null);
  const fajar = await person('Fajar Hidayat', disdik, 'PNS', 'III/b');
  await createUser(db, { unit: disdik, name: 'Gani Nonaktif', active: false });

  const staff = { unit: city, employmentType: 'NON_ASN' as const };
  const cityAdmin = await createUser(db, { ...staff, roles: ['admin'], adminScope: city });
  const disdikAdmin = await createUser(db, { ...staff, roles: ['admin'], adminScope: disdik });
  const supervisor = await createUser(db, { ...staff, name: 'Siti Atasan', roles: ['supervisor'] });
  const learner = await createUser(db, { ...staff, roles: ['learner'] });
  await db.query(`UPDATE app_user SET supervisor_id = $1 WHERE id = ANY($2::uuid[])`, [
    supervisor.id,
    [ani.id, budi.id],
  ]);

  const tek = await course(db, city, 'K-TEK', 'Kursus Teknis', 'teknis', null);
  const man = await course(
    db,
    city,
    'K-MAN',
    'Kursus Manajerial',
    'manajerial',
    '2025-06-30T16:59:59Z',
  );

  // 2025, Asia/Jakarta months: enrolled Jan 1, Feb 1, Mar 5 (7); started Jan 2, Feb 1, Mar 1;
  // completed = passed Feb 1, May 1; withdrawn Apr 1. Overdue today: budi/K-MAN, dedi/K-MAN.
  await enrol(db, tek, ani.id, {
    enrolledAt: '2025-01-10T03:00:00Z',
    startedAt: '2025-01-11T03:00:00Z',
    completedAt: '2025-02-01T18:00:00Z', // 2 February 01:00 WIB
  });
  await enrol(db, tek, budi.id, {
    enrolledAt: '2025-01-31T20:00:00Z', // 1 February 03:00 WIB
    startedAt: '2025-02-03T03:00:00Z',
  });
  await enrol(db, man, budi.id, { enrolledAt: '2025-03-05T03:00:00Z' });
  await enrol(db, man, citra.id, {
    enrolledAt: '2025-03-06T03:00:00Z',
    withdrawnAt: '2025-04-01T03:00:00Z',
  });
  await enrol(db, tek, dedi.id, { enrolledAt: '2025-03-10T03:00:00Z' });
  await enrol(db, man, dedi.id, { enrolledAt: '2025-03-11T03:00:00Z' });
  await enrol(db, man, eka.id, {
    enrolledAt: '2025-03-12T03:00:00Z',
    startedAt: '2025-03-13T03:00:00Z',
    completedAt: '2025-05-20T03:00:00Z',
  });
  await enrol(db, tek, fajar.id, {
    enrolledAt: '2024-12-20T03:00:00Z',
    startedAt: '2025-01-05T03:00:00Z',
  });

  // JP 2025: ani 22, budi 5, citra 22, dedi 0, eka 30, fajar 19.5 (98.5 in all).
  await credit(db, ani.id, '2025-03-15', 12, 'teknis', 'klasikal');
  await credit(db, ani.id, '2025-04-20', 10, 'manajerial', 'nonklasikal');
  await credit(db, budi.id, '2025-03-20', 5, 'teknis', 'nonklasikal');
  await credit(db, budi.id, '2024-11-01', 8, 'teknis', 'klasikal');
  await credit(db, citra.id, '2025-05-02', 22, 'sosial-kultural', 'klasikal');
  await credit(db, eka.id, '2025-06-10', 30, 'teknis', 'klasikal');
  await credit(db, fajar.id, '2025-07-01', 19.5, 'manajerial', 'nonklasikal');

  return {
    city,
    dinkes,
    p2p,
    disdik,
    ani: ani.id,
    budi: budi.id,
    citra: citra.id,
    dedi: dedi.id,
    eka: eka.id,
    fajar: fajar.id,
    nip: {
      ani: ani.nip as string,
      budi: budi.nip as string,
      citra: citra.nip as string,
      dedi: dedi.nip as string,
      eka: eka.nip as string,
      fajar: fajar.nip as string,
    },
    cityAdmin: cityAdmin.id,
    disdikAdmin: disdikAdmin.id,
    supervisor: supervisor.id,
    learner: learner.id,
    tek,
    man,
  };
}
