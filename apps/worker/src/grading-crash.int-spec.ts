import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AttemptView } from '@siantar/contracts';
import { AssessmentModule } from '@siantar/server-assessment';
import {
  auth,
  cloneSubmittedAttempts,
  enrol,
  manyQuestions,
  publishQuizCourse,
  rightResponses,
} from '@siantar/server-assessment/testing';
import { CatalogModule } from '@siantar/server-catalog';
import { QueueService } from '@siantar/server-core';
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

const WORKER = join(__dirname, '../../../dist/apps/worker/main.js');
const ATTEMPTS = 1000;

/** The built worker, started as production starts it, against this file's database and prefix. */
function startWorker(ctx: TestContext): ChildProcess {
  const c = ctx.config;
  return spawn(process.execPath, [WORKER], {
    env: {
      PATH: process.env['PATH'],
      NODE_ENV: 'test',
      DATABASE_URL: c.DATABASE_URL,
      REDIS_URL: c.REDIS_URL,
      REDIS_PREFIX: c.REDIS_PREFIX,
      JWT_SECRET: c.JWT_SECRET,
      SMTP_URL: c.SMTP_URL,
      LOG_LEVEL: 'silent',
      STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-crash-')),
      WORKER_CONCURRENCY: '8',
      // A killed worker's jobs are taken over after ~2 s instead of ~60 s.
      WORKER_LOCK_MS: '1000',
    },
    stdio: 'ignore',
  });
}

describe('grading survives a worker killed with SIGKILL (built worker, real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    if (!existsSync(WORKER)) throw new Error('Build first: npx nx run-many -t build -p api worker');
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule, AssessmentModule]);
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await t?.close();
    await ctx?.cleanup();
  });

  const gradedCount = async () =>
    Number(
      (
        await t.db.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM quiz_attempt WHERE status = 'graded'`,
        )
      )[0].n,
    );

  it(`grades each of ${ATTEMPTS} attempts exactly once across a SIGKILL and a restart`, async () => {
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    const trainer = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['trainer'] })).id,
    );
    const learner = await t.tokenFor((await createUser(t.db, { unit: city })).id);
    const course = await publishQuizCourse(t, trainer, admin, {
      code: 'KUIS-BEBAN',
      questions: manyQuestions(20),
    });
    await enrol(t, course.courseId, learner);
    const first = (
      await request(t.http)
        .post(`/api/v1/quizzes/${course.quizId}/attempts`)
        .set(auth(learner))
        .expect(201)
    ).body as AttemptView;
    for (const { slot, response } of rightResponses(first))
      await request(t.http)
        .put(`/api/v1/attempts/${first.id}/answers/${slot}`)
        .set(auth(learner))
        .send({ seq: 1, response })
        .expect(200);
    const ids = await cloneSubmittedAttempts(t.db, first.id, ATTEMPTS);
    await t.db.query(`DELETE FROM quiz_attempt WHERE id = $1`, [first.id]);
    const queue = t.app.get(QueueService);
    for (const id of ids)
      await queue.enqueue('assessment.grade-attempt', { attemptId: id }, { jobId: id });

    worker = startWorker(ctx);
    const deadline = Date.now() + 60_000;
    while ((await gradedCount()) < 100) {
      if (Date.now() > deadline) throw new Error('the worker graded nothing');
      await new Promise((r) => setTimeout(r, 20));
    }
    worker.kill('SIGKILL');
    await new Promise((r) => worker?.once('exit', r));
    const atKill = await gradedCount();
    expect(atKill).toBeLessThan(ATTEMPTS);

    worker = startWorker(ctx);
    const end = Date.now() + 90_000;
    while ((await gradedCount()) < ATTEMPTS) {
      if (Date.now() > end)
        throw new Error(`only ${await gradedCount()} of ${ATTEMPTS} graded after restart`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const [grades] = await t.db.query<{ events: string; attempts: string; most: string }[]>(
      `SELECT count(*) AS events, count(DISTINCT attempt_id) AS attempts,
              (SELECT max(n) FROM (SELECT count(*) AS n FROM grade_event GROUP BY attempt_id) x) AS most
         FROM grade_event WHERE kind = 'auto'`,
    );
    expect(grades).toEqual({ events: String(ATTEMPTS), attempts: String(ATTEMPTS), most: '1' });
    const marks: { mark: string; n: string }[] = await t.db.query(
      `SELECT mark, count(*) AS n FROM quiz_attempt GROUP BY mark`,
    );
    expect(marks).toEqual([{ mark: '20.00', n: String(ATTEMPTS) }]);
  }, 180_000);
});
