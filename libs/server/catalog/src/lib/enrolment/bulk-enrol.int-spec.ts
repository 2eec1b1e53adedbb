import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { type BulkEnrolResponse, type CourseLearnerRow, JOB_NAMES } from '@siantar/contracts';
import { IdentityJobsModule, IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  jobStubsExcept,
  createUser,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import request from 'supertest';
import { CatalogJobsModule } from '../catalog-jobs.module';
import { CatalogModule } from '../catalog.module';
import { publishCourse } from '../testing/course-fixture';
import { BulkEnrolHandler } from './bulk-enrol.job';

describe('bulk enrolment in the worker (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin = '';
  let courseId = '';
  let dukcapilId = '';
  const staff: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-store-')) });
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule]);
    worker = await createTestWorker(ctx.config, [
      IdentityJobsModule,
      CatalogJobsModule,
      jobStubsExcept(
        ...JOB_NAMES.filter((n) => n.startsWith('identity.') || n.startsWith('catalog.')),
      ),
    ]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const dukcapil = await createOrgUnit(t.db, { code: 'DISDUKCAPIL', parent: city });
    const bidang = await createOrgUnit(t.db, {
      code: 'DISDUKCAPIL-PDP',
      kind: 'bidang',
      parent: dukcapil,
    });
    const dinkes = await createOrgUnit(t.db, { code: 'DINKES', parent: city });
    dukcapilId = dukcapil.id;
    admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    const trainer = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['trainer'] })).id,
    );
    for (let i = 0; i < 30; i++)
      staff.push((await createUser(t.db, { unit: i % 2 ? dukcapil : bidang })).id);
    await createUser(t.db, { unit: dukcapil, active: false });
    await createUser(t.db, { unit: dinkes });
    courseId = (
      await publishCourse(t, trainer, admin, {
        code: 'BULK-1',
        lessons: [{ type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } }],
        meta: { selfEnrol: false },
      })
    ).courseId;
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await ctx.cleanup();
  });

  const poll = async (id: string): Promise<BulkEnrolResponse> => {
    // Generous: the whole integration suite shares two cores with this worker.
    for (let i = 0; i < 400; i++) {
      const r = (
        await request(t.http)
          .get(`/api/v1/enrolment-requests/${id}`)
          .set('Authorization', `Bearer ${admin}`)
          .expect(200)
      ).body as BulkEnrolResponse;
      if (r.status === 'done' || r.status === 'failed') return r;
      await new Promise((res) => setTimeout(res, 100));
    }
    const row: unknown[] = await t.db.query(
      `SELECT status, error, progress, total FROM bulk_enrol_request WHERE id = $1`,
      [id],
    );
    throw new Error(`bulk enrolment did not finish: ${JSON.stringify(row)}`);
  };

  it('enrols a whole OPD with its sub-units, active staff only, and reports unknown people', async () => {
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const queued = await request(t.http)
      .post(`/api/v1/courses/${courseId}/enrolments`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ orgUnitIds: [dukcapilId], userIds: [staff[0], unknown] })
      .expect(202);
    const done = await poll((queued.body as BulkEnrolResponse).requestId);
    expect(done).toMatchObject({
      status: 'done',
      progress: 100,
      total: 30,
      enrolled: 30,
      alreadyEnrolled: 0,
    });
    expect(done.skipped).toEqual([
      { userId: unknown, reason: expect.stringMatching(/tidak ditemukan/) as string },
    ]);
    const learners = (
      await request(t.http)
        .get(`/api/v1/courses/${courseId}/learners`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body as CourseLearnerRow[];
    expect(learners).toHaveLength(30);
  });

  it('enrols nobody twice when asked again or when the job is retried', async () => {
    const queued = await request(t.http)
      .post(`/api/v1/courses/${courseId}/enrolments`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ orgUnitIds: [dukcapilId] })
      .expect(202);
    const id = (queued.body as BulkEnrolResponse).requestId;
    const done = await poll(id);
    expect(done).toMatchObject({ total: 30, enrolled: 0, alreadyEnrolled: 30 });
    // A retry of a finished job changes nothing.
    await worker.get(BulkEnrolHandler).handle(
      { requestId: id },
      {
        jobId: 'x',
        attempt: 2,
        log: () => Promise.resolve(),
        updateProgress: () => Promise.resolve(),
      },
    );
    const [{ n }] = await t.db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM enrolment WHERE course_id = $1`,
      [courseId],
    );
    expect(Number(n)).toBe(30);
  });

  it('withdraws an enrolment keeping it as history, and refuses empty or closed requests', async () => {
    const learners = (
      await request(t.http)
        .get(`/api/v1/courses/${courseId}/learners`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body as CourseLearnerRow[];
    await request(t.http)
      .post(`/api/v1/enrolments/${learners[0].enrolmentId}/withdraw`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const [{ status }] = await t.db.query<{ status: string }[]>(
      `SELECT status FROM enrolment WHERE id = $1`,
      [learners[0].enrolmentId],
    );
    expect(status).toBe('withdrawn');
    await request(t.http)
      .post(`/api/v1/courses/${courseId}/enrolments`)
      .set('Authorization', `Bearer ${admin}`)
      .send({})
      .expect(400);
  });
});
