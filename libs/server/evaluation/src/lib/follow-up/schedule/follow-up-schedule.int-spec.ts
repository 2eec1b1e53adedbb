import type {
  DashboardResponse,
  FollowUpSettingsResponse,
  FollowUpView,
  Page,
} from '@siantar/contracts';
import { ReportingModule } from '@siantar/server-reporting';
import { until } from '@siantar/server-testing';
import request from 'supertest';
import {
  auth,
  buildFollowUpWorld,
  complete,
  enrol,
  type FollowUpWorld,
  followUpRows,
  jobDone,
  publishLinkCourse,
  shiftCourseEnd,
} from '../testing/follow-up-world';
import { followUpDueAt, followUpJobId } from './follow-up-dates';
import { FollowUpSchedule } from './follow-up-schedule';

const DAY = 86_400_000;

/**
 * Level 3 schedule: follow-ups planned when the catalog completes an enrolment (the course's
 * days, delayed BullMQ jobs keyed by enrolment, offset and due time), moved with the course
 * end, re-planned when the days change; the job asks the alumnus and the supervisor, plans
 * the notices and the overdue reminders; overdue follow-ups on the OPD report.
 * Real PostgreSQL, Redis, worker and SMTP.
 */
describe('post-training follow-up schedule (real PostgreSQL, Redis, worker)', () => {
  let w: FollowUpWorld;
  let custom = ''; // days 14 and 60
  let standard = ''; // default days 30 and 90
  let rinaCustom = { enrolmentId: '', lessonId: '' };
  let rinaStandard = { enrolmentId: '', lessonId: '' };

  beforeAll(async () => {
    w = await buildFollowUpWorld([ReportingModule]);
    custom = await publishLinkCourse(w);
    standard = await publishLinkCourse(w);
  });
  afterAll(async () => {
    await w?.close();
  });

  const evaluationJob = (id: string) => w.queue.queue('evaluation').getJob(id);
  const mustJob = async (id: string) => {
    const job = await evaluationJob(id);
    if (!job) throw new Error(`no job ${id}`);
    return job;
  };
  const delayedIds = async () =>
    (await w.queue.queue('evaluation').getDelayed()).map((j) => j.id).sort();
  const planned = (targetId: string) =>
    w.t.db.query<{ event: string; user_id: string; due_at: Date; status: string }[]>(
      `SELECT event, user_id, due_at, status FROM planned_notification
        WHERE target_id = $1 ORDER BY event, user_id`,
      [targetId],
    );
  const inbox = (userId: string) =>
    w.t.db.query<{ title: string; link: string }[]>(
      `SELECT title, link FROM notification WHERE user_id = $1 AND category = 'follow-up' ORDER BY created_at`,
      [userId],
    );

  it('lets the course’s authors set its days (default 30 and 90); others get 404', async () => {
    const get = async (courseId: string, userId: string, status = 200) =>
      (
        await request(w.t.http)
          .get(`/api/v1/authoring/courses/${courseId}/follow-up-settings`)
          .set(await auth(w, userId))
          .expect(status)
      ).body as FollowUpSettingsResponse;
    expect(await get(standard, w.trainer)).toMatchObject({ days: [30, 90], isDefault: true });
    const put = await request(w.t.http)
      .put(`/api/v1/authoring/courses/${custom}/follow-up-settings`)
      .set(await auth(w, w.trainer))
      .send({ days: [60, 14] })
      .expect(200);
    expect(put.body).toMatchObject({
      days: [14, 60],
      isDefault: false,
      updatedBy: { userId: w.trainer, name: 'Widyaiswara' },
    });
    await request(w.t.http)
      .put(`/api/v1/authoring/courses/${custom}/follow-up-settings`)
      .set(await auth(w, w.trainer))
      .send({ days: [0, 400, 30, 30] })
      .expect(400);
    // The admin of another OPD neither authors nor reviews it (the owner is the city).
    await get(custom, w.otherAdmin, 404);
  });

  it('plans one delayed job per configured day when the catalog completes the enrolment', async () => {
    rinaCustom = await enrol(w, w.rina, custom);
    rinaStandard = await enrol(w, w.rina, standard);
    expect(await followUpRows(w, rinaCustom.enrolmentId)).toEqual([]);
    const end = await complete(w, w.rina, rinaCustom);
    const endStd = await complete(w, w.rina, rinaStandard);

    const rows = await followUpRows(w, rinaCustom.enrolmentId);
    expect(rows.map((r) => [r.offset_days, r.status, r.due_at.toISOString()])).toEqual([
      [14, 'scheduled', followUpDueAt(end, 14).toISOString()],
      [60, 'scheduled', followUpDueAt(end, 60).toISOString()],
    ]);
    expect(rows[0].course_ended_at.getTime()).toBe(end.getTime());
    expect(
      (await followUpRows(w, rinaStandard.enrolmentId)).map((r) => [r.offset_days, r.due_at]),
    ).toEqual([
      [30, followUpDueAt(endStd, 30)],
      [90, followUpDueAt(endStd, 90)],
    ]);
    // Delayed until each due time (08:00 WIB, 14 and 60 days after the course end's WIB date).
    for (const r of rows) {
      const job = await mustJob(followUpJobId(rinaCustom.enrolmentId, r.offset_days, r.due_at));
      expect(job.name).toBe('evaluation.follow-up-due');
      expect(job.data).toEqual({ enrolmentId: rinaCustom.enrolmentId, offsetDays: r.offset_days });
      expect(await job.getState()).toBe('delayed');
      expect(Math.abs(job.timestamp + (job.opts.delay ?? 0) - r.due_at.getTime())).toBeLessThan(
        5_000,
      );
      expect(r.due_at.getTime() - Date.now()).toBeGreaterThan((r.offset_days - 1) * DAY);
    }
    expect(await delayedIds()).toHaveLength(4);
  });

  it('moves the delayed jobs when the course end changes (re-plan replaces them)', async () => {
    const before = await followUpRows(w, rinaCustom.enrolmentId);
    // A correction moves the course end three days back; the catalog's hook (or anyone who
    // changes it) re-plans.
    const [{ completed_at: was }] = await w.t.db.query<{ completed_at: Date }[]>(
      `SELECT completed_at FROM enrolment WHERE id = $1`,
      [rinaCustom.enrolmentId],
    );
    const end = new Date(was.getTime() - 3 * DAY);
    await w.t.db.query(`UPDATE enrolment SET completed_at = $2 WHERE id = $1`, [
      rinaCustom.enrolmentId,
      end,
    ]);
    const outcome = await w.t.db.transaction((em) =>
      w.worker.get(FollowUpSchedule).replan(em, rinaCustom.enrolmentId),
    );
    expect(outcome).toEqual({ planned: 0, moved: 2, dropped: 0 });
    const after = await followUpRows(w, rinaCustom.enrolmentId);
    for (const [i, r] of after.entries()) {
      expect(r.due_at.getTime()).toBe(before[i].due_at.getTime() - 3 * DAY);
      expect(
        await evaluationJob(followUpJobId(rinaCustom.enrolmentId, r.offset_days, before[i].due_at)),
      ).toBeUndefined();
      const job = await evaluationJob(
        followUpJobId(rinaCustom.enrolmentId, r.offset_days, r.due_at),
      );
      expect(await job?.getState()).toBe('delayed');
    }
    expect(await delayedIds()).toHaveLength(4);

    // Re-planning again changes nothing.
    expect(
      await w.t.db.transaction((em) =>
        w.worker.get(FollowUpSchedule).replan(em, rinaCustom.enrolmentId),
      ),
    ).toEqual({ planned: 0, moved: 0, dropped: 0 });
    expect(await delayedIds()).toHaveLength(4);
  });

  it('a job that finds the course end moved without a re-plan moves the follow-up instead of asking', async () => {
    const [r14] = await followUpRows(w, rinaCustom.enrolmentId);
    const stale = followUpJobId(rinaCustom.enrolmentId, 14, r14.due_at);
    await w.t.db.query(
      `UPDATE enrolment SET completed_at = completed_at + interval '5 days' WHERE id = $1`,
      [rinaCustom.enrolmentId],
    );
    await (await mustJob(stale)).promote();
    await jobDone(w, stale);
    const [moved] = await followUpRows(w, rinaCustom.enrolmentId);
    expect(moved.status).toBe('scheduled');
    expect(moved.due_at.getTime()).toBe(r14.due_at.getTime() + 5 * DAY);
    const job = await evaluationJob(followUpJobId(rinaCustom.enrolmentId, 14, moved.due_at));
    expect(await job?.getState()).toBe('delayed');
  });

  it('re-plans the not yet asked follow-ups when the course’s days change', async () => {
    const put = (
      await request(w.t.http)
        .put(`/api/v1/authoring/courses/${custom}/follow-up-settings`)
        .set(await auth(w, w.cityAdmin))
        .send({ days: [30] })
        .expect(200)
    ).body as FollowUpSettingsResponse;
    const rows = await until(async () => {
      const r = await followUpRows(w, rinaCustom.enrolmentId);
      return r.length === 1 && r[0].offset_days === 30 ? r : null;
    });
    const [{ completed_at: end }] = await w.t.db.query<{ completed_at: Date }[]>(
      `SELECT completed_at FROM enrolment WHERE id = $1`,
      [rinaCustom.enrolmentId],
    );
    expect(rows[0].due_at).toEqual(followUpDueAt(end, 30));
    expect(put.days).toEqual([30]);
    const ids = await delayedIds();
    expect(ids).toContain(followUpJobId(rinaCustom.enrolmentId, 30, rows[0].due_at));
    expect(ids.filter((id) => id?.includes(rinaCustom.enrolmentId))).toHaveLength(1);
  });

  it('the job asks the alumnus and the direct supervisor and plans their notices', async () => {
    // Time passes: the course ended 32 days ago, so the 30-day follow-up was due two days ago.
    const [r30] = await followUpRows(w, rinaStandard.enrolmentId);
    const jobId = followUpJobId(rinaStandard.enrolmentId, 30, r30.due_at);
    await shiftCourseEnd(w, rinaStandard.enrolmentId, 32);
    await (await mustJob(jobId)).promote();
    await jobDone(w, jobId);

    const [asked, later] = await followUpRows(w, rinaStandard.enrolmentId);
    expect(asked).toMatchObject({
      offset_days: 30,
      status: 'open',
      supervisor_id: w.kabid,
      org_unit_id: w.opd.id,
    });
    expect(later.status).toBe('scheduled');
    expect(asked.answer_by.getTime() - asked.due_at.getTime()).toBe(7 * DAY);
    const notices = await planned(asked.id);
    expect(notices.map((n) => [n.event, n.user_id, n.due_at.toISOString()])).toEqual(
      [
        ['follow-up-confirm', w.kabid, asked.due_at.toISOString()],
        ['follow-up-due', w.rina, asked.due_at.toISOString()],
        ['follow-up-overdue', w.kabid, asked.answer_by.toISOString()],
        ['follow-up-overdue', w.rina, asked.answer_by.toISOString()],
      ].sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`)),
    );
    // Due two days ago: delivered at once, in the app and by email; the reminders wait.
    await until(
      async () => (await inbox(w.rina)).length === 1 && (await inbox(w.kabid)).length === 1,
    );
    expect((await inbox(w.rina))[0]).toEqual({
      title: 'Evaluasi pasca pelatihan: Pelayanan Prima 2',
      link: '/evaluasi/tindak-lanjut',
    });
    expect((await inbox(w.kabid))[0].title).toBe('Konfirmasi penerapan pelatihan: Rina Marpaung');
    await w.mail.waitFor((m) => m.subject === 'Konfirmasi penerapan pelatihan: Rina Marpaung');
    const pending = async () =>
      (await planned(asked.id)).filter((n) => n.status === 'planned').map((n) => n.event);
    await until(async () => (await pending()).length === 2);
    expect(await pending()).toEqual(['follow-up-overdue', 'follow-up-overdue']);

    // The alumnus and the supervisor see it; running the job again asks nothing more.
    const mine = (
      await request(w.t.http)
        .get('/api/v1/my/follow-ups')
        .set(await auth(w, w.rina))
        .expect(200)
    ).body as Page<FollowUpView>;
    expect(mine.items.map((f) => [f.id, f.status, f.supervisor?.name])).toEqual([
      [asked.id, 'pending', 'Kabid Pelayanan'],
    ]);
    const team = (
      await request(w.t.http)
        .get('/api/v1/follow-ups/team')
        .set(await auth(w, w.kabid))
        .expect(200)
    ).body as Page<FollowUpView>;
    expect(team.items.map((f) => [f.id, f.alumnus.name, f.canConfirm])).toEqual([
      [asked.id, 'Rina Marpaung', true],
    ]);
    await w.queue.enqueue(
      'evaluation.follow-up-due',
      { enrolmentId: rinaStandard.enrolmentId, offsetDays: 30 },
      { jobId: 'again-1' },
    );
    await jobDone(w, 'again-1');
    expect(await planned(asked.id)).toHaveLength(4);
  });

  it('reminds once after the answer time whoever has not answered, and shows it on the OPD report', async () => {
    // Andi's course ended 40 days ago: due 10 days ago, answer time passed 3 days ago.
    const andi = await enrol(w, w.andi, standard);
    await complete(w, w.andi, andi);
    const [r30] = await followUpRows(w, andi.enrolmentId);
    const jobId = followUpJobId(andi.enrolmentId, 30, r30.due_at);
    await shiftCourseEnd(w, andi.enrolmentId, 40);
    await (await mustJob(jobId)).promote();
    await jobDone(w, jobId);
    const [late] = await followUpRows(w, andi.enrolmentId);
    expect(late.status).toBe('open');

    // Both reminders are due already: delivered with the request itself.
    const reminders = async (userId: string) =>
      (await inbox(userId)).filter((n) => n.title.startsWith('Belum diisi'));
    await until(
      async () => (await reminders(w.andi)).length === 1 && (await reminders(w.kabid)).length === 1,
    );
    expect((await reminders(w.kabid))[0]).toEqual({
      title: 'Belum diisi: evaluasi pasca pelatihan Pelayanan Prima 2',
      link: '/evaluasi/tim',
    });
    const mail = await w.mail.waitFor(
      (m) =>
        m.subject === 'Belum diisi: evaluasi pasca pelatihan Pelayanan Prima 2' &&
        m.text?.includes('Andi Siregar') === true,
    );
    expect(mail.text).toContain(
      'Konfirmasi penerapan pelatihan "Pelayanan Prima 2" oleh Andi Siregar belum diisi',
    );

    const mine = (
      await request(w.t.http)
        .get('/api/v1/my/follow-ups?status=overdue')
        .set(await auth(w, w.andi))
        .expect(200)
    ).body as Page<FollowUpView>;
    expect(mine.items.map((f) => [f.id, f.status])).toEqual([[late.id, 'overdue']]);

    // The OPD report counts it (Rina's is still within its week).
    const dash = (
      await request(w.t.http)
        .get(`/api/v1/reports/dashboard?orgUnitId=${w.opd.id}`)
        .set(await auth(w, w.cityAdmin))
        .expect(200)
    ).body as DashboardResponse;
    expect(dash.totals.followUpsOverdue).toBe(1);
    const city = (
      await request(w.t.http)
        .get('/api/v1/reports/dashboard')
        .set(await auth(w, w.cityAdmin))
        .expect(200)
    ).body as DashboardResponse;
    expect(city.units.find((u) => u.orgUnitId === w.opd.id)?.followUpsOverdue).toBe(1);
    expect(city.units.find((u) => u.orgUnitId === w.otherOpd.id)?.followUpsOverdue).toBe(0);
  });

  it('takes a reminder back once that person has answered', async () => {
    const [asked] = await followUpRows(w, rinaStandard.enrolmentId);
    const items = (
      await request(w.t.http)
        .get(`/api/v1/follow-ups/${asked.id}`)
        .set(await auth(w, w.rina))
        .expect(200)
    ).body as FollowUpView;
    expect(items.actionPlan).toEqual([]);
    await request(w.t.http)
      .post(`/api/v1/follow-ups/${asked.id}/report`)
      .set(await auth(w, w.rina))
      .send({
        progress: 'Antrean di loket berkurang sejak layanan daring.',
        items: [],
        evidenceFileIds: [],
      })
      .expect(200);
    const notices = await planned(asked.id);
    expect(
      notices.filter((n) => n.event === 'follow-up-overdue').map((n) => [n.user_id, n.status]),
    ).toEqual(
      [
        [w.kabid, 'planned'],
        [w.rina, 'cancelled'],
      ].sort((a, b) => a[0].localeCompare(b[0])),
    );
  });

  it('cancels the follow-up of an alumnus deactivated before it is due', async () => {
    const tono = await enrol(w, w.tono, standard);
    await complete(w, w.tono, tono);
    const [r30] = await followUpRows(w, tono.enrolmentId);
    const jobId = followUpJobId(tono.enrolmentId, 30, r30.due_at);
    await shiftCourseEnd(w, tono.enrolmentId, 31);
    await w.t.db.query(`UPDATE app_user SET active = false WHERE id = $1`, [w.tono]);
    await (await mustJob(jobId)).promote();
    await jobDone(w, jobId);
    expect((await followUpRows(w, tono.enrolmentId))[0].status).toBe('cancelled');
    expect(await planned((await followUpRows(w, tono.enrolmentId))[0].id)).toEqual([]);
    await w.t.db.query(`UPDATE app_user SET active = true WHERE id = $1`, [w.tono]);
  });
});
