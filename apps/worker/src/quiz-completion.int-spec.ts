import type { INestApplicationContext } from '@nestjs/common';
import type { AttemptView, LearningHoursResponse } from '@siantar/contracts';
import { AssessmentModule } from '@siantar/server-assessment';
import { auth, enrol, publishQuizCourse, rightResponses } from '@siantar/server-assessment/testing';
import { CatalogModule } from '@siantar/server-catalog';
import { IdentityModule } from '@siantar/server-identity';
import { LedgerModule } from '@siantar/server-ledger';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  createUser,
  type TestApp,
  type TestContext,
  until,
} from '@siantar/server-testing';
import request from 'supertest';
import { WORKER_JOB_MODULES } from './worker.module';

/**
 * The whole chain with every real job handler of the worker: an attempt is graded,
 * a pass completes the quiz lesson, the completion job completes the enrolment and
 * the course's JP reach the learner's ledger.
 */
describe('a passed quiz completes the course and credits its JP (worker with every job module)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [
      IdentityModule,
      CatalogModule,
      AssessmentModule,
      LedgerModule,
    ]);
    worker = await createTestWorker(ctx.config, WORKER_JOB_MODULES);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await ctx?.cleanup();
  });

  it('keeps the course open after a failed attempt and completes it after a passed one', async () => {
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    const trainer = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['trainer'] })).id,
    );
    const learnerId = (await createUser(t.db, { unit: city })).id;
    const learner = await t.tokenFor(learnerId);
    const course = await publishQuizCourse(t, trainer, admin, { code: 'KUIS-JP' });
    await enrol(t, course.courseId, learner);
    const api = () => request(t.http);

    const attempt = async (right: boolean) => {
      const a = (
        await api().post(`/api/v1/quizzes/${course.quizId}/attempts`).set(auth(learner)).expect(201)
      ).body as AttemptView;
      if (right)
        for (const { slot, response } of rightResponses(a))
          await api()
            .put(`/api/v1/attempts/${a.id}/answers/${slot}`)
            .set(auth(learner))
            .send({ seq: 1, response })
            .expect(200);
      await api().post(`/api/v1/attempts/${a.id}/submit`).set(auth(learner)).send({}).expect(200);
      return a.id;
    };
    const enrolment = async () =>
      (
        await t.db.query<{ id: string; status: string }[]>(
          `SELECT id, status FROM enrolment WHERE user_id = $1`,
          [learnerId],
        )
      )[0];

    const failed = await attempt(false);
    // The graded attempt signals the enrolment; the evaluation finds the quiz not passed.
    await until(async () => {
      const rows = await t.db.query<{ evaluated_at: Date | null }[]>(
        `SELECT evaluated_at FROM completion_signal WHERE kind = 'attempt' AND ref = $1`,
        [failed],
      );
      return rows[0]?.evaluated_at;
    });
    expect((await enrolment()).status).toBe('active');

    await attempt(true);
    await until(async () => (await enrolment()).status === 'completed');
    const hours = (await api().get('/api/v1/me/learning-hours').set(auth(learner)).expect(200))
      .body as LearningHoursResponse;
    expect(hours.entries).toEqual([
      expect.objectContaining({ source: 'course', sourceRef: (await enrolment()).id, jp: 2 }),
    ]);
    expect(hours.jp).toBe(2);
  });
});
