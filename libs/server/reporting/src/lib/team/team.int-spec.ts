import type { PersonReport, TeamMemberRow, TeamResponse } from '@siantar/contracts';
import { IdentityModule } from '@siantar/server-identity';
import {
  createTestApp,
  createTestContext,
  TEST_REDIS_URL,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import { Redis } from 'ioredis';
import request from 'supertest';
import { ReportingModule } from '../reporting.module';
import { buildReportCity, type ReportCity } from '../testing/report-city';

describe('a supervisor and their team (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let c: ReportCity;
  let sup = '';
  let sub: Redis;
  const messages: { userId: string; event: string; data: unknown }[] = [];

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, [IdentityModule, ReportingModule]);
    c = await buildReportCity(t.db);
    sup = await t.tokenFor(c.supervisor);
    sub = new Redis(TEST_REDIS_URL);
    await sub.subscribe(`${ctx.config.REDIS_PREFIX}:user-events`);
    sub.on('message', (_ch, m: string) => messages.push(JSON.parse(m)));
  });
  afterAll(async () => {
    sub.disconnect();
    await t.close();
    await ctx.cleanup();
  });

  const call = (method: 'get' | 'post', path: string, token = sup) =>
    request(t.http)[method](`/api/v1${path}`).set('Authorization', `Bearer ${token}`);

  it('lists the direct reports with JP, target and who is behind', async () => {
    const team = (await call('get', '/team?year=2025').expect(200)).body as TeamResponse;
    expect(team.year).toBe(2025);
    expect(team.behind).toBe(1);
    expect(team.members.map((m) => [m.name, m.jp, m.target, m.behind, m.overdueCourses])).toEqual([
      ['Ani Lestari', 22, 20, false, 0],
      ['Budi Santoso', 5, 20, true, 1],
    ]);
    expect(team.members[0].lastNudgedAt).toBeNull();
    const budi = (await call('get', `/team/${c.budi}?year=2025`).expect(200))
      .body as PersonReport<TeamMemberRow>;
    expect(budi.person.name).toBe('Budi Santoso');
    expect(budi.enrolments.map((e) => e.code)).toEqual(['K-MAN', 'K-TEK']);
  });

  it('answers 404 for someone outside the team', async () => {
    expect((await call('get', `/team/${c.dedi}`).expect(404)).body).toMatchObject({
      code: 'person-not-found',
    });
  });

  it('nudges a member once per 24 hours and pushes the nudge to them', async () => {
    const bad = await call('post', `/team/${c.ani}/nudge`).send({ courseId: c.tek }).expect(400);
    expect(bad.body).toMatchObject({ code: 'course-not-active' });

    const res = await call('post', `/team/${c.budi}/nudge`)
      .send({ courseId: c.man, message: 'Tenggat K-MAN sudah lewat, mohon diselesaikan.' })
      .expect(202);
    expect(res.body).toEqual({ id: expect.any(String), createdAt: expect.any(String) });
    const [row] = await t.db.query(
      `SELECT supervisor_id, user_id, course_id, message FROM team_nudge`,
    );
    expect(row).toEqual({
      supervisor_id: c.supervisor,
      user_id: c.budi,
      course_id: c.man,
      message: 'Tenggat K-MAN sudah lewat, mohon diselesaikan.',
    });
    for (let i = 0; i < 50 && !messages.length; i++) await new Promise((r) => setTimeout(r, 20));
    expect(messages).toEqual([
      {
        userId: c.budi,
        event: 'nudge',
        data: {
          from: 'Siti Atasan',
          courseId: c.man,
          courseTitle: 'Kursus Manajerial',
          message: 'Tenggat K-MAN sudah lewat, mohon diselesaikan.',
        },
      },
    ]);

    const again = await call('post', `/team/${c.budi}/nudge`).send({}).expect(429);
    expect(again.body).toMatchObject({ code: 'nudge-too-soon' });
    expect((again.body as { detail: string }).detail).toMatch(/sudah diingatkan/);
    const wait = Number(again.headers['retry-after']);
    expect(wait).toBeGreaterThan(86_000);
    expect(wait).toBeLessThanOrEqual(86_400);

    const team = (await call('get', '/team').expect(200)).body as TeamResponse;
    expect(team.members.find((m) => m.userId === c.budi)?.lastNudgedAt).toBe(
      (res.body as { createdAt: string }).createdAt,
    );
  });

  it('refuses to nudge someone outside the team (403 with a reason)', async () => {
    const res = await call('post', `/team/${c.dedi}/nudge`).send({}).expect(403);
    expect(res.body).toMatchObject({ code: 'not-in-team' });
    expect((res.body as { detail: string }).detail).toMatch(/bukan anggota tim/);
  });

  it('is for supervisors only: learners and admins get 403', async () => {
    for (const id of [c.learner, c.cityAdmin]) {
      const token = await t.tokenFor(id);
      expect((await call('get', '/team', token).expect(403)).body).toMatchObject({
        code: 'forbidden',
      });
      await call('post', `/team/${c.budi}/nudge`, token).send({}).expect(403);
    }
  });
});
