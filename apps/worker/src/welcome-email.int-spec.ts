import type { INestApplicationContext } from '@nestjs/common';
import { JobRegistryError, QueueService } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  createUser,
  type MailCatcher,
  startMailCatcher,
  type TestApp,
  type TestContext,
  uniqueNip,
} from '@siantar/server-testing';
import { Queue } from 'bullmq';
import request from 'supertest';
import { WORKER_JOB_MODULES } from './worker.module';

describe('the worker: welcome email through BullMQ and SMTP (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let mail: MailCatcher;
  let api: TestApp;
  let admin: string;
  let unitId: string;

  beforeAll(async () => {
    mail = await startMailCatcher();
    ctx = await createTestContext({ PUBLIC_URL: 'https://belajar.siantar.test' });
    ctx.config.SMTP_URL = mail.url;
    api = await createTestApp(ctx.config, [IdentityModule]);
    const city = await createOrgUnit(api.db, { code: 'PEMKO' });
    unitId = city.id;
    admin = await api.tokenFor((await createUser(api.db, { unit: city, roles: ['admin'] })).id);
  });
  afterAll(async () => {
    await api.close();
    await mail.close();
    await ctx.cleanup();
  });

  const createUserViaApi = async (email: string, language: 'id' | 'en' = 'id') =>
    (
      await request(api.http)
        .post('/api/v1/users')
        .set('Authorization', `Bearer ${admin}`)
        .send({
          nip: uniqueNip(),
          name: 'Lamtiur Sihombing',
          email,
          position: 'Pengadministrasi Umum',
          employmentType: 'PNS',
          orgUnitId: unitId,
          roles: ['learner'],
          language,
        })
        .expect(201)
    ).body as { id: string };

  it('refuses to start when a job has no handler', async () => {
    await expect(createTestWorker(ctx.config, [])).rejects.toThrow(JobRegistryError);
    await expect(createTestWorker(ctx.config, [])).rejects.toThrow(
      /identity.welcome-email" has no handler/,
    );
  });

  it('delivers a job queued while no worker ran, with a working set-password link, exactly once', async () => {
    const user = await createUserViaApi('lamtiur@siantar.test');
    // The job waits in Redis until a worker starts: nothing is lost while workers are down.
    const worker: INestApplicationContext = await createTestWorker(ctx.config, WORKER_JOB_MODULES);
    try {
      const msg = await mail.waitFor((m) => m.subject === 'Akun Siantar Belajar Anda sudah dibuat');
      expect(msg.text).toContain('Lamtiur Sihombing');
      const link = /https:\/\/belajar\.siantar\.test\/atur-sandi\?token=([\w-]+)/.exec(
        msg.text ?? '',
      );
      expect(link).not.toBeNull();
      await request(api.http)
        .post('/api/v1/auth/set-password')
        .send({ token: link?.[1], password: 'sandi-baru-lamtiur' })
        .expect(204);
      await request(api.http)
        .post('/api/v1/auth/login')
        .send({ login: 'lamtiur@siantar.test', password: 'sandi-baru-lamtiur' })
        .expect(200);

      // Enqueuing the same business key again is a no-op; running the job again sends nothing.
      const queue = worker.get(QueueService);
      await queue.enqueue(
        'identity.welcome-email',
        { userId: user.id },
        { jobId: `welcome-email-${user.id}` },
      );
      await queue.enqueue(
        'identity.welcome-email',
        { userId: user.id },
        { jobId: `welcome-email-again-${user.id}` },
      );
      const q = new Queue('identity', {
        connection: { url: ctx.config.REDIS_URL },
        prefix: ctx.config.REDIS_PREFIX,
      });
      try {
        await waitUntil(
          async () => (await q.getJob(`welcome-email-again-${user.id}`))?.finishedOn !== undefined,
        );
      } finally {
        await q.close();
      }
      expect(
        mail.messages.filter((m) => (m.to as { text: string }).text.includes('lamtiur@')),
      ).toHaveLength(1);
    } finally {
      await worker.close();
    }
  });

  it('writes in the user language and fails a malformed payload without retrying', async () => {
    const worker = await createTestWorker(ctx.config, WORKER_JOB_MODULES);
    try {
      await createUserViaApi('english@siantar.test', 'en');
      const msg = await mail.waitFor((m) => (m.to as { text: string }).text.includes('english@'));
      expect(msg.subject).toBe('Your Siantar Belajar account is ready');
      expect(msg.html).toContain('Set password');

      const q = new Queue('identity', {
        connection: { url: ctx.config.REDIS_URL },
        prefix: ctx.config.REDIS_PREFIX,
      });
      try {
        await q.add(
          'identity.welcome-email',
          { userId: 'not-a-uuid' },
          { jobId: 'bad-payload', attempts: 5 },
        );
        await waitUntil(async () => (await q.getJob('bad-payload'))?.failedReason !== undefined);
        const job = await q.getJob('bad-payload');
        expect(job?.failedReason).toMatch(/Invalid payload.*userId/);
        expect(job?.attemptsMade).toBe(1);
      } finally {
        await q.close();
      }
    } finally {
      await worker.close();
    }
  });
});

async function waitUntil(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
