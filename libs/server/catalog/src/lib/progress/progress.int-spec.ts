import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  EnrolmentSummary,
  LearnerCourseResponse,
  ProgressBatchResponse,
} from '@siantar/contracts';
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
import { CatalogModule } from '../catalog.module';
import { publishCourse } from '../testing/course-fixture';

describe('progress events: idempotent, monotonic, only for own lessons (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let learner = '';
  let other = '';
  let enrolment = '';
  let lessons: string[] = [];

  beforeAll(async () => {
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-store-')) });
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    const trainer = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['trainer'] })).id,
    );
    learner = await t.tokenFor((await createUser(t.db, { unit: city })).id);
    other = await t.tokenFor((await createUser(t.db, { unit: city })).id);
    const course = await publishCourse(t, trainer, admin, {
      code: 'PROG-1',
      meta: { sequential: true },
      lessons: [
        {
          type: 'text',
          title: 'Bacaan',
          content: { format: 'markdown', source: '# Bacaan', minSeconds: 30 },
        },
        {
          type: 'video',
          title: 'Video',
          content: { url: 'https://example.go.id/v.mp4', completionShare: 0.8 },
        },
        { type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } },
      ],
    });
    lessons = course.working.modules[0].lessons.map((l) => l.id);
    enrolment = (
      (
        await request(t.http)
          .post(`/api/v1/catalog/${course.courseId}/enrol`)
          .set('Authorization', `Bearer ${learner}`)
          .expect(201)
      ).body as EnrolmentSummary
    ).id;
    await request(t.http)
      .post(`/api/v1/catalog/${course.courseId}/enrol`)
      .set('Authorization', `Bearer ${other}`)
      .expect(201);
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  let clock = Date.parse('2026-11-28T08:00:00Z');
  const ev = (lesson: number, kind: string, extra: Record<string, unknown> = {}, at?: number) => ({
    id: randomUUID(),
    enrolmentId: enrolment,
    lessonId: lessons[lesson],
    kind,
    occurredAt: new Date(at ?? (clock += 1000)).toISOString(),
    ...extra,
  });
  const send = async (events: object[], token = learner) =>
    (
      await request(t.http)
        .post('/api/v1/progress/events')
        .set('Authorization', `Bearer ${token}`)
        .send({ events })
        .expect(200)
    ).body as ProgressBatchResponse;
  const view = async () =>
    (
      await request(t.http)
        .get(`/api/v1/enrolments/${enrolment}`)
        .set('Authorization', `Bearer ${learner}`)
        .expect(200)
    ).body as LearnerCourseResponse;

  it('refuses events for a locked lesson in a sequential course, and the player says it is locked', async () => {
    const res = await send([ev(1, 'opened')]);
    expect(res.rejected[0].reason).toMatch(/terkunci/);
    const player = await request(t.http)
      .get(`/api/v1/enrolments/${enrolment}/lessons/${lessons[1]}`)
      .set('Authorization', `Bearer ${learner}`)
      .expect(403);
    expect((player.body as { code: string }).code).toBe('lesson-locked');
    expect((await view()).modules[0].lessons[1].progress).toMatchObject({
      locked: true,
      lockedReason: 'Selesaikan dulu "Bacaan".',
    });
  });

  it('counts an event once however often it is sent, and never moves progress backwards', async () => {
    const half = ev(0, 'scrolled', { percent: 50 });
    const first = await send([ev(0, 'opened'), half]);
    expect(first.accepted).toHaveLength(2);
    expect(first.lessons[0]).toMatchObject({ status: 'in-progress', percent: 50 });
    const again = await send([half]);
    expect(again.duplicates).toEqual([half.id]);
    const time = ev(0, 'time', { seconds: 20 });
    await send([time]);
    await send([time]);
    const [{ seconds_spent }] = await t.db.query<{ seconds_spent: number }[]>(
      `SELECT seconds_spent FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`,
      [enrolment, lessons[0]],
    );
    expect(seconds_spent).toBe(20);
    const done = await send([ev(0, 'time', { seconds: 15 })]);
    expect(done.lessons[0]).toMatchObject({ status: 'completed', percent: 100 });
    // A late, lower scroll from another tab changes nothing.
    const late = await send([ev(0, 'scrolled', { percent: 10 })]);
    expect(late.lessons[0]).toMatchObject({ status: 'completed', percent: 100 });
  });

  it('accepts the same event sent concurrently exactly once', async () => {
    const e = ev(1, 'time', { seconds: 7 });
    const results = await Promise.all(Array.from({ length: 5 }, () => send([e])));
    expect(results.filter((r) => r.accepted.length === 1)).toHaveLength(1);
    const [{ seconds_spent }] = await t.db.query<{ seconds_spent: number }[]>(
      `SELECT seconds_spent FROM lesson_progress WHERE enrolment_id = $1 AND lesson_id = $2`,
      [enrolment, lessons[1]],
    );
    expect(seconds_spent).toBe(7);
  });

  it('keeps the latest video position when events arrive out of order, and completes at the share watched', async () => {
    const t0 = clock;
    await send([
      ev(
        1,
        'video',
        { positionSeconds: 120, watchedSeconds: 100, durationSeconds: 200 },
        t0 + 60_000,
      ),
    ]);
    await send([
      ev(
        1,
        'video',
        { positionSeconds: 30, watchedSeconds: 30, durationSeconds: 200 },
        t0 + 10_000,
      ),
    ]);
    let v = await view();
    expect(v.modules[0].lessons[1].progress).toMatchObject({
      status: 'in-progress',
      positionSeconds: 120,
      percent: 50,
    });
    await send([
      ev(
        1,
        'video',
        { positionSeconds: 190, watchedSeconds: 165, durationSeconds: 200 },
        t0 + 120_000,
      ),
    ]);
    v = await view();
    expect(v.modules[0].lessons[1].progress.status).toBe('completed');
    expect(v.modules[0].lessons[2].progress.locked).toBe(false);
  });

  it("refuses events for someone else's enrolment or a lesson outside the course, and wrong kinds", async () => {
    const res = await send([ev(2, 'opened')], other);
    expect(res.rejected[0].reason).toMatch(/bukan bagian/);
    const stray = await send([{ ...ev(2, 'opened'), lessonId: randomUUID() }]);
    expect(stray.rejected[0].reason).toMatch(/bukan bagian/);
    const wrong = await send([ev(0, 'video', { positionSeconds: 1 })]);
    expect(wrong.rejected[0].reason).toMatch(/tidak berlaku/);
    const bad = await request(t.http)
      .post('/api/v1/progress/events')
      .set('Authorization', `Bearer ${learner}`)
      .send({ events: [{ ...ev(2, 'opened'), id: 'not-a-uuid' }] })
      .expect(400);
    expect((bad.body as { detail: string }).detail).toMatch(/events\.0\.id/);
  });

  it('completes a link lesson when opened and reports course progress and the resume point', async () => {
    await send([ev(2, 'opened')]);
    const v = await view();
    expect(v.enrolment.percent).toBe(100);
    const mine = (
      await request(t.http)
        .get('/api/v1/my/enrolments')
        .set('Authorization', `Bearer ${learner}`)
        .expect(200)
    ).body as EnrolmentSummary[];
    expect(mine[0]).toMatchObject({ id: enrolment, percent: 100 });
  });
});
