import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { LiveAttendanceReport } from '@siantar/contracts';
import { CatalogJobsModule } from '@siantar/server-catalog';
import { QueueService } from '@siantar/server-core';
import { createTestWorker, jobStubsExcept, until } from '@siantar/server-testing';
import request from 'supertest';
import { LiveJobsModule } from '../live-jobs.module';
import { auth, createLiveWorld, type LiveWorld, runningSession } from '../testing/live-fixture';
import { joinRoom } from '../testing/room-client';

describe('attendance: presence, the end-of-session job, JP credit (real PostgreSQL + Redis + worker)', () => {
  let w: LiveWorld;
  let worker: INestApplicationContext;
  let port: number;

  beforeAll(async () => {
    w = await createLiveWorld();
    await w.t.app.listen(0, '127.0.0.1');
    port = (w.t.app.getHttpServer().address() as AddressInfo).port;
    worker = await createTestWorker(w.ctx.config, [
      LiveJobsModule,
      CatalogJobsModule,
      jobStubsExcept(
        'live.finalise-attendance',
        'catalog.evaluate-completion',
        'catalog.scorm-import',
        'catalog.bulk-enrol',
      ),
    ]);
  });
  afterAll(async () => {
    await worker?.close();
    await w.close();
  });

  const report = async (sessionId: string, token: string) =>
    (
      await request(w.t.http)
        .get(`/api/v1/live-sessions/${sessionId}/attendance`)
        .set(auth(token))
        .expect(200)
    ).body as LiveAttendanceReport;
  /** What admission and a socket's life would have written: a seat and a presence interval. */
  const presence = async (sessionId: string, userId: string, fromMin: number, toMin: number) => {
    await w.t.db.query(
      `INSERT INTO live_participant (session_id, user_id, role) VALUES ($1, $2, 'participant')
       ON CONFLICT DO NOTHING`,
      [sessionId, userId],
    );
    await w.t.db.query(
      `INSERT INTO live_presence (session_id, user_id, socket_id, joined_at, last_seen_at, left_at)
       SELECT id, $2, 't-' || left(md5(random()::text), 20), starts_at + $3 * interval '1 minute',
              starts_at + $4 * interval '1 minute', starts_at + $4 * interval '1 minute'
         FROM live_session WHERE id = $1`,
      [sessionId, userId, fromMin, toMin],
    );
  };

  it('builds intervals across a reconnect and shows the list live to the host only', async () => {
    const s = await runningSession(w.t, {
      trainerIds: [w.users.trainer.id],
      audience: [w.units.opdA.id],
    });
    const first = await joinRoom(port, w.users.learnerA.token, s);
    await new Promise((r) => setTimeout(r, 50));
    first.close();
    await until(async () => {
      const rows: unknown[] = await w.t.db.query(
        `SELECT 1 FROM live_presence WHERE session_id = $1 AND left_at IS NOT NULL`,
        [s],
      );
      return rows.length > 0;
    });
    await new Promise((r) => setTimeout(r, 50));
    const again = await joinRoom(port, w.users.learnerA.token, s);
    const r = await report(s, w.users.trainer.token);
    expect(r.finalised).toBe(false);
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ name: 'Budi Dinkes', connectedNow: true, creditedJp: null });
    expect(r.rows[0].intervals).toHaveLength(2);
    again.close();
    await request(w.t.http)
      .get(`/api/v1/live-sessions/${s}/attendance`)
      .set(auth(w.users.learnerA.token))
      .expect(403);
    await request(w.t.http)
      .get(`/api/v1/live-sessions/${s}/attendance.csv`)
      .set(auth(w.users.learnerB.token))
      .expect(404);
  });

  it('at the end: freezes the record, completes the lesson and credits JP once per person', async () => {
    const { learnerA, learnerBidang, trainer } = w.users;
    for (const u of [learnerA, learnerBidang])
      await request(w.t.http)
        .post(`/api/v1/catalog/${w.course.id}/enrol`)
        .set(auth(u.token))
        .expect(201);
    // learnerA already did the course's other lesson, so the live one is all that is left.
    await w.t.db.query(
      `INSERT INTO lesson_progress (enrolment_id, lesson_id, status, percent, completed_at)
       SELECT e.id, l.id, 'completed', 100, now() FROM enrolment e
         JOIN lesson l ON l.version_id = e.version_id AND l.key = $3
        WHERE e.course_id = $1 AND e.user_id = $2`,
      [w.course.id, learnerA.id, w.course.linkKey],
    );
    const s = await runningSession(w.t, {
      trainerIds: [trainer.id],
      courseId: w.course.id,
      lessonKey: w.course.liveKey,
      startedMinutesAgo: 100,
      endsInMinutes: 20,
      jp: 2,
    });
    // 85 of 100 minutes (two tabs overlapping count once) against 40 of 100.
    await presence(s, learnerA.id, 0, 60);
    await presence(s, learnerA.id, 50, 85);
    await presence(s, learnerBidang.id, 10, 50);
    const host = await joinRoom(port, trainer.token, s);
    const res = await host.call('session:end', {});
    expect(res.ok).toBe(true);

    const frozen = await until(async () => {
      const r = await report(s, trainer.token);
      return r.finalised ? r : null;
    });
    expect(frozen.scheduledMinutes).toBe(100);
    const byName = Object.fromEntries(frozen.rows.map((r) => [r.name, r]));
    expect(byName['Budi Dinkes']).toMatchObject({ minutes: 85, meetsRule: true, creditedJp: 2 });
    expect(byName['Budi Dinkes'].share).toBeCloseTo(0.85, 3);
    expect(byName['Budi Dinkes'].intervals).toHaveLength(1);
    expect(byName['Sari Yankes']).toMatchObject({ minutes: 40, meetsRule: false, creditedJp: 0 });

    const ledger: { user_id: string; jp: string; source: string }[] = await w.t.db.query(
      `SELECT user_id, jp, source FROM ledger_entry WHERE source = 'live'`,
    );
    expect(ledger).toEqual([{ user_id: learnerA.id, jp: '2.0', source: 'live' }]);
    // The live lesson is done, which completes learnerA's course through its rules.
    const enrolment = await until(async () => {
      const rows: { status: string }[] = await w.t.db.query(
        `SELECT status FROM enrolment WHERE course_id = $1 AND user_id = $2`,
        [w.course.id, learnerA.id],
      );
      return rows[0]?.status === 'completed' ? rows[0] : null;
    });
    expect(enrolment.status).toBe('completed');
    const bidang: { status: string }[] = await w.t.db.query(
      `SELECT status FROM enrolment WHERE course_id = $1 AND user_id = $2`,
      [w.course.id, learnerBidang.id],
    );
    expect(bidang[0].status).toBe('active');

    // Again, twice at once: nothing changes and nothing is credited twice.
    const queue = w.t.app.get(QueueService);
    await Promise.all(
      ['again-1', 'again-2'].map((k) =>
        queue.enqueue('live.finalise-attendance', { sessionId: s }, { jobId: `test-${k}-${s}` }),
      ),
    );
    await until(async () => {
      const states = await Promise.all(
        ['again-1', 'again-2'].map((k) => queue.queue('live').getJobState(`test-${k}-${s}`)),
      );
      return states.every((x) => x === 'completed');
    });
    const count: { n: number }[] = await w.t.db.query(
      `SELECT (SELECT count(*)::int FROM live_attendance WHERE session_id = $1)
            + (SELECT count(*)::int FROM ledger_entry WHERE source = 'live') AS n`,
      [s],
    );
    expect(count[0].n).toBe(3);
    await expect(
      w.t.db.query(`UPDATE live_attendance SET credited_jp = 9 WHERE session_id = $1`, [s]),
    ).rejects.toThrow(/final/);
    expect(await report(s, trainer.token)).toEqual(frozen);

    const csv = await request(w.t.http)
      .get(`/api/v1/live-sessions/${s}/attendance.csv`)
      .set(auth(w.users.cityAdmin.token))
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('Nama,NIP,Unit,Hadir (menit)');
    expect(csv.text).toMatch(/Budi Dinkes,\d{18},Dinas Kesehatan,85,85,ya,2,0,0,/);
  });

  it('finalises a session nobody ended once its time is over, and not before', async () => {
    const { trainer, learnerA } = w.users;
    const queue = w.t.app.get(QueueService);
    const running = await runningSession(w.t, {
      trainerIds: [trainer.id],
      audience: [w.units.opdA.id],
      jp: 1,
    });
    const over = await runningSession(w.t, {
      trainerIds: [trainer.id],
      audience: [w.units.opdA.id],
      startedMinutesAgo: 90,
      endsInMinutes: -30,
      jp: 1,
    });
    await presence(running, learnerA.id, 0, 5);
    await presence(over, learnerA.id, 0, 60);
    for (const id of [running, over])
      await queue.enqueue('live.finalise-attendance', { sessionId: id }, { jobId: `test-${id}` });
    await until(
      async () => (await queue.queue('live').getJobState(`test-${running}`)) === 'completed',
    );
    await until(
      async () => (await queue.queue('live').getJobState(`test-${over}`)) === 'completed',
    );
    const rows: { id: string; status: string; finalised: boolean }[] = await w.t.db.query(
      `SELECT id, status, finalised_at IS NOT NULL AS finalised FROM live_session WHERE id = ANY($1)`,
      [[running, over]],
    );
    expect(rows.find((r) => r.id === running)).toMatchObject({
      status: 'scheduled',
      finalised: false,
    });
    expect(rows.find((r) => r.id === over)).toMatchObject({ status: 'ended', finalised: true });
    const r = await report(over, trainer.token);
    expect(r.rows[0]).toMatchObject({ share: 1, creditedJp: 1 });
  });
});
