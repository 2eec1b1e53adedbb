import type { CompetencyType } from '@siantar/contracts';
import { appendLedgerCredit } from '@siantar/server-ledger';
import type { EntityManager } from 'typeorm';
import { DEMO_STAFF } from './demo-data';

const EXTERNAL: {
  title: string;
  provider: string;
  type: string;
  klasikal: boolean;
  competency: CompetencyType;
}[] = [
  {
    title: 'Bimbingan Teknis Pelayanan Administrasi Kependudukan',
    provider: 'Ditjen Dukcapil Kemendagri',
    type: 'bimbingan teknis',
    klasikal: true,
    competency: 'teknis',
  },
  {
    title: 'Seminar Transformasi Digital Pelayanan Publik',
    provider: 'Diskominfo Provinsi Sumatera Utara',
    type: 'seminar',
    klasikal: true,
    competency: 'teknis',
  },
  {
    title: 'Coaching Kepemimpinan Pelayanan',
    provider: 'BKPSDM Kota Pematangsiantar',
    type: 'coaching',
    klasikal: false,
    competency: 'manajerial',
  },
  {
    title: 'Workshop Komunikasi dengan Warga',
    provider: 'Universitas Simalungun',
    type: 'workshop',
    klasikal: true,
    competency: 'sosial-kultural',
  },
  {
    title: 'E-learning Etika ASN',
    provider: 'LAN RI',
    type: 'e-learning',
    klasikal: false,
    competency: 'sosial-kultural',
  },
];

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A year and a half of learning records for the thirty demo staff, so that the
 * dashboards, the team view and the exports have something to show: enrolments in
 * the two short courses (some completed, with their JP credited), and external
 * trainings in the ledger, this year and last. Deterministic, and written once.
 * The demo accounts get nothing, so the browser journeys start from a clean slate.
 */
export async function seedLearningRecords(em: EntityManager, now = new Date()): Promise<number> {
  const done: unknown[] = await em.query(`SELECT 1 FROM ledger_entry LIMIT 1`);
  if (done.length > 0) return 0;
  const courses: {
    id: string;
    version_id: string;
    title: string;
    jp: string;
    competency_type: CompetencyType;
    provider: string;
  }[] = await em.query(
    `SELECT c.id, v.id AS version_id, v.title, v.jp, v.competency_type, o.name AS provider
         FROM course c JOIN course_version v ON v.id = c.current_version_id JOIN org_unit o ON o.id = c.owner_org_unit_id
        WHERE c.code IN ('PRIMA-01', 'MAP-01') ORDER BY c.code`,
  );
  const people: { id: string }[] = await em.query(
    `SELECT id FROM app_user WHERE lower(email) = ANY($1) ORDER BY email`,
    [DEMO_STAFF.map((s) => s.email.toLowerCase())],
  );
  const [admin] = await em.query<{ id: string }[]>(
    `SELECT id FROM app_user WHERE email = 'admin@siantar.test'`,
  );
  const year = now.getUTCFullYear();
  const monthsSoFar = now.getUTCMonth() + 1;
  let written = 0;
  for (const [i, person] of people.entries()) {
    for (const [k, c] of courses.entries()) {
      const month = (i + k * 3) % monthsSoFar;
      const enrolledAt = new Date(Date.UTC(year, month, 2 + ((i * 3) % 20), 2));
      if (enrolledAt > now || (i + k) % 4 === 3) continue;
      const state = (i + k) % 4; // 0 completed, 1 started, 2 enrolled only
      const completedAt =
        state === 0
          ? new Date(Math.min(now.getTime(), enrolledAt.getTime() + 12 * 86_400_000))
          : null;
      const [e] = await em.query<{ id: string }[]>(
        `INSERT INTO enrolment (course_id, version_id, user_id, source, status, enrolled_at, started_at, completed_at, passed_at)
         VALUES ($1, $2, $3, 'admin', $4, $5, $6, $7, $7) RETURNING id`,
        [
          c.id,
          c.version_id,
          person.id,
          completedAt ? 'completed' : 'active',
          enrolledAt,
          state < 2 ? enrolledAt : null,
          completedAt,
        ],
      );
      if (completedAt) {
        await appendLedgerCredit(em, {
          userId: person.id,
          entryDate: day(completedAt),
          source: 'course',
          sourceRef: e.id,
          title: c.title,
          provider: c.provider,
          trainingType: 'e-learning',
          route: 'nonklasikal',
          competencyType: c.competency_type,
          jp: Number(c.jp),
          startDate: day(enrolledAt),
          endDate: day(completedAt),
        });
        written++;
      }
    }
    // External trainings: one last year for most, one this year for every other person.
    for (const [y, every] of [
      [year - 1, 1],
      [year, 2],
    ] as const) {
      if (i % every !== 0) continue;
      const t = EXTERNAL[(i + y) % EXTERNAL.length];
      const month = y === year ? i % monthsSoFar : i % 12;
      const end = new Date(Date.UTC(y, month, 10 + (i % 15)));
      if (end > now) continue;
      const [claim] = await em.query<{ id: string }[]>(
        `INSERT INTO external_training_claim (user_id, submitted_by, title, provider, training_type, route, competency_type,
                start_date, end_date, jp, status, decided_by, decided_at)
         VALUES ($1, $9, $2, $3, $4, $5, $6, $7, $7, $8, 'approved', $9, now()) RETURNING id`,
        [
          person.id,
          t.title,
          t.provider,
          t.type,
          t.klasikal ? 'klasikal' : 'nonklasikal',
          t.competency,
          day(end),
          4 + ((i * 5) % 17),
          admin?.id ?? person.id,
        ],
      );
      await appendLedgerCredit(em, {
        userId: person.id,
        entryDate: day(end),
        source: 'external',
        sourceRef: claim.id,
        title: t.title,
        provider: t.provider,
        trainingType: t.type,
        route: t.klasikal ? 'klasikal' : 'nonklasikal',
        competencyType: t.competency,
        jp: 4 + ((i * 5) % 17),
        startDate: day(end),
        endDate: day(end),
      });
      written++;
    }
  }
  return written;
}
