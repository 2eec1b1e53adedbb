import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { QueueService } from '@siantar/server-core';
import { wibDate } from '@siantar/server-ledger';
import {
  createOrgUnit,
  createTestContext,
  createTestWorker,
  jobStubsExcept,
  type TestContext,
  type TestUnit,
  until,
} from '@siantar/server-testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CertificatesJobsModule } from '../certificates-jobs.module';
import { CertificateIssuer, nextSeq } from './certificate-issuer';

const LEARNERS = 200;
const year = Number(wibDate(new Date()).slice(0, 4));

/**
 * Register numbers under load: 200 learners complete one course at once and their 200
 * `certificates.issue` jobs run concurrently on two worker processes (as two machines would),
 * and then 400 direct issues race (each learner twice) — the numbers are exactly 1..N,
 * no gap, no duplicate, one certificate per learner and course version.
 */
describe('gapless register numbers under concurrency (real PostgreSQL + Redis, two workers)', () => {
  let ctx: TestContext;
  let workers: INestApplicationContext[] = [];
  let db: DataSource;
  let issuerUnit: TestUnit;

  beforeAll(async () => {
    ctx = await createTestContext({
      STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-cert-num-')),
      WORKER_CONCURRENCY: '25',
      DATABASE_POOL_SIZE: '12',
      PUBLIC_URL: 'https://belajar.test',
    });
    const modules = () => [
      CertificatesJobsModule,
      jobStubsExcept(
        'certificates.issue',
        'certificates.issue-webinar',
        'certificates.render',
        'certificates.export',
      ),
    ];
    workers = [
      await createTestWorker(ctx.config, modules()),
      await createTestWorker(ctx.config, modules()),
    ];
    db = workers[0].get<DataSource>(getDataSourceToken());
    const city = await createOrgUnit(db, { code: 'PEMKO' });
    issuerUnit = await createOrgUnit(db, { code: 'BKPSDM', parent: city });
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) await w.close();
    await ctx.cleanup();
  });

  /** A published course owned by the issuer, and `n` learners with completed enrolments in it. */
  async function completedCohort(code: string, cohort: number, n: number): Promise<string[]> {
    const [course] = await db.query<{ id: string }[]>(
      `INSERT INTO course (code, owner_org_unit_id) VALUES ($1, $2) RETURNING id`,
      [code, issuerUnit.id],
    );
    const [version] = await db.query<{ id: string }[]>(
      `INSERT INTO course_version (course_id, number, status, title, jp, published_at)
       VALUES ($1, 1, 'published', $2, 4, now()) RETURNING id`,
      [course.id, `Kursus ${code}`],
    );
    await db.query(`UPDATE course SET current_version_id = $2 WHERE id = $1`, [
      course.id,
      version.id,
    ]);
    const rows = await db.query<{ id: string }[]>(
      `WITH learners AS (
         INSERT INTO app_user (nip, name, email, position, rank, employment_type, org_unit_id, roles)
         SELECT lpad((199001010000000000 + $4::bigint * 1000 + i)::text, 18, '0'), 'Peserta ' || $3 || ' ' || i,
                lower($3) || i || '@test.siantar', 'Pengadministrasi Umum', 'II/c', 'PNS', $1, '{learner}'
           FROM generate_series(1, $5::int) AS i
         RETURNING id)
       INSERT INTO enrolment (course_id, version_id, user_id, status, source, enrolled_at, completed_at)
       SELECT $6, $2, id, 'completed', 'admin', now() - interval '3 days', now() FROM learners
       RETURNING id`,
      [issuerUnit.id, version.id, code, cohort, n, course.id],
    );
    return rows.map((r) => r.id);
  }

  const numbers = async () =>
    (
      await db.query<{ seq: number; register_number: string }[]>(
        `SELECT seq, register_number FROM certificate WHERE issuer_org_unit_id = $1 AND year = $2 ORDER BY seq`,
        [issuerUnit.id, year],
      )
    ).map((r) => r.seq);

  const oneToN = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  it(`gives 1..${LEARNERS} to ${LEARNERS} issue jobs run concurrently, then renders each PDF once`, async () => {
    const enrolments = await completedCohort('NUM-A', 1, LEARNERS);
    const queue = workers[0].get(QueueService);
    await Promise.all(
      enrolments.map((id) =>
        queue.enqueue('certificates.issue', { enrolmentId: id }, { jobId: `certificate-${id}` }),
      ),
    );
    await until(async () => (await numbers()).length === LEARNERS, 90_000);
    expect(await numbers()).toEqual(oneToN(LEARNERS));
    const [counter] = await db.query<{ last_seq: number }[]>(
      `SELECT last_seq FROM certificate_counter WHERE issuer_org_unit_id = $1 AND year = $2`,
      [issuerUnit.id, year],
    );
    expect(counter.last_seq).toBe(LEARNERS);
    const [first] = await db.query<{ register_number: string }[]>(
      `SELECT register_number FROM certificate WHERE issuer_org_unit_id = $1 AND seq = 1`,
      [issuerUnit.id],
    );
    expect(first.register_number).toBe(`0001/SKP/BKPSDM/${year}`);
    await until(async () => {
      const [{ n }] = await db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM certificate WHERE file_id IS NOT NULL AND rendered_revision = reissue_count`,
      );
      return n === LEARNERS;
    }, 120_000);
    const [{ files }] = await db.query<{ files: number }[]>(
      `SELECT count(*)::int AS files FROM stored_file WHERE storage_key LIKE 'certificates/%'`,
    );
    expect(files).toBe(LEARNERS);
  }, 240_000);

  it('keeps the register gapless when issues race for the same learners and a transaction fails after taking a number', async () => {
    const enrolments = await completedCohort('NUM-B', 2, LEARNERS);
    const issuer = workers[1].get(CertificateIssuer);
    // A transaction that takes a number and then fails gives it back with its rollback.
    await expect(
      db.transaction(async (em) => {
        await nextSeq(em, issuerUnit.id, year);
        throw new Error('failure after taking a number');
      }),
    ).rejects.toThrow('failure after taking a number');
    // Every learner twice at once: one issue wins, the other meets the unique index,
    // rolls its number back, and answers with the winner's certificate.
    const outcomes = await Promise.all(
      [...enrolments, ...enrolments].map((id) => issuer.issueForEnrolment(id)),
    );
    expect(outcomes.filter((o) => o.created)).toHaveLength(LEARNERS);
    const byEnrolment = new Map<string, Set<string>>();
    for (const [i, o] of outcomes.entries()) {
      const id = enrolments[i % LEARNERS];
      byEnrolment.set(id, (byEnrolment.get(id) ?? new Set()).add(o.certificateId));
    }
    expect([...byEnrolment.values()].every((ids) => ids.size === 1)).toBe(true);
    expect(await numbers()).toEqual(oneToN(2 * LEARNERS));
    // A retried job (a third issue) changes nothing.
    const again = await issuer.issueForEnrolment(enrolments[0]);
    expect(again.created).toBe(false);
    expect(await numbers()).toEqual(oneToN(2 * LEARNERS));
  }, 240_000);
});
