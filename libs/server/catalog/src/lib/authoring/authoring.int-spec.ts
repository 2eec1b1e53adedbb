import { randomUUID } from 'node:crypto';
import type {
  AuthoringCourseResponse,
  CourseDetailResponse,
  EnrolmentSummary,
  LearnerCourseResponse,
  Page,
  CatalogItem,
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
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { CatalogModule } from '../catalog.module';
import { publishCourse } from '../testing/course-fixture';

describe('course authoring, review, versions and enrolment (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  const tok: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const auth = (who: string) => ({ Authorization: `Bearer ${tok[who]}` });

  beforeAll(async () => {
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-store-')) });
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    const bkpsdm = await createOrgUnit(t.db, { code: 'BKPSDM', parent: city });
    const dukcapil = await createOrgUnit(t.db, { code: 'DISDUKCAPIL', parent: city });
    const usr = await createOrgUnit(t.db, { code: 'USR', kind: 'mitra' });
    const users = {
      admin: await createUser(t.db, { unit: bkpsdm, roles: ['admin'], adminScope: city }),
      opdAdmin: await createUser(t.db, { unit: dukcapil, roles: ['admin'] }),
      trainer: await createUser(t.db, { unit: bkpsdm, roles: ['trainer'] }),
      partner: await createUser(t.db, { unit: usr, roles: ['partner'], employmentType: 'NON_ASN' }),
      partner2: await createUser(t.db, {
        unit: usr,
        roles: ['partner'],
        employmentType: 'NON_ASN',
      }),
      learner: await createUser(t.db, { unit: dukcapil }),
      learner2: await createUser(t.db, { unit: dukcapil }),
    };
    for (const [k, u] of Object.entries(users)) {
      tok[k] = await t.tokenFor(u.id);
      ids[k] = u.id;
    }
  });
  afterAll(async () => {
    await t.close();
    await ctx.cleanup();
  });

  let courseId = '';
  let moduleId = '';
  let lessonId = '';
  let v1Key = '';

  it('lets a partner draft a course; other partners and learners cannot see or touch it', async () => {
    const res = await request(t.http)
      .post('/api/v1/authoring/courses')
      .set(auth('partner'))
      .send({
        code: 'ppbd-2026',
        title: 'Pelayanan Publik Berbasis Digital',
        competencyType: 'teknis',
      })
      .expect(201);
    const body = res.body as AuthoringCourseResponse;
    courseId = body.courseId;
    expect(body.code).toBe('PPBD-2026');
    expect(body.working).toMatchObject({ number: 1, status: 'draft' });
    expect(body.can).toMatchObject({ edit: true, submit: true, review: false });
    await request(t.http)
      .get(`/api/v1/authoring/courses/${courseId}`)
      .set(auth('partner2'))
      .expect(404);
    await request(t.http)
      .patch(`/api/v1/authoring/courses/${courseId}/draft`)
      .set(auth('partner2'))
      .send({ summary: 'x' })
      .expect(404);
    await request(t.http)
      .get(`/api/v1/authoring/courses/${courseId}`)
      .set(auth('trainer'))
      .expect(404);
    await request(t.http)
      .post('/api/v1/authoring/courses')
      .set(auth('learner'))
      .send({ code: 'X-1', title: 'Tidak boleh' })
      .expect(403);
    await request(t.http)
      .post('/api/v1/authoring/courses')
      .set(auth('trainer'))
      .send({ code: 'PPBD-2026', title: 'Kode sama' })
      .expect(409);
    const list = (
      await request(t.http).get('/api/v1/authoring/courses').set(auth('partner2')).expect(200)
    ).body as unknown[];
    expect(list).toHaveLength(0);
  });

  it('sanitises text lessons and refuses unknown types and unsafe links with a clear message', async () => {
    const m = await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft/modules`)
      .set(auth('partner'))
      .send({ title: 'Pengantar' })
      .expect(201);
    moduleId = (m.body as AuthoringCourseResponse).working.modules[0].id;
    const lessons = `/api/v1/authoring/courses/${courseId}/draft/modules/${moduleId}/lessons`;
    const added = await request(t.http)
      .post(lessons)
      .set(auth('partner'))
      .send({
        type: 'text',
        title: 'Aplikasi layanan daring',
        durationMinutes: 45,
        content: {
          format: 'html',
          source:
            '<p onclick="x()">Halo</p><script>alert(1)</script><a href="javascript:alert(1)">klik</a>',
        },
      })
      .expect(201);
    const lesson = (added.body as AuthoringCourseResponse).working.modules[0].lessons[0];
    lessonId = lesson.id;
    expect(String(lesson.content['html'])).not.toMatch(/script|onclick|javascript:/);
    expect((added.body as AuthoringCourseResponse).working.suggestedJp).toBe(1);
    const unknown = await request(t.http)
      .post(lessons)
      .set(auth('partner'))
      .send({ type: 'hologram', title: 'x', durationMinutes: 5, content: {} })
      .expect(400);
    expect((unknown.body as { detail: string }).detail).toMatch(/type harus salah satu dari/);
    const js = await request(t.http)
      .post(lessons)
      .set(auth('partner'))
      .send({
        type: 'link',
        title: 'x',
        durationMinutes: 5,
        content: { url: 'javascript:alert(1)' },
      })
      .expect(400);
    expect((js.body as { detail: string }).detail).toMatch(/http/);
    const noFile = await request(t.http)
      .post(lessons)
      .set(auth('partner'))
      .send({
        type: 'document',
        title: 'x',
        durationMinutes: 5,
        content: { fileId: '00000000-0000-4000-8000-000000000000' },
      })
      .expect(400);
    expect((noFile.body as { detail: string }).detail).toMatch(/unggah dulu/);
  });

  it('moves a lesson between modules by the whole new order, refusing partial orders', async () => {
    const m2 = await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft/modules`)
      .set(auth('partner'))
      .send({ title: 'Praktik' })
      .expect(201);
    const second = (m2.body as AuthoringCourseResponse).working.modules[1].id;
    const outline = `/api/v1/authoring/courses/${courseId}/draft/outline`;
    await request(t.http)
      .put(outline)
      .set(auth('partner'))
      .send({ modules: [{ moduleId, lessonIds: [] }] })
      .expect(400);
    const moved = await request(t.http)
      .put(outline)
      .set(auth('partner'))
      .send({
        modules: [
          { moduleId: second, lessonIds: [lessonId] },
          { moduleId, lessonIds: [] },
        ],
      })
      .expect(200);
    const mods = (moved.body as AuthoringCourseResponse).working.modules;
    expect(mods.map((x) => x.title)).toEqual(['Praktik', 'Pengantar']);
    expect(mods[0].lessons.map((l) => l.id)).toEqual([lessonId]);
  });

  it('goes draft → in review → published with comments and a changelog; drafts freeze in review', async () => {
    const submit = `/api/v1/authoring/courses/${courseId}/draft/submit`;
    const early = await request(t.http)
      .post(submit)
      .set(auth('partner'))
      .send({ changelog: 'Versi pertama' })
      .expect(400);
    expect((early.body as { detail: string }).detail).toMatch(/ringkasan kosong/);
    await request(t.http)
      .patch(`/api/v1/authoring/courses/${courseId}/draft`)
      .set(auth('partner'))
      .send({ summary: 'Memakai aplikasi layanan daring.', jp: 2 })
      .expect(200);
    await request(t.http)
      .post(submit)
      .set(auth('partner'))
      .send({ changelog: 'Versi pertama' })
      .expect(200);
    const frozen = await request(t.http)
      .patch(`/api/v1/authoring/courses/${courseId}/draft`)
      .set(auth('partner'))
      .send({ jp: 3 })
      .expect(409);
    expect((frozen.body as { detail: string }).detail).toMatch(/sedang direview/);
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/review/approve`)
      .set(auth('partner'))
      .send({})
      .expect(403);
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/comments`)
      .set(auth('admin'))
      .send({ lessonId, body: 'Tambahkan contoh formulir.' })
      .expect(201);
    const sent = await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/review/send-back`)
      .set(auth('admin'))
      .send({ note: 'Lengkapi contoh.' })
      .expect(200);
    expect((sent.body as AuthoringCourseResponse).working.status).toBe('draft');
    await request(t.http)
      .post(submit)
      .set(auth('partner'))
      .send({ changelog: 'Versi pertama, dengan contoh' })
      .expect(200);
    const pub = await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/review/approve`)
      .set(auth('admin'))
      .send({ note: 'Bagus' })
      .expect(200);
    const body = pub.body as AuthoringCourseResponse;
    expect(body.working).toMatchObject({
      status: 'published',
      number: 1,
      changelog: 'Versi pertama, dengan contoh',
    });
    v1Key = body.working.modules[0].lessons[0].key;
    expect(body.versions[0].events.map((e) => e.action)).toEqual([
      'created',
      'submitted',
      'sent-back',
      'submitted',
      'approved',
    ]);
    const comments = (
      await request(t.http)
        .get(`/api/v1/authoring/courses/${courseId}/comments`)
        .set(auth('partner'))
        .expect(200)
    ).body as { lessonId: string }[];
    expect(comments[0].lessonId).toBe(lessonId);

    // The author hears of each decision, with the reviewer's note; the reviewer does not.
    const told = await t.db.query<{ user_id: string; data: Record<string, unknown> }[]>(
      `SELECT user_id, data FROM planned_notification
        WHERE event = 'review-decided' AND target_id = $1 ORDER BY due_at, created_at`,
      [courseId],
    );
    expect(told.map((n) => [n.user_id, n.data.decision, n.data.note])).toEqual([
      [ids.partner, 'sent-back', 'Lengkapi contoh.'],
      [ids.partner, 'approved', 'Bagus'],
    ]);
  });

  it('keeps reminder days per course and plans the deadline reminders by them', async () => {
    const due = new Date(Date.now() + 30 * 86_400_000);
    const course = await publishCourse(t, tok.trainer, tok.admin, {
      code: 'PENGINGAT',
      lessons: [{ type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } }],
      meta: { reminderDays: [1, 14], completionDeadline: due.toISOString() },
    });
    expect(course.working.reminderDays).toEqual([14, 1]);
    for (const [reminderDays, message] of [
      [[0], 'reminderDays paling sedikit 1 hari'],
      [[3, 3], 'reminderDays tidak boleh berulang'],
      [[1, 2, 3, 4, 5], 'reminderDays paling banyak 4 pengingat'],
      [[1.5], 'reminderDays berisi bilangan bulat hari'],
    ] as const) {
      const bad = await request(t.http)
        .patch(`/api/v1/authoring/courses/${course.courseId}/draft`)
        .set(auth('trainer'))
        .send({ reminderDays })
        .expect(400);
      expect(JSON.stringify(bad.body)).toContain(message);
    }
    await request(t.http)
      .post(`/api/v1/catalog/${course.courseId}/enrol`)
      .set(auth('learner2'))
      .expect(201);
    const reminders = await t.db.query<{ due_at: Date; data: { daysLeft: number } }[]>(
      `SELECT due_at, data FROM planned_notification
        WHERE event = 'deadline-approaching' AND target_id = $1 AND user_id = $2 ORDER BY due_at`,
      [course.courseId, ids.learner2],
    );
    expect(reminders.map((r) => r.data.daysLeft)).toEqual([14, 1]);
    const [deadline] = await t.db.query<{ due_at: Date }[]>(
      `SELECT due_at FROM enrolment WHERE course_id = $1 AND user_id = $2`,
      [course.courseId, ids.learner2],
    );
    expect(reminders.map((r) => deadline.due_at.getTime() - r.due_at.getTime())).toEqual([
      14 * 86_400_000,
      86_400_000,
    ]);
  });

  it('publishes version 2 while learners who started on version 1 stay on it', async () => {
    const first = (
      await request(t.http)
        .post(`/api/v1/catalog/${courseId}/enrol`)
        .set(auth('learner'))
        .expect(201)
    ).body as EnrolmentSummary;
    expect(first.versionNumber).toBe(1);
    await request(t.http)
      .post(`/api/v1/catalog/${courseId}/enrol`)
      .set(auth('learner'))
      .expect(409);
    const v2 = await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft`)
      .set(auth('partner'))
      .expect(201);
    const draft = (v2.body as AuthoringCourseResponse).working;
    expect(draft).toMatchObject({ number: 2, status: 'draft' });
    const newLessonId = draft.modules[0].lessons[0].id;
    // The copied lesson is a new row but the same lesson: its key carries over.
    expect(newLessonId).not.toBe(lessonId);
    expect(draft.modules[0].lessons[0].key).toBe(v1Key);
    await request(t.http)
      .patch(`/api/v1/authoring/courses/${courseId}/draft/lessons/${newLessonId}`)
      .set(auth('partner'))
      .send({ title: 'Aplikasi layanan daring (revisi)' })
      .expect(200);
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft/submit`)
      .set(auth('partner'))
      .send({ changelog: 'Judul materi diperjelas.' })
      .expect(200);
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/review/approve`)
      .set(auth('admin'))
      .send({})
      .expect(200);

    const old = (
      await request(t.http).get(`/api/v1/enrolments/${first.id}`).set(auth('learner')).expect(200)
    ).body as LearnerCourseResponse;
    expect(old.modules[0].lessons[0].title).toBe('Aplikasi layanan daring');

    // Progress made on version 1 follows the lesson when an admin migrates the learner.
    await request(t.http)
      .post('/api/v1/progress/events')
      .set(auth('learner'))
      .send({
        events: [
          {
            id: randomUUID(),
            enrolmentId: first.id,
            lessonId,
            kind: 'scrolled',
            percent: 100,
            occurredAt: new Date().toISOString(),
          },
        ],
      })
      .expect(200);
    await request(t.http)
      .post(`/api/v1/enrolments/${first.id}/migrate`)
      .set(auth('learner'))
      .expect(403);
    const migrated = (
      await request(t.http)
        .post(`/api/v1/enrolments/${first.id}/migrate`)
        .set(auth('admin'))
        .expect(200)
    ).body as EnrolmentSummary;
    expect(migrated).toMatchObject({ versionNumber: 2, percent: 100 });
    const now = (
      await request(t.http).get(`/api/v1/enrolments/${first.id}`).set(auth('learner')).expect(200)
    ).body as LearnerCourseResponse;
    expect(now.modules[0].lessons[0]).toMatchObject({
      title: 'Aplikasi layanan daring (revisi)',
      progress: { status: 'completed' },
    });
    await request(t.http)
      .post(`/api/v1/enrolments/${first.id}/migrate`)
      .set(auth('admin'))
      .expect(409);
    const second = (
      await request(t.http)
        .post(`/api/v1/catalog/${courseId}/enrol`)
        .set(auth('learner2'))
        .expect(201)
    ).body as EnrolmentSummary;
    expect(second.versionNumber).toBe(2);
    const detail = (
      await request(t.http).get(`/api/v1/catalog/${courseId}`).set(auth('learner2')).expect(200)
    ).body as CourseDetailResponse;
    expect(detail.versionNumber).toBe(2);
    const history = (
      await request(t.http)
        .get(`/api/v1/authoring/courses/${courseId}`)
        .set(auth('partner'))
        .expect(200)
    ).body as AuthoringCourseResponse;
    expect(history.versions.map((v) => [v.number, v.status, v.changelog])).toEqual([
      [1, 'published', 'Versi pertama, dengan contoh'],
      [2, 'published', 'Judul materi diperjelas.'],
    ]);
  });

  it('finds the course by Indonesian text search and filters; archiving closes enrolment', async () => {
    const found = (
      await request(t.http)
        .get('/api/v1/catalog?q=layanan%20digital')
        .set(auth('learner2'))
        .expect(200)
    ).body as Page<CatalogItem>;
    expect(found.items.map((i) => i.code)).toContain('PPBD-2026');
    expect(found.items[0].myEnrolmentId).not.toBeNull();
    const none = (
      await request(t.http)
        .get('/api/v1/catalog?competencyType=manajerial')
        .set(auth('learner2'))
        .expect(200)
    ).body as Page<CatalogItem>;
    expect(none.items.map((i) => i.code)).not.toContain('PPBD-2026');
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/archive`)
      .set(auth('admin'))
      .expect(200);
    const after = (
      await request(t.http).get('/api/v1/catalog?q=layanan').set(auth('learner2')).expect(200)
    ).body as Page<CatalogItem>;
    expect(after.items.map((i) => i.code)).not.toContain('PPBD-2026');
    const outsider = await createUser(t.db, {
      unit: await createOrgUnit(t.db, { code: 'DINKES' }),
    });
    const closed = await request(t.http)
      .post(`/api/v1/catalog/${courseId}/enrol`)
      .set({ Authorization: `Bearer ${await t.tokenFor(outsider.id)}` })
      .expect(409);
    expect((closed.body as { detail: string }).detail).toMatch(/diarsipkan/);
  });

  it('refuses self-enrolment into unpublished, closed or untargeted courses, saying why', async () => {
    const draft = (
      await request(t.http)
        .post('/api/v1/authoring/courses')
        .set(auth('trainer'))
        .send({ code: 'DRAF-1', title: 'Masih draf' })
        .expect(201)
    ).body as AuthoringCourseResponse;
    const res = await request(t.http)
      .post(`/api/v1/catalog/${draft.courseId}/enrol`)
      .set(auth('learner'))
      .expect(409);
    expect((res.body as { detail: string }).detail).toMatch(/belum terbit/);

    const dinkes = await createOrgUnit(t.db, { code: 'DINKES-2' });
    const targeted = await publishCourse(t, tok['trainer'], tok['admin'], {
      code: 'TARGET-1',
      lessons: [{ type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } }],
      meta: { targetOrgUnitIds: [dinkes.id] },
    });
    const other = await request(t.http)
      .post(`/api/v1/catalog/${targeted.courseId}/enrol`)
      .set(auth('learner'))
      .expect(409);
    expect((other.body as { detail: string }).detail).toMatch(/OPD lain/);

    const closed = await publishCourse(t, tok['trainer'], tok['admin'], {
      code: 'TUTUP-1',
      lessons: [{ type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } }],
      meta: { enrolOpensAt: '2020-01-01T00:00:00Z', enrolClosesAt: '2021-01-01T00:00:00Z' },
    });
    const late = await request(t.http)
      .post(`/api/v1/catalog/${closed.courseId}/enrol`)
      .set(auth('learner'))
      .expect(409);
    expect((late.body as { detail: string }).detail).toMatch(/ditutup/);
    const detail = (
      await request(t.http)
        .get(`/api/v1/catalog/${closed.courseId}`)
        .set(auth('learner'))
        .expect(200)
    ).body as CourseDetailResponse;
    expect(detail.enrolBlockedReason).toMatch(/ditutup/);
  });
});
