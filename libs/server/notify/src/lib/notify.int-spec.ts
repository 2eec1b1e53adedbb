import type { INestApplicationContext } from '@nestjs/common';
import type { NotificationListResponse, NotificationPreferencesView } from '@siantar/contracts';
import { IdentityModule } from '@siantar/server-identity';
import { QueueService } from '@siantar/server-core';
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
import type { ParsedMail } from 'mailparser';
import request from 'supertest';
import { NotifyJobsModule } from './notify-jobs.module';
import { NotifyModule } from './notify.module';
import { NotificationPlanner } from './planner/notification-planner';

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const COURSE = '11111111-1111-4111-8111-111111111111';

/** Whether a caught message went to this address. */
const sentTo = (m: ParsedMail, email: string) =>
  (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) => a.text.includes(email));

/** "HH:MM" in Asia/Jakarta, `minutes` from now. */
const wibClock = (minutes: number) =>
  new Date(Date.now() + (minutes + 7 * 60) * 60_000).toISOString().slice(11, 16);

describe('notifications: planning, delivery, preferences (real PostgreSQL, Redis, SMTP)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let mail: MailCatcher;
  let planner: NotificationPlanner;
  let queue: QueueService;
  const people: Record<'rina' | 'john', { id: string; email: string; token: string }> = {
    rina: { id: '', email: '', token: '' },
    john: { id: '', email: '', token: '' },
  };

  beforeAll(async () => {
    mail = await startMailCatcher();
    ctx = await createTestContext({ SMTP_URL: mail.url, PUBLIC_URL: 'https://belajar.test' });
    t = await createTestApp(ctx.config, [IdentityModule, NotifyModule]);
    worker = await createTestWorker(ctx.config, [
      NotifyJobsModule,
      jobStubsExcept('notify.deliver', 'notify.digest', 'notify.inactivity', 'notify.jp-nudge'),
    ]);
    planner = t.app.get(NotificationPlanner);
    queue = t.app.get(QueueService);
    const unit = await createOrgUnit(t.db, { code: 'PEMKO' });
    const rina = await createUser(t.db, { unit, name: 'Rina', email: 'rina@siantar.test' });
    const john = await createUser(t.db, { unit, name: 'John', email: 'john@siantar.test' });
    await t.db.query(`UPDATE app_user SET language = 'en' WHERE id = $1`, [john.id]);
    people.rina = { id: rina.id, email: 'rina@siantar.test', token: await t.tokenFor(rina.id) };
    people.john = { id: john.id, email: 'john@siantar.test', token: await t.tokenFor(john.id) };
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await ctx?.cleanup();
    await mail?.close();
  });

  const enrolled = (userId: string, dueAt = new Date()) =>
    t.db.transaction((em) =>
      planner.plan(em, {
        event: 'enrolled',
        userId,
        targetId: COURSE,
        dueAt,
        data: { courseId: COURSE, courseTitle: 'Pelayanan Prima', dueAt: '2026-12-31T09:00:00Z' },
      }),
    );
  const rowStatus = async (key: string) =>
    (
      (await t.db.query(`SELECT status FROM planned_notification WHERE key = $1`, [key])) as {
        status: string;
      }[]
    )[0]?.status;
  const inbox = async (token: string) =>
    (await request(t.http).get('/api/v1/my/notifications').set(auth(token)).expect(200))
      .body as NotificationListResponse;

  it('delivers by email and in the app, each in the user’s language, once', async () => {
    const due = new Date();
    const keyRina = await enrolled(people.rina.id, due);
    await enrolled(people.john.id, due);
    const id = await mail.waitFor((m) => sentTo(m, people.rina.email));
    expect(id.subject).toBe('Anda terdaftar di Pelayanan Prima');
    expect(id.text).toContain('Selesaikan sebelum Kamis, 31 Desember 2026 pukul 16.00 WIB');
    expect(id.text).toContain('https://belajar.test/katalog/');
    expect(id.html).toContain('Buka pelatihan');
    const en = await mail.waitFor((m) => sentTo(m, people.john.email));
    expect(en.subject).toBe('You are enrolled in Pelayanan Prima');

    await until(async () => (await rowStatus(keyRina)) === 'done');
    const list = await inbox(people.rina.token);
    expect(list.unread).toBe(1);
    expect(list.items[0]).toMatchObject({
      category: 'enrolment',
      title: 'Anda terdaftar di Pelayanan Prima',
    });

    // The same notice planned again, and its job run again: nothing more is sent.
    expect(await enrolled(people.rina.id, due)).toBe(keyRina);
    await queue.enqueue('notify.deliver', { key: keyRina }, { jobId: `again-${keyRina}` });
    await until(
      async () => (await queue.queue('notify').getJobState(`again-${keyRina}`)) === 'completed',
    );
    expect(mail.messages.filter((m) => sentTo(m, people.rina.email))).toHaveLength(1);
    expect((await inbox(people.rina.token)).items).toHaveLength(1);

    await request(t.http)
      .post(`/api/v1/my/notifications/${list.items[0].id}/read`)
      .set(auth(people.rina.token))
      .expect(204);
    expect((await inbox(people.rina.token)).unread).toBe(0);
    // Someone else's notification is not found.
    await request(t.http)
      .post(`/api/v1/my/notifications/${list.items[0].id}/read`)
      .set(auth(people.john.token))
      .expect(404);
  });

  it('moving a deadline replaces the pending reminder; cancelling removes it', async () => {
    const inAnHour = new Date(Date.now() + 3600_000);
    const later = new Date(Date.now() + 2 * 3600_000);
    const plan = (dueAt: Date) =>
      t.db.transaction(async (em) => {
        await planner.cancel(em, {
          events: ['deadline-approaching'],
          targetId: COURSE,
          userId: people.rina.id,
        });
        return planner.plan(em, {
          event: 'deadline-approaching',
          userId: people.rina.id,
          targetId: COURSE,
          dueAt,
          data: {
            courseId: COURSE,
            courseTitle: 'Pelayanan Prima',
            dueAt: dueAt.toISOString(),
            daysLeft: 1,
          },
        });
      });
    const first = await plan(inAnHour);
    const second = await plan(later);
    const q = queue.queue('notify');
    expect(await q.getJob(first)).toBeUndefined();
    expect(await q.getJobState(second)).toBe('delayed');
    expect(await rowStatus(first)).toBe('cancelled');
    expect(await rowStatus(second)).toBe('planned');

    // Unenrolled: the pending reminder goes; a job that escaped removal sends nothing.
    await t.db.transaction((em) =>
      planner.cancel(em, {
        events: ['deadline-approaching'],
        targetId: COURSE,
        userId: people.rina.id,
      }),
    );
    expect(await q.getJob(second)).toBeUndefined();
    await queue.enqueue('notify.deliver', { key: second }, { jobId: `stray-${second}` });
    await until(async () => (await q.getJobState(`stray-${second}`)) === 'completed');
    expect(await rowStatus(second)).toBe('cancelled');
    expect(mail.messages.some((m) => m.subject?.includes('1 hari lagi'))).toBe(false);
  });

  it('holds email and push during quiet hours and delivers at their end', async () => {
    await request(t.http)
      .put('/api/v1/my/notification-preferences')
      .set(auth(people.john.token))
      .send({ quietHours: { start: wibClock(-60), end: wibClock(60) } })
      .expect(200);
    const before = mail.messages.length;
    const key = await t.db.transaction((em) =>
      planner.plan(em, {
        event: 'live-cancelled',
        userId: people.john.id,
        targetId: '22222222-2222-4222-8222-222222222222',
        dueAt: new Date(),
        data: {
          sessionId: '22222222-2222-4222-8222-222222222222',
          title: 'Webinar',
          reason: 'Hujan',
        },
      }),
    );
    const deferred = await until(async () => {
      const rows: { detail: string }[] = await t.db.query(
        `SELECT detail FROM notification_delivery WHERE key = $1 AND status = 'deferred'`,
        [key],
      );
      return rows[0];
    });
    expect(deferred.detail).toMatch(/jam tenang sampai/);
    const [job] = (await queue.queue('notify').getDelayed()).filter((j) => j.data.key === key);
    const due = (job?.timestamp ?? 0) + (job?.opts.delay ?? 0);
    expect(Math.abs(due - (Date.now() + 3600_000))).toBeLessThan(2 * 60_000);
    expect(await rowStatus(key)).toBe('planned');
    expect(mail.messages.length).toBe(before);
    expect((await inbox(people.john.token)).items.some((n) => n.title.includes('Webinar'))).toBe(
      false,
    );
  });

  it('follows preferences; refuses bad ones; mandatory categories stay on', async () => {
    const put = (body: object) =>
      request(t.http)
        .put('/api/v1/my/notification-preferences')
        .set(auth(people.rina.token))
        .send(body);
    const bad = await put({
      categories: [{ category: 'promo', email: true, inApp: true, digest: false }],
    }).expect(400);
    expect(JSON.stringify(bad.body)).toContain('categories.0.category');
    await put({ quietHours: { start: '25:00', end: '07:00' } }).expect(400);
    const same = await put({ quietHours: { start: '21:00', end: '21:00' } }).expect(400);
    expect(JSON.stringify(same.body)).toContain('quietHours');
    await put({
      categories: [{ category: 'live-change', email: false, inApp: true, digest: false }],
    }).expect(400);
    const ok = await put({
      categories: [{ category: 'enrolment', email: false, inApp: true, digest: false }],
    }).expect(200);
    const prefs = ok.body as NotificationPreferencesView;
    expect(prefs.categories.find((c) => c.category === 'enrolment')).toMatchObject({
      email: false,
      inApp: true,
    });
    expect(prefs.categories.find((c) => c.category === 'live-change')).toMatchObject({
      mandatory: true,
      email: true,
    });

    const sent = mail.messages.length;
    const key = await enrolled(people.rina.id, new Date(Date.now() - 1000));
    await until(async () => (await rowStatus(key)) === 'done');
    expect(mail.messages.length).toBe(sent);
    expect((await inbox(people.rina.token)).items.length).toBe(2);
  });

  it('honours the unsubscribe link of that user and category only', async () => {
    const key = await t.db.transaction((em) =>
      planner.plan(em, {
        event: 'live-reminder',
        userId: people.john.id,
        targetId: '33333333-3333-4333-8333-333333333333',
        dueAt: new Date(),
        data: {
          sessionId: '33333333-3333-4333-8333-333333333333',
          title: 'Kelas Daring',
          startsAt: '2026-12-01T02:00:00Z',
          minutesBefore: 15,
          ics: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//uji//ID\r\nEND:VCALENDAR\r\n',
        },
      }),
    );
    // John's quiet hours from the test above would hold it: turn them off and deliver again.
    await request(t.http)
      .put('/api/v1/my/notification-preferences')
      .set(auth(people.john.token))
      .send({ quietHours: null })
      .expect(200);
    await queue.enqueue('notify.deliver', { key }, { jobId: `now-${key}` });
    const message = await mail.waitFor((m) => m.subject === 'In 15 minutes: Kelas Daring');
    // The calendar entry travels with the reminder.
    expect(message.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['add-to-calendar.ics', 'text/calendar'],
    ]);
    const link = /https:\/\/belajar\.test(\/api\/v1\/unsubscribe\?[^\s]+)/.exec(
      message.text ?? '',
    )?.[1];
    expect(link).toBeDefined();
    const forged = (link ?? '').replace(/t=[^&]+/, 't=AAAA');
    await request(t.http).get(forged).expect(400);
    const otherUser = (link ?? '').replace(people.john.id, people.rina.id);
    await request(t.http).get(otherUser).expect(400);
    const otherCategory = (link ?? '').replace('c=live-reminder', 'c=deadline');
    await request(t.http).get(otherCategory).expect(400);
    const res = await request(t.http)
      .get(link ?? '')
      .expect(200);
    expect(res.text).toContain('tidak akan lagi menerima email jenis ini');
    const prefs = (
      await request(t.http)
        .get('/api/v1/my/notification-preferences')
        .set(auth(people.john.token))
        .expect(200)
    ).body as NotificationPreferencesView;
    expect(prefs.categories.find((c) => c.category === 'live-reminder')).toMatchObject({
      email: false,
      inApp: true,
    });
    expect(prefs.categories.find((c) => c.category === 'deadline')).toMatchObject({ email: true });
  });

  it('bundles the emails a user chose to digest into one daily message, sent once', async () => {
    await request(t.http)
      .put('/api/v1/my/notification-preferences')
      .set(auth(people.rina.token))
      .send({ categories: [{ category: 'completion', email: true, inApp: true, digest: true }] })
      .expect(200);
    const before = mail.messages.filter((m) => sentTo(m, people.rina.email)).length;
    const keys: string[] = [];
    for (const [course, title] of [
      ['44444444-4444-4444-8444-444444444444', 'Etika Pelayanan'],
      ['55555555-5555-4555-8555-555555555555', 'Aplikasi Daring'],
    ])
      keys.push(
        await t.db.transaction((em) =>
          planner.plan(em, {
            event: 'course-completed',
            userId: people.rina.id,
            targetId: course,
            dueAt: new Date(),
            data: { courseId: course, courseTitle: title, jp: 2 },
          }),
        ),
      );
    for (const key of keys) await until(async () => (await rowStatus(key)) === 'done');
    expect(mail.messages.filter((m) => sentTo(m, people.rina.email))).toHaveLength(before);

    for (const run of ['d1', 'd2']) {
      await queue.enqueue('notify.digest', { day: '2026-11-30' }, { jobId: `digest-${run}` });
      await until(
        async () => (await queue.queue('notify').getJobState(`digest-${run}`)) === 'completed',
      );
    }
    const digests = mail.messages.filter((m) => m.subject?.startsWith('Ringkasan Siantar Belajar'));
    expect(digests).toHaveLength(1);
    expect(digests[0].subject).toBe('Ringkasan Siantar Belajar: 2 pemberitahuan');
    expect(digests[0].text).toContain('Selamat, Etika Pelayanan selesai');
    expect(digests[0].text).toContain('Selamat, Aplikasi Daring selesai');
    // The worker keeps a daily scheduler for it.
    const scheduler = await queue.queue('notify').getJobScheduler('notify-daily-digest');
    expect(scheduler).toMatchObject({ pattern: '0 7 * * *', tz: 'Asia/Jakarta' });
  });
});
