import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  EnrolmentSummary,
  LearnerCourseResponse,
  ScormStateResponse,
} from '@siantar/contracts';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import request from 'supertest';
import { CatalogModule } from '../catalog.module';
import { seedDemoScormPackage } from '../seed/seed-scorm-package';
import { publishCourse } from '../testing/course-fixture';

describe('SCORM 1.2 runtime state on the server (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let learner = '';
  let other = '';
  let base = '';

  beforeAll(async () => {
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-store-')) });
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    const trainer = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['trainer'] })).id,
    );
    learner = await t.tokenFor((await createUser(t.db, { unit: city, name: 'Rina Marpaung' })).id);
    other = await t.tokenFor((await createUser(t.db, { unit: city })).id);
    const packageId = await seedDemoScormPackage(t.db, ctx.config, null);
    const course = await publishCourse(t, trainer, admin, {
      code: 'SCORM-1',
      lessons: [{ type: 'scorm', title: 'Simulasi loket', content: { packageId } }],
    });
    const enrolment = (
      (
        await request(t.http)
          .post(`/api/v1/catalog/${course.courseId}/enrol`)
          .set('Authorization', `Bearer ${learner}`)
          .expect(201)
      ).body as EnrolmentSummary
    ).id;
    base = `/api/v1/enrolments/${enrolment}/lessons/${course.working.modules[0].lessons[0].id}/scorm`;
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  const state = async () =>
    (await request(t.http).get(base).set('Authorization', `Bearer ${learner}`).expect(200))
      .body as ScormStateResponse;
  const commit = (body: object, token = learner) =>
    request(t.http).post(`${base}/commit`).set('Authorization', `Bearer ${token}`).send(body);

  it('starts ab-initio with the learner identity and a launch URL that serves the package', async () => {
    const s = await state();
    expect(s.cmi).toMatchObject({
      entry: 'ab-initio',
      lessonStatus: 'not attempted',
      studentName: 'Rina Marpaung',
      suspendData: '',
    });
    const page = await request(t.http).get(s.launchUrl).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.text).toContain('page-title');
  });

  it('keeps suspend data and location so the SCO resumes, counting a repeated commit once', async () => {
    const c = {
      id: randomUUID(),
      lessonStatus: 'incomplete',
      suspendData: 'page=2',
      lessonLocation: '2',
      sessionTime: '0000:01:30.00',
      exit: 'suspend',
    };
    await commit(c).expect(204);
    await commit(c).expect(204);
    const s = await state();
    expect(s.cmi).toMatchObject({
      entry: 'resume',
      lessonStatus: 'incomplete',
      suspendData: 'page=2',
      lessonLocation: '2',
      totalTime: '0000:01:30.00',
    });
  });

  it('completes the lesson on passed, and a later incomplete does not undo it', async () => {
    await commit({
      id: randomUUID(),
      lessonStatus: 'passed',
      scoreRaw: '100',
      scoreMin: '0',
      scoreMax: '100',
      sessionTime: '00:02:00',
      exit: '',
    }).expect(204);
    await commit({ id: randomUUID(), lessonStatus: 'incomplete' }).expect(204);
    const s = await state();
    expect(s.cmi).toMatchObject({
      lessonStatus: 'passed',
      scoreRaw: '100',
      totalTime: '0000:03:30.00',
    });
    const enrolmentId = base.split('/')[4];
    const view = (
      await request(t.http)
        .get(`/api/v1/enrolments/${enrolmentId}`)
        .set('Authorization', `Bearer ${learner}`)
        .expect(200)
    ).body as LearnerCourseResponse;
    expect(view.modules[0].lessons[0].progress.status).toBe('completed');
  });

  it("refuses another learner's commits and malformed values", async () => {
    await commit({ id: randomUUID(), lessonStatus: 'passed' }, other).expect(404);
    const bad = await commit({ id: randomUUID(), lessonStatus: 'finished' }).expect(400);
    expect((bad.body as { detail: string }).detail).toMatch(/lessonStatus/);
  });
});
