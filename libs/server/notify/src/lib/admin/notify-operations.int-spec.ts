import type { INestApplicationContext } from '@nestjs/common';
import type {
  DeliveryLogPage,
  NotificationDefaultsView,
  NotificationListResponse,
} from '@siantar/contracts';
import { QueueService } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  createUser,
  jobStubsExcept,
  type MailCatcher,
  startMailCatcher,
  type TestApp,
  type TestContext,
  until,
} from '@siantar/server-testing';
import request from 'supertest';
import { NotifyJobsModule } from '../notify-jobs.module';
import { NotifyModule } from '../notify.module';
import { NotificationPlanner } from '../planner/notification-planner';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('notification operations: admin defaults, delivery log, bounces, failures (real PostgreSQL, Redis, SMTP)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let mail: MailCatcher;
  let planner: NotificationPlanner;
  let queue: QueueService;
  /** Addresses the SMTP server refuses, with the code it answers. */
  const refused = new Map<string, number>();
  const ids = { ana: '', bona: '', gone: '', opdAdmin: '' };
  const tokens = { cityAdmin: '', opdAdmin: '', ana: '', bona: '' };
  let n = 0;

  beforeAll(async () => {
    mail = await startMailCatcher({
      refuse: (address) => {
        const code = refused.get(address);
        return code ? { code, message: `${code} mailbox unavailable: ${address}` } : null;
      },
    });
    ctx = await createTestContext({ SMTP_URL: mail.url, PUBLIC_URL: 'https://belajar.test' });
    t = await createTestApp(ctx.config, [IdentityModule, NotifyModule]);
    worker = await createTestWorker(ctx.config, [
      NotifyJobsModule,
      jobStubsExcept('notify.deliver', 'notify.digest', 'notify.inactivity', 'notify.jp-nudge'),
    ]);
    planner = t.app.get(NotificationPlanner);
    queue = t.app.get(QueueService);
    const city = await createOrgUnit(t.db, { name: 'Pemko Uji' });
    const opdA = await createOrgUnit(t.db, { name: 'Dinas A', parent: city });
    const opdB = await createOrgUnit(t.db, { name: 'Dinas B', parent: city });
    const cityAdmin = await createUser(t.db, {
      unit: city,
      roles: ['admin'],
      adminScope: city,
      employmentType: 'NON_ASN',
    });
    const opdAdmin = await createUser(t.db, {
      unit: opdA,
      roles: ['admin'],
      adminScope: opdA,
      employmentType: 'NON_ASN',
    });
    const ana = await createUser(t.db, { unit: opdA, name: 'Ana', email: 'ana@siantar.test' });
    const bona = await createUser(t.db, { unit: opdB, name: 'Bona', email: 'bona@siantar.test' });
    const gone = await createUser(t.db, { unit: opdA, name: 'Gone', email: 'Gone@Siantar.test' });
    Object.assign(ids, { ana: ana.id, bona: bona.id, gone: gone.id, opdAdmin: opdAdmin.id });
    tokens.cityAdmin = await t.tokenFor(cityAdmin.id);
    tokens.opdAdmin = await t.tokenFor(opdAdmin.id);
    tokens.ana = await t.tokenFor(ana.id);
    tokens.bona = await t.tokenFor(bona.id);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await ctx?.cleanup();
    await mail?.close();
  });

  /** Plans a notice about a new course (due now unless said); resolves with its key. */
  const notice = (userId: string, title = `Kursus ${++n}`, dueAt = new Date()) =>
    t.db.transaction((em) =>
      planner.plan(em, {
        event: 'enrolled',
        userId,
        targetId: `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
        dueAt,
        data: { courseId: 'c', courseTitle: title, dueAt: null },
      }),
    );
  const status = async (key: string) =>
    (
      await t.db.query<{ status: string; failed_reason: string | null }[]>(
        `SELECT status, failed_reason FROM planned_notification WHERE key = $1`,
        [key],
      )
    )[0];
  const deliveries = async (key: string) =>
    t.db.query<{ channel: string; status: string; detail: string | null }[]>(
      `SELECT channel, status, detail FROM notification_delivery WHERE key = $1 ORDER BY id`,
      [key],
    );
  const log = async (query: string, token = tokens.cityAdmin) =>
    (
      await request(t.http)
        .get(`/api/v1/admin/notification-deliveries${query}`)
        .set(auth(token))
        .expect(200)
    ).body as DeliveryLogPage;

  it('lets city-wide admins change the defaults, which users without a choice of their own follow', async () => {
    const put = (body: object, token = tokens.cityAdmin) =>
      request(t.http).put('/api/v1/admin/notification-defaults').set(auth(token)).send(body);
    const off = { category: 'enrolment', email: false, inApp: true, digest: false };
    await put({ categories: [off] }, tokens.opdAdmin).expect(403);
    await put({ categories: [off] }, tokens.ana).expect(403);
    await request(t.http)
      .get('/api/v1/admin/notification-defaults')
      .set(auth(tokens.opdAdmin))
      .expect(403);
    const unknown = await put({
      categories: [{ category: 'promo', email: true, inApp: true, digest: false }],
    }).expect(400);
    expect(JSON.stringify(unknown.body)).toContain('categories.0.category');
    const mandatory = await put({
      categories: [{ category: 'live-change', email: false, inApp: false, digest: false }],
    }).expect(400);
    expect((mandatory.body as { detail: string }).detail).toContain('wajib');
    await put({ categories: [off, off] }).expect(400);

    const saved = (await put({ categories: [off] }).expect(200)).body as NotificationDefaultsView;
    expect(saved.categories.find((c) => c.category === 'enrolment')).toMatchObject({
      email: false,
      inApp: true,
      updatedBy: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(saved.categories.find((c) => c.category === 'deadline')).toMatchObject({
      email: true,
      updatedAt: null,
    });

    // Bona chose for herself before; Ana did not.
    await request(t.http)
      .put('/api/v1/my/notification-preferences')
      .set(auth(tokens.bona))
      .send({ categories: [{ category: 'enrolment', email: true, inApp: true, digest: false }] })
      .expect(200);
    const before = mail.messages.length;
    const forAna = await notice(ids.ana, 'Bawaan Admin');
    const forBona = await notice(ids.bona, 'Pilihan Sendiri');
    await until(async () => (await status(forAna))?.status === 'done');
    await mail.waitFor((m) => m.subject === 'Anda terdaftar di Pilihan Sendiri');
    await until(async () => (await status(forBona))?.status === 'done');
    expect(mail.messages.slice(before).map((m) => m.subject)).toEqual([
      'Anda terdaftar di Pilihan Sendiri',
    ]);
    const inbox = (
      await request(t.http).get('/api/v1/my/notifications').set(auth(tokens.ana)).expect(200)
    ).body as NotificationListResponse;
    expect(inbox.items.map((i) => i.title)).toContain('Anda terdaftar di Bawaan Admin');

    // Back to the built-in default for the tests below.
    await put({ categories: [{ ...off, email: true }] }).expect(200);
  });

  it('marks an address the mail server refuses for good, stops mailing it, and lets an admin clear it', async () => {
    refused.set('gone@siantar.test', 550);
    const first = await notice(ids.gone);
    await until(async () => (await status(first))?.status === 'done');
    const [bounced] = (await deliveries(first)).filter((d) => d.channel === 'email');
    expect(bounced).toMatchObject({ status: 'bounced' });
    expect(bounced.detail).toContain('550');
    // Not retried: one attempt, no failure logged.
    expect((await deliveries(first)).some((d) => d.status === 'failed')).toBe(false);

    const second = await notice(ids.gone);
    await until(async () => (await status(second))?.status === 'done');
    expect((await deliveries(second)).find((d) => d.channel === 'email')).toMatchObject({
      status: 'skipped',
      detail: expect.stringContaining('alamat email memantul'),
    });
    // The in-app copy still arrives.
    expect((await deliveries(second)).find((d) => d.channel === 'in-app')?.status).toBe('sent');

    const page = await log(`?userId=${ids.gone}`);
    expect(page.emailBounce?.reason).toContain('550');
    expect(page.items[0]).toMatchObject({
      key: second,
      user: { id: ids.gone, name: 'Gone' },
      event: 'enrolled',
      category: 'enrolment',
      title: expect.stringContaining('Anda terdaftar di'),
      noticeStatus: 'done',
    });
    expect((await log(`?userId=${ids.gone}&status=bounced`)).items.map((i) => i.key)).toEqual([
      first,
    ]);

    // Only admins whose reach holds the person may clear it; then mail is tried again.
    await request(t.http)
      .delete(`/api/v1/admin/users/${ids.gone}/email-bounce`)
      .set(auth(tokens.ana))
      .expect(403);
    await request(t.http)
      .delete(`/api/v1/admin/users/${ids.bona}/email-bounce`)
      .set(auth(tokens.opdAdmin))
      .expect(404);
    await request(t.http)
      .delete(`/api/v1/admin/users/${ids.gone}/email-bounce`)
      .set(auth(tokens.opdAdmin))
      .expect(204);
    expect((await log(`?userId=${ids.gone}`)).emailBounce).toBeNull();
    refused.delete('gone@siantar.test');
    const third = await notice(ids.gone, 'Alamat Diperbaiki');
    await mail.waitFor((m) => m.subject === 'Anda terdaftar di Alamat Diperbaiki');
    await until(async () => (await status(third))?.status === 'done');
  });

  it('marks a notice failed once its retries are spent, and delivers it when the job is retried', async () => {
    refused.set('ana@siantar.test', 451);
    // Planned for later, then its job swapped for one with a single attempt, so that the
    // test need not wait through eight attempts of exponential backoff.
    const key = await notice(ids.ana, 'Server Sibuk', new Date(Date.now() + 3600_000));
    const notify = queue.queue('notify');
    expect(await notify.getJobState(key)).toBe('delayed');
    await notify.remove(key);
    await notify.add('notify.deliver', { key }, { jobId: key, attempts: 1 });
    const row = await until(async () => {
      const r = await status(key);
      return r?.status === 'failed' ? r : undefined;
    });
    expect(row.failed_reason).toContain('451');
    const logged = await deliveries(key);
    expect(logged.filter((d) => d.status === 'failed').map((d) => d.channel)).toEqual(
      expect.arrayContaining(['email', 'all']),
    );
    expect(logged.find((d) => d.channel === 'all')?.detail).toMatch(/^gagal permanen: /);
    const failed = await log(`?userId=${ids.ana}&status=failed`);
    expect(failed.items[0]).toMatchObject({ key, noticeStatus: 'failed' });

    // The admin retries it from the queue dashboard once the mail server recovers.
    refused.delete('ana@siantar.test');
    const again = await notify.getJob(key);
    expect(await again?.getState()).toBe('failed');
    await again?.retry();
    await mail.waitFor((m) => m.subject === 'Anda terdaftar di Server Sibuk');
    await until(async () => (await status(key))?.status === 'done');
    expect((await status(key))?.failed_reason).toBeNull();
  });

  it('shows each admin the deliveries of people in their reach only, page by page', async () => {
    for (let i = 0; i < 30; i++) await notice(ids.bona, `Halaman ${i}`);
    await until(
      async () =>
        (
          await t.db.query<{ n: number }[]>(
            `SELECT count(*)::int AS n FROM planned_notification WHERE user_id = $1 AND status = 'planned'`,
            [ids.bona],
          )
        )[0].n === 0,
    );
    const p1 = await log(`?userId=${ids.bona}`);
    expect(p1.items).toHaveLength(50);
    expect(p1.nextBefore).not.toBeNull();
    const p2 = await log(`?userId=${ids.bona}&before=${p1.nextBefore}`);
    expect(Number(p2.items[0].id)).toBeLessThan(Number(p1.items[49].id));
    expect(new Set([...p1.items, ...p2.items].map((i) => i.id)).size).toBe(
      p1.items.length + p2.items.length,
    );

    // The OPD A admin: Ana and Gone, never Bona; Bona's log is "not found".
    const mine = await log('', tokens.opdAdmin);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => [ids.ana, ids.gone].includes(i.user.id))).toBe(true);
    await request(t.http)
      .get(`/api/v1/admin/notification-deliveries?userId=${ids.bona}`)
      .set(auth(tokens.opdAdmin))
      .expect(404);
    await request(t.http)
      .get('/api/v1/admin/notification-deliveries')
      .set(auth(tokens.ana))
      .expect(403);
    const badStatus = await request(t.http)
      .get('/api/v1/admin/notification-deliveries?status=lost')
      .set(auth(tokens.cityAdmin))
      .expect(400);
    expect(JSON.stringify(badStatus.body)).toContain('status harus salah satu dari');
    await request(t.http)
      .get('/api/v1/admin/notification-deliveries?before=abc')
      .set(auth(tokens.cityAdmin))
      .expect(400);
  });
});
