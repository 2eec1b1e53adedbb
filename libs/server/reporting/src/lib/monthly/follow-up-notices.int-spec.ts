import type { INestApplicationContext } from '@nestjs/common';
import type { DashboardResponse, JobName, JobPayload } from '@siantar/contracts';
import { QueueService } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import { NotifyJobsModule } from '@siantar/server-notify';
import {
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
import { ReportingJobsModule } from '../reporting-jobs.module';
import { ReportingModule } from '../reporting.module';
import { buildReportCity, type ReportCity } from '../testing/report-city';

const SWEEPS: JobName[] = ['notify.inactivity', 'notify.jp-nudge', 'reporting.opd-monthly'];

describe('follow-up notices: inactivity, the yearly JP nudge, the OPD monthly report (real PostgreSQL, Redis, SMTP)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let mail: MailCatcher;
  let queue: QueueService;
  let c: ReportCity;
  /** Kepala Dinas Kesehatan (answers to no one) and a bidang head who answers to her. */
  let kadis = '';
  let kabid = '';
  let runs = 0;

  beforeAll(async () => {
    mail = await startMailCatcher();
    ctx = await createTestContext({ SMTP_URL: mail.url, PUBLIC_URL: 'https://belajar.test' });
    t = await createTestApp(ctx.config, [IdentityModule, ReportingModule]);
    worker = await createTestWorker(ctx.config, [
      NotifyJobsModule,
      ReportingJobsModule,
      jobStubsExcept('notify.deliver', 'notify.digest', ...SWEEPS, 'reporting.export'),
    ]);
    queue = t.app.get(QueueService);
    c = await buildReportCity(t.db);
    kadis = (
      await createUser(t.db, {
        unit: c.dinkes,
        name: 'Kepala Dinkes',
        roles: ['supervisor', 'learner'],
      })
    ).id;
    kabid = (
      await createUser(t.db, {
        unit: c.p2p,
        name: 'Kabid P2P',
        roles: ['supervisor', 'learner'],
        supervisorId: kadis,
      })
    ).id;
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await ctx?.cleanup();
    await mail?.close();
  });

  const run = async <N extends JobName>(name: N, payload: JobPayload<N>) => {
    const jobId = `run-${++runs}`;
    await queue.enqueue(name, payload, { jobId });
    const q = queue.queue(name.startsWith('notify') ? 'notify' : 'reporting');
    await until(async () => (await q.getJobState(jobId)) === 'completed');
  };
  const planned = (event: string) =>
    t.db.query<{ key: string; user_id: string; status: string; data: Record<string, unknown> }[]>(
      `SELECT key, user_id, status, data FROM planned_notification WHERE event = $1 ORDER BY key`,
      [event],
    );
  /** Every notice of the event delivered (no row left planned). */
  const settled = (event: string) =>
    until(async () => (await planned(event)).every((p) => p.status === 'done'));
  const emailOf = async (userId: string) =>
    (await t.db.query<{ email: string }[]>(`SELECT email FROM app_user WHERE id = $1`, [userId]))[0]
      .email;
  const mailTo = async (userId: string) => {
    const email = await emailOf(userId);
    return mail.messages.filter((m: ParsedMail) =>
      (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) => a.text.includes(email)),
    );
  };

  it('nudges learners idle on a course with a deadline, once per idle period', async () => {
    // 20 June 2025: K-MAN is due on 30 June. Budi enrolled on 5 March and never opened it;
    // Dedi (11 March) opened a lesson on 15 June. Eka completed, Citra withdrew.
    const [lesson] = await t.db.query<{ id: string }[]>(
      `WITH m AS (INSERT INTO course_module (version_id, position, title)
                  SELECT current_version_id, 1, 'Modul' FROM course WHERE id = $1 RETURNING id, version_id)
       INSERT INTO lesson (version_id, module_id, position, type, title, duration_minutes)
       SELECT version_id, id, 1, 'text', 'Bacaan', 10 FROM m RETURNING id`,
      [c.man],
    );
    await t.db.query(
      `INSERT INTO lesson_progress (enrolment_id, lesson_id, updated_at)
       SELECT id, $2, '2025-06-15T03:00:00Z' FROM enrolment WHERE user_id = $1 AND course_id = $3`,
      [c.dedi, lesson.id, c.man],
    );
    await run('notify.inactivity', { day: '2025-06-20' });
    await settled('inactive');
    const first = await planned('inactive');
    expect(first.map((p) => p.user_id)).toEqual([c.budi]);
    expect(first[0].data).toMatchObject({ courseTitle: 'Kursus Manajerial', idleDays: 106 });
    // Inactivity email is bundled into the digest by default; the in-app copy is there at once.
    const inbox = await t.db.query<{ title: string }[]>(
      `SELECT title FROM notification WHERE user_id = $1 AND category = 'inactivity'`,
      [c.budi],
    );
    expect(inbox.map((n) => n.title)).toEqual(['Lanjutkan belajar: Kursus Manajerial']);

    // The same day again, and the next week: nothing more. Dedi, idle since 15 June, is
    // nudged on 30 June; Budi is not (nudged ten days before).
    await run('notify.inactivity', { day: '2025-06-20' });
    await run('notify.inactivity', { day: '2025-06-27' });
    expect(await planned('inactive')).toHaveLength(1);
    await run('notify.inactivity', { day: '2025-06-30' });
    await settled('inactive');
    expect((await planned('inactive')).map((p) => p.user_id)).toEqual(
      expect.arrayContaining([c.budi, c.dedi]),
    );
    expect(await planned('inactive')).toHaveLength(2);
    // After the deadline there is nothing to nudge about.
    await run('notify.inactivity', { day: '2025-07-20' });
    expect(await planned('inactive')).toHaveLength(2);
  });

  it('tells each ASN below their JP target where they stand, and each supervisor who is behind', async () => {
    // 2025 JP: ani 22/20, budi 5/20, citra 22/24 (PPPK), dedi 0/20, eka 30/24, fajar 19.5/20;
    // the two heads have none; the inactive PNS and the NON_ASN staff are not nudged.
    await run('notify.jp-nudge', { day: '2025-10-01' });
    await settled('jp-nudge');
    await settled('jp-team-summary');
    const nudged = await planned('jp-nudge');
    expect(nudged.map((p) => p.user_id).sort()).toEqual(
      [c.budi, c.citra, c.dedi, c.fajar, kadis, kabid].sort(),
    );
    const [budiMail] = await mailTo(c.budi);
    expect(budiMail.subject).toBe('Hak belajar 2025: 5 JP dari 20 JP');
    expect(budiMail.text).toContain('Masih ada 15 JP lagi');
    expect((await mailTo(c.citra))[0].subject).toBe('Hak belajar 2025: 22 JP dari 24 JP');
    expect(await mailTo(c.ani)).toHaveLength(0);

    const summaries = await planned('jp-team-summary');
    expect(summaries.map((p) => p.user_id).sort()).toEqual([c.supervisor, kadis].sort());
    const [siti] = await mailTo(c.supervisor);
    expect(siti.subject).toBe('1 dari 2 anggota tim belum mencapai target JP 2025');
    expect(siti.text).toContain('• Budi Santoso: 5 JP / 20 JP');
    expect(siti.text).not.toContain('Ani Lestari');

    // A retry of the same run sends nothing more.
    const before = mail.messages.length;
    await run('notify.jp-nudge', { day: '2025-10-01' });
    expect(await planned('jp-nudge')).toHaveLength(6);
    await new Promise((r) => setTimeout(r, 500));
    expect(mail.messages.length).toBe(before);
  });

  it('sends each OPD head the month’s figures, as the dashboard has them, once', async () => {
    await run('reporting.opd-monthly', { month: '2025-06' });
    await settled('opd-compliance');
    const reports = await planned('opd-compliance');
    // Dinkes has a head (Kepala Dinkes; the Kabid answers to her). Disdik has none.
    expect(reports.map((r) => r.user_id)).toEqual([kadis]);
    const admin = await t.tokenFor(c.cityAdmin);
    const dash = (
      await request(t.http)
        .get(`/api/v1/reports/dashboard?orgUnitId=${c.dinkes.id}&year=2025`)
        .set('Authorization', `Bearer ${admin}`)
        .expect(200)
    ).body as DashboardResponse;
    expect(reports[0].data).toMatchObject({
      orgUnitName: 'Dinas Kesehatan',
      year: 2025,
      month: 6,
      staff: dash.totals.staff,
      belowTarget: dash.totals.belowTarget,
      jp: dash.totals.jp,
      overdue: dash.totals.overdue,
      enrolled: dash.totals.enrolled,
      completed: dash.totals.completed,
      followUpsOverdue: dash.totals.followUpsOverdue,
    });
    const [m] = (await mailTo(kadis)).filter((x) => x.subject?.startsWith('Laporan bulanan'));
    expect(m.subject).toBe('Laporan bulanan Dinas Kesehatan: Juni 2025');
    const reached = dash.totals.staff - dash.totals.belowTarget;
    expect(m.text).toContain(`${reached} dari ${dash.totals.staff} pegawai`);
    expect(m.text).toContain(`/laporan?orgUnitId=${c.dinkes.id}`);

    await run('reporting.opd-monthly', { month: '2025-06' });
    expect(await planned('opd-compliance')).toHaveLength(1);
    // The worker keeps the monthly scheduler.
    const scheduler = await queue.queue('reporting').getJobScheduler('reporting-opd-monthly');
    expect(scheduler).toMatchObject({ pattern: '0 8 1 * *', tz: 'Asia/Jakarta' });
  });
});
