import { QueueService } from '@siantar/server-core';
import type { LiveSessionView } from '@siantar/contracts';
import request from 'supertest';
import { checkIcal } from '../ical/ical-check';
import { auth, createLiveWorld, inDays, type LiveWorld } from '../testing/live-fixture';

describe('scheduling live sessions (real PostgreSQL + Redis)', () => {
  let w: LiveWorld;
  beforeAll(async () => {
    w = await createLiveWorld();
  });
  afterAll(() => w.close());

  const create = (token: string, body: Record<string, unknown>) =>
    request(w.t.http).post('/api/v1/live-sessions').set(auth(token)).send(body);
  const courseSession = (extra: Record<string, unknown> = {}) => ({
    courseId: w.course.id,
    lessonKey: w.course.liveKey,
    title: 'Sesi tatap maya: Etika Pelayanan',
    startsAt: inDays(3),
    endsAt: inDays(3, 2),
    jp: 2,
    ...extra,
  });
  const paths = (body: unknown) =>
    ((body as { errors?: { path: string }[] }).errors ?? []).map((e) => e.path);
  const mine = async (token: string, query = '') =>
    (
      (await request(w.t.http).get(`/api/v1/my/live-sessions${query}`).set(auth(token)).expect(200))
        .body as LiveSessionView[]
    ).map((s) => s.id);
  const enrol = (token: string) =>
    request(w.t.http).post(`/api/v1/catalog/${w.course.id}/enrol`).set(auth(token)).expect(201);

  it('an author schedules a session of the course’s live-session lesson', async () => {
    const { trainer } = w.users;
    const res = await create(trainer.token, courseSession({ capacity: 40 })).expect(201);
    const s = res.body as LiveSessionView;
    expect(s).toMatchObject({
      courseId: w.course.id,
      courseTitle: 'Kursus LIVE-1',
      lessonKey: w.course.liveKey,
      status: 'scheduled',
      sequence: 0,
      capacity: 40,
      jp: 2,
      attendanceRule: { minShare: 0.8 },
      trainers: [{ id: trainer.id, name: 'Dr. Lestari' }],
      canManage: true,
    });
  });

  it.each([
    ['ends before it starts', { startsAt: inDays(3, 2), endsAt: inDays(3) }, 'endsAt'],
    ['starts in the past', { startsAt: inDays(-1), endsAt: inDays(-1, 1) }, 'startsAt'],
    ['lasts over 12 hours', { startsAt: inDays(3), endsAt: inDays(3, 13) }, 'endsAt'],
    ['unknown course', { courseId: '00000000-0000-4000-8000-000000000001' }, 'courseId'],
    ['lesson key of another type', { lessonKey: 'LINK' }, 'lessonKey'],
    [
      'lesson key not in the course',
      { lessonKey: '00000000-0000-4000-8000-000000000002' },
      'lessonKey',
    ],
    ['audience on a course session', { audienceOrgUnitIds: ['AUD'] }, 'audienceOrgUnitIds'],
    ['a learner as trainer', { trainerIds: ['LEARNER'] }, 'trainerIds'],
    ['a malformed time', { startsAt: 'besok pagi' }, 'startsAt'],
    ['no title', { title: '' }, 'title'],
  ])('400 naming the field: %s', async (_, extra, field) => {
    const body = courseSession(extra as Record<string, unknown>);
    if (body.lessonKey === 'LINK') body.lessonKey = w.course.linkKey;
    if ((body as { audienceOrgUnitIds?: string[] }).audienceOrgUnitIds)
      (body as { audienceOrgUnitIds?: string[] }).audienceOrgUnitIds = [w.units.opdA.id];
    if ((body as { trainerIds?: string[] }).trainerIds)
      (body as { trainerIds?: string[] }).trainerIds = [w.users.learnerA.id];
    const res = await create(w.users.trainer.token, body).expect(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(paths(res.body)).toContain(field);
  });

  it('a trainer who does not author the course and an OPD admin out of reach cannot schedule for it', async () => {
    const other = await create(w.users.otherTrainer.token, courseSession()).expect(400);
    expect(paths(other.body)).toEqual(['courseId']);
    const admin = await create(w.users.adminB.token, courseSession()).expect(400);
    expect(paths(admin.body)).toEqual(['courseId']);
    await create(w.users.cityAdmin.token, courseSession()).expect(201);
    await create(w.users.learnerA.token, courseSession()).expect(403);
  });

  it('webinars: admins and trainers schedule them, partners cannot; OPD invitations include sub-units', async () => {
    const { cityAdmin, partner, learnerA, learnerBidang, learnerB, otherTrainer } = w.users;
    const body = {
      title: 'Webinar Dinkes',
      startsAt: inDays(5),
      endsAt: inDays(5, 1),
      audienceOrgUnitIds: [w.units.opdA.id],
    };
    const refused = await create(partner.token, body).expect(403);
    expect((refused.body as { detail: string }).detail).toContain('Webinar');
    const forA = (
      await create(cityAdmin.token, { ...body, trainerIds: [otherTrainer.id] }).expect(201)
    ).body as LiveSessionView;
    const all = (
      await create(otherTrainer.token, {
        ...body,
        title: 'Webinar Kota',
        audienceOrgUnitIds: [],
      }).expect(201)
    ).body as LiveSessionView;
    const bad = await create(cityAdmin.token, {
      ...body,
      audienceOrgUnitIds: ['00000000-0000-4000-8000-000000000003'],
    }).expect(400);
    expect(paths(bad.body)).toEqual(['audienceOrgUnitIds']);

    expect(await mine(learnerA.token)).toEqual(expect.arrayContaining([forA.id, all.id]));
    expect(await mine(learnerBidang.token)).toEqual(expect.arrayContaining([forA.id, all.id]));
    expect(await mine(learnerB.token)).toEqual([all.id]);
    expect(await mine(otherTrainer.token)).toEqual(expect.arrayContaining([forA.id, all.id]));
    await request(w.t.http)
      .get(`/api/v1/live-sessions/${forA.id}`)
      .set(auth(learnerB.token))
      .expect(404);
    const seen = await request(w.t.http)
      .get(`/api/v1/live-sessions/${forA.id}`)
      .set(auth(learnerBidang.token))
      .expect(200);
    expect((seen.body as LiveSessionView).canManage).toBe(false);
    // An OPD admin invites units of their own reach only, never the whole city.
    const { adminB } = w.users;
    const wholeCity = await create(adminB.token, { ...body, audienceOrgUnitIds: [] }).expect(400);
    expect(paths(wholeCity.body)).toEqual(['audienceOrgUnitIds']);
    const otherOpd = await create(adminB.token, body).expect(400);
    expect(paths(otherOpd.body)).toEqual(['audienceOrgUnitIds[0]']);
    await create(adminB.token, {
      ...body,
      title: 'Webinar Disdik',
      audienceOrgUnitIds: [w.units.opdB.id],
      trainerIds: [otherTrainer.id],
    }).expect(201);
  });

  it('course sessions are for the enrolled and the trainers; the window filters by time', async () => {
    const { trainer, learnerA, learnerB } = w.users;
    const s = (
      await create(
        trainer.token,
        courseSession({ startsAt: inDays(10), endsAt: inDays(10, 1) }),
      ).expect(201)
    ).body as LiveSessionView;
    expect(await mine(learnerA.token)).not.toContain(s.id);
    await request(w.t.http)
      .get(`/api/v1/live-sessions/${s.id}`)
      .set(auth(learnerA.token))
      .expect(404);
    await enrol(learnerA.token);
    expect(await mine(learnerA.token)).toContain(s.id);
    expect(await mine(trainer.token)).toContain(s.id);
    expect(await mine(learnerB.token)).not.toContain(s.id);
    expect(await mine(learnerA.token, `?from=${inDays(9)}&to=${inDays(9, 12)}`)).not.toContain(
      s.id,
    );
    expect(await mine(learnerA.token, `?from=${inDays(9)}&to=${inDays(11)}`)).toContain(s.id);
    await request(w.t.http)
      .get(`/api/v1/my/live-sessions?from=${inDays(11)}&to=${inDays(9)}`)
      .set(auth(learnerA.token))
      .expect(400);
  });

  it('rescheduling bumps SEQUENCE; only managers may change; a cancelled session is final', async () => {
    const { trainer, learnerA, otherTrainer } = w.users;
    const s = (await create(trainer.token, courseSession()).expect(201)).body as LiveSessionView;
    const moved = await request(w.t.http)
      .patch(`/api/v1/live-sessions/${s.id}`)
      .set(auth(trainer.token))
      .send({ startsAt: inDays(4), endsAt: inDays(4, 3) })
      .expect(200);
    expect(moved.body).toMatchObject({ sequence: 1, startsAt: inDays(4), endsAt: inDays(4, 3) });
    const tooLong = await request(w.t.http)
      .patch(`/api/v1/live-sessions/${s.id}`)
      .set(auth(trainer.token))
      .send({ endsAt: inDays(4, 14) })
      .expect(400);
    expect(paths(tooLong.body)).toEqual(['endsAt']);
    await request(w.t.http)
      .patch(`/api/v1/live-sessions/${s.id}`)
      .set(auth(otherTrainer.token))
      .send({ title: 'Diambil alih' })
      .expect(404);
    await request(w.t.http)
      .post(`/api/v1/live-sessions/${s.id}/cancel`)
      .set(auth(trainer.token))
      .send({})
      .expect(400);
    const cancelled = await request(w.t.http)
      .post(`/api/v1/live-sessions/${s.id}/cancel`)
      .set(auth(trainer.token))
      .send({ reason: 'Narasumber berhalangan hadir' })
      .expect(200);
    expect(cancelled.body).toMatchObject({
      status: 'cancelled',
      sequence: 2,
      cancelReason: 'Narasumber berhalangan hadir',
    });
    const again = await request(w.t.http)
      .patch(`/api/v1/live-sessions/${s.id}`)
      .set(auth(trainer.token))
      .send({ title: 'Lagi' })
      .expect(409);
    expect((again.body as { code: string }).code).toBe('live.not-scheduled');
    // an enrolled learner sees it (learnerA enrolled above) but may not change it
    await request(w.t.http)
      .get(`/api/v1/live-sessions/${s.id}`)
      .set(auth(learnerA.token))
      .expect(200);
    expect(await mine(learnerA.token)).not.toContain(s.id);
  });

  it('a learner of the course gets 403 on changes, not 404', async () => {
    const { trainer, learnerA } = w.users;
    const s = (await create(trainer.token, courseSession()).expect(201)).body as LiveSessionView;
    await request(w.t.http)
      .patch(`/api/v1/live-sessions/${s.id}`)
      .set(auth(learnerA.token))
      .send({ title: 'Diubah peserta' })
      .expect(403);
  });

  it('reminds the invited before the start, and tells them when it moves or is cancelled', async () => {
    const { trainer, learnerA, learnerBidang, learnerB } = w.users;
    const planned = async (sessionId: string) =>
      w.t.db.query<
        {
          key: string;
          user_id: string;
          event: string;
          status: string;
          due_at: Date;
          data: { ics?: string };
        }[]
      >(
        `SELECT key, user_id, event, status, due_at, data FROM planned_notification
          WHERE target_id = $1 ORDER BY event, user_id, due_at`,
        [sessionId],
      );
    /** The calendar entry a notice carries: well-formed, the session's UID, its SEQUENCE and link. */
    const entry = (n: { data: { ics?: string } }) => {
      const checked = checkIcal(n.data.ics ?? '');
      expect(checked.errors).toEqual([]);
      const [e] = checked.events;
      expect(e['UID'].value).toBe(`${s.id}@siantar-belajar`);
      expect(e['URL'].value).toMatch(new RegExp(`/live/${s.id}$`));
      return { sequence: Number(e['SEQUENCE'].value), status: e['STATUS'].value };
    };
    const queue = w.t.app.get(QueueService).queue('notify');
    const s = (
      await create(trainer.token, {
        title: 'Webinar Antrean Loket',
        startsAt: inDays(3),
        endsAt: inDays(3, 2),
        audienceOrgUnitIds: [w.units.opdA.id],
      }).expect(201)
    ).body as LiveSessionView;
    const first = await planned(s.id);
    const invited = [learnerA.id, learnerBidang.id].sort();
    expect([...new Set(first.map((n) => n.user_id))].sort()).toEqual(invited);
    expect(first.map((n) => n.user_id)).not.toContain(learnerB.id);
    expect(first.map((n) => n.user_id)).not.toContain(trainer.id);
    const hoursBefore = (n: { due_at: Date }) =>
      Math.round((new Date(s.startsAt).getTime() - n.due_at.getTime()) / 60_000);
    expect(first.map(hoursBefore).sort((a, b) => a - b)).toEqual([15, 15, 1440, 1440]);
    for (const n of first) expect(await queue.getJobState(n.key)).toBe('delayed');
    expect(first.map(entry)).toEqual(first.map(() => ({ sequence: 0, status: 'CONFIRMED' })));

    await request(w.t.http)
      .patch(`/api/v1/live-sessions/${s.id}`)
      .set(auth(trainer.token))
      .send({ startsAt: inDays(4), endsAt: inDays(4, 2) })
      .expect(200);
    const moved = await planned(s.id);
    for (const n of first) {
      expect(moved.find((m) => m.key === n.key)?.status).toBe('cancelled');
      expect(await queue.getJob(n.key)).toBeUndefined();
    }
    expect(moved.filter((n) => n.event === 'live-reminder' && n.status === 'planned')).toHaveLength(
      4,
    );
    expect(
      moved
        .filter((n) => n.event === 'live-rescheduled')
        .map((n) => n.user_id)
        .sort(),
    ).toEqual(invited);
    // The moved entry replaces the old one in calendar apps (same UID, higher SEQUENCE).
    for (const n of moved.filter((m) => m.status === 'planned'))
      expect(entry(n)).toEqual({ sequence: 1, status: 'CONFIRMED' });

    await request(w.t.http)
      .post(`/api/v1/live-sessions/${s.id}/cancel`)
      .set(auth(trainer.token))
      .send({ reason: 'Narasumber berhalangan' })
      .expect(200);
    const gone = await planned(s.id);
    expect(gone.filter((n) => n.event === 'live-reminder' && n.status === 'planned')).toHaveLength(
      0,
    );
    expect(
      gone
        .filter((n) => n.event === 'live-cancelled')
        .map((n) => n.user_id)
        .sort(),
    ).toEqual(invited);
    for (const n of gone.filter((m) => m.event === 'live-cancelled'))
      expect(entry(n).status).toBe('CANCELLED');
  });
});
