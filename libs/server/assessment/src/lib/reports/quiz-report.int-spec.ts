import type { AttemptView, QuizReport } from '@siantar/contracts';
import { CatalogModule } from '@siantar/server-catalog';
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
import { AssessmentModule } from '../assessment.module';
import { AttemptGrader } from '../marking/attempt-grader';
import { auth, enrol, publishQuizCourse } from '../testing/quiz-fixture';

/** Answers: right on the first `right` questions (in sample order), wrong on the rest. */
function responses(view: AttemptView, right: number) {
  return view.questions.map((q, i) => {
    const ok = i < right;
    switch (q.body.type) {
      case 'single-choice':
        return {
          slot: q.slot,
          response: {
            type: 'single-choice',
            choiceId: q.body.choices.find((c) => (c.text === 'Kartu Keluarga') === ok)?.id,
          },
        };
      case 'numerical':
        return { slot: q.slot, response: { type: 'numerical', text: ok ? '15' : '40' } };
      default:
        return { slot: q.slot, response: { type: 'true-false', value: ok } };
    }
  });
}

describe('quiz report: distribution, facility, discrimination, pre/post gain, CSV (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let trainer = '';
  let learners: string[] = [];
  let post = '';
  let pre = '';

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule, AssessmentModule]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    trainer = await t.tokenFor((await createUser(t.db, { unit: city, roles: ['trainer'] })).id);
    learners = [];
    for (const name of ['Ani', 'Budi', 'Citra'])
      learners.push(await t.tokenFor((await createUser(t.db, { unit: city, name })).id));
    const course = await publishQuizCourse(t, trainer, admin, {
      code: 'KUIS-LAP',
      settings: { role: 'post-test' },
      preTest: true,
    });
    post = course.quizId;
    pre = course.preQuizId as string;
    for (const l of learners) await enrol(t, course.courseId, l);
    const grader = t.app.get(AttemptGrader, { strict: false });
    const take = async (quizId: string, token: string, right: number) => {
      const a = (
        await request(t.http)
          .post(`/api/v1/quizzes/${quizId}/attempts`)
          .set(auth(token))
          .expect(201)
      ).body as AttemptView;
      for (const { slot, response } of responses(a, right))
        await request(t.http)
          .put(`/api/v1/attempts/${a.id}/answers/${slot}`)
          .set(auth(token))
          .send({ seq: 1, response })
          .expect(200);
      await request(t.http).post(`/api/v1/attempts/${a.id}/submit`).set(auth(token)).expect(200);
      await grader.grade(a.id);
    };
    // Post-test: Ani 3/3, Budi 2/3, Citra 1/3 (pre-tests come in the next test).
    await take(post, learners[0], 3);
    await take(post, learners[1], 2);
    await take(post, learners[2], 1);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  it('reports attempts, distribution and per-question statistics', async () => {
    const r = (
      await request(t.http).get(`/api/v1/quizzes/${post}/report`).set(auth(trainer)).expect(200)
    ).body as QuizReport;
    expect(r).toMatchObject({
      attempts: 3,
      learners: 3,
      graded: 3,
      awaitingGrading: 0,
      averagePercent: 66.67,
      passRate: 66.67,
    });
    expect(r.histogram).toEqual([0, 0, 0, 1, 0, 0, 1, 0, 0, 1]);
    const facility = Object.fromEntries(r.questions.map((q) => [q.name, q.facility]));
    expect(facility).toEqual({ 'Dokumen KTP': 1, 'Jam layanan': 0.6667, Salam: 0.3333 });
    // Everyone got the first question right: no variance, no discrimination index.
    expect(r.questions.find((q) => q.name === 'Dokumen KTP')?.discrimination).toBeNull();
    expect(r.questions.find((q) => q.name === 'Salam')?.discrimination).toBe(0.5);
    expect(r.gain?.learners.map((l) => l.pre)).toEqual([null, null, null]);
  });

  it('pairs the course pre-test and post-test per learner', async () => {
    const a = learners[0];
    const b = learners[1];
    for (const [token, right] of [
      [a, 1],
      [b, 1],
    ] as const) {
      const v = (
        await request(t.http).post(`/api/v1/quizzes/${pre}/attempts`).set(auth(token)).expect(201)
      ).body as AttemptView;
      for (const { slot, response } of responses(v, right))
        await request(t.http)
          .put(`/api/v1/attempts/${v.id}/answers/${slot}`)
          .set(auth(token))
          .send({ seq: 1, response })
          .expect(200);
      await request(t.http).post(`/api/v1/attempts/${v.id}/submit`).set(auth(token)).expect(200);
      await t.app.get(AttemptGrader, { strict: false }).grade(v.id);
    }
    const r = (
      await request(t.http).get(`/api/v1/quizzes/${post}/report`).set(auth(trainer)).expect(200)
    ).body as QuizReport;
    expect(r.gain?.learners.map((l) => [l.name, l.pre, l.post, l.gain])).toEqual([
      ['Ani', 33.33, 100, 66.67],
      ['Budi', 33.33, 66.67, 33.34],
      ['Citra', null, 33.33, null],
    ]);
    expect(r.gain?.averageGain).toBe(50.01);
  });

  it('exports a CSV with one row per attempt, safe for spreadsheets', async () => {
    const res = await request(t.http)
      .get(`/api/v1/quizzes/${post}/report.csv`)
      .set(auth(trainer))
      .expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'nama,nip,percobaan,status,mulai,dikumpulkan,nilai,nilai_maks,persen,lulus',
    );
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^Ani,\d{18},1,graded,.*,3,3,100,ya$/);
  });

  it('is for the course authors only', async () => {
    await request(t.http).get(`/api/v1/quizzes/${post}/report`).set(auth(learners[0])).expect(403);
  });
});
