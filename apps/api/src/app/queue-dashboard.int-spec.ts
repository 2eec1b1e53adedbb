import type { Job } from 'bullmq';
import { createRedis, QueueService } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  until,
} from '@siantar/server-testing';
import { Worker } from 'bullmq';
import request from 'supertest';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The admins' queue dashboard (bull-board) behind a short-lived cookie for city-wide admins. */
describe('queue dashboard (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  const tokens = { cityAdmin: '', opdAdmin: '', learner: '' };

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const opd = await createOrgUnit(t.db, { code: 'DINKES', parent: city });
    tokens.cityAdmin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    tokens.opdAdmin = await t.tokenFor(
      (await createUser(t.db, { unit: opd, roles: ['admin'], adminScope: opd })).id,
    );
    tokens.learner = await t.tokenFor((await createUser(t.db, { unit: opd })).id);
  });
  afterAll(async () => {
    await t?.close();
    await ctx?.cleanup();
  });

  it('opens only for city-wide admins, and only with its cookie', async () => {
    await request(t.http).get('/api/admin/queues/').expect(401);
    await request(t.http)
      .post('/api/v1/admin/queue-dashboard')
      .set(auth(tokens.learner))
      .expect(403);
    await request(t.http)
      .post('/api/v1/admin/queue-dashboard')
      .set(auth(tokens.opdAdmin))
      .expect(403);
    const opened = await request(t.http)
      .post('/api/v1/admin/queue-dashboard')
      .set(auth(tokens.cityAdmin))
      .expect(200);
    expect(opened.body).toEqual({ url: '/api/admin/queues/' });
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(
      /sb_ops=.+; Max-Age=900; Path=\/api\/admin\/queues; .*HttpOnly; SameSite=Strict/,
    );
    const page = await request(t.http)
      .get('/api/admin/queues/')
      .set('Cookie', cookie.split(';')[0])
      .expect(200);
    expect(page.text).toContain('Antrean Siantar Belajar');
    const forged = cookie.split(';')[0].replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    await request(t.http).get('/api/admin/queues/').set('Cookie', forged).expect(401);
  });

  it('lists failed jobs with their reason and retries them', async () => {
    const opened = await request(t.http)
      .post('/api/v1/admin/queue-dashboard')
      .set(auth(tokens.cityAdmin))
      .expect(200);
    const cookie = String(opened.headers['set-cookie']).split(';')[0];
    const queues = t.app.get(QueueService);
    const queue = queues.queue('notify');
    await queue.add('notify.deliver', { key: 'gagal-satu' }, { jobId: 'gagal-satu', attempts: 1 });
    let failNext = true;
    const worker = new Worker(
      'notify',
      async (job: Job) => {
        if (failNext) throw new Error(`SMTP menolak ${String(job.data.key)}`);
      },
      {
        connection: createRedis(ctx.config.REDIS_URL, 'worker', 'test-worker'),
        prefix: queue.opts.prefix,
      },
    );
    try {
      await until(async () => (await queue.getJobState('gagal-satu')) === 'failed');
      const listed = await request(t.http)
        .get('/api/admin/queues/api/queues?activeQueue=notify&status=failed&page=1')
        .set('Cookie', cookie)
        .expect(200);
      const notify = (
        listed.body as { queues: { name: string; jobs: { id: string; failedReason: string }[] }[] }
      ).queues.find((q) => q.name === 'notify');
      expect(notify?.jobs.find((j) => j.id === 'gagal-satu')?.failedReason).toBe(
        'SMTP menolak gagal-satu',
      );
      failNext = false;
      await request(t.http)
        .put('/api/admin/queues/api/queues/notify/gagal-satu/retry')
        .set('Cookie', cookie)
        .expect((res) => expect(res.status).toBeLessThan(300));
      await until(async () => (await queue.getJobState('gagal-satu')) === 'completed');
    } finally {
      await worker.close();
      await worker.disconnect();
    }
  });
});
