import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type {
  AuthoringCourseResponse,
  CompletionChecklist,
  CompletionRules,
  EnrolmentSummary,
  LearnerCourseResponse,
} from '@siantar/contracts';
import { summaryMismatches } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import { QueueService } from '@siantar/server-core';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  createUser,
  jobStubsExcept,
  type TestApp,
  type TestContext,
} from '@siantar/server-testing';
import request from 'supertest';
import { CatalogJobsModule } from '../catalog-jobs.module';
import { CatalogModule } from '../catalog.module';
import { CompletionSignals } from './completion-signals';
import { EnrolmentCompletion } from './enrolment-completion.service';

const LESSONS = [
  {
    type: 'text',
    title: 'Bacaan',
    content: { format: 'markdown', source: '# Bacaan', minSeconds: 5 },
  },
  { type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } },
  { type: 'live-session', title: 'Sesi tatap maya', content: {} },
];

describe('course completion: rules, the worker job, the ledger credit (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let admin = '';
  let trainer = '';
  let unit: Awaited<ReturnType<typeof createOrgUnit>>;
  let seq = 0;

  beforeAll(async () => {
    ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-store-')) });
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule]);
    worker = await createTestWorker(ctx.config, [
      CatalogJobsModule,
      jobStubsExcept('catalog.evaluate-completion', 'catalog.scorm-import', 'catalog.bulk-enrol'),
    ]);
    unit = await createOrgUnit(t.db, { code: 'PEMKO' });
    admin = await t.tokenFor(
      (await createUser(t.db, { unit, roles: ['admin'], adminScope: unit })).id,
    );
    trainer = await t.tokenFor((await createUser(t.db, { unit, roles: ['trainer'] })).id);
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
    await ctx.cleanup();
  });

  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  /** Publishes a course with the given rules (and a quiz lesson added in SQL: no quiz domain here). */
  async function course(
    rules: Partial<CompletionRules>,
    meta: Record<string, unknown> = {},
    withQuiz = false,
  ): Promise<AuthoringCourseResponse> {
    const code = `CMP-${++seq}`;
    const draft = await request(t.http)
      .post('/api/v1/authoring/courses')
      .set(auth(trainer))
      .send({ code, title: `Kursus ${code}`, summary: 'Ringkasan.', jp: 3 })
      .expect(201);
    const courseId = (draft.body as AuthoringCourseResponse).courseId;
    const mod = await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft/modules`)
      .set(auth(trainer))
      .send({ title: 'Modul 1' })
      .expect(201);
    const moduleId = (mod.body as AuthoringCourseResponse).working.modules[0].id;
    let last = mod.body as AuthoringCourseResponse;
    for (const l of LESSONS)
      last = (
        await request(t.http)
          .post(`/api/v1/authoring/courses/${courseId}/draft/modules/${moduleId}/lessons`)
          .set(auth(trainer))
          .send({ ...l, durationMinutes: 15 })
          .expect(201)
      ).body as AuthoringCourseResponse;
    if (withQuiz)
      await t.db.query(
        `INSERT INTO lesson (version_id, module_id, position, type, title, duration_minutes, content)
         VALUES ($1, $2, 9, 'quiz', 'Post-test', 15, $3)`,
        [last.working.id, moduleId, JSON.stringify({ quizId: randomUUID() })],
      );
    const keys = (
      await t.db.query<{ key: string; title: string }[]>(
        `SELECT key, title FROM lesson WHERE version_id = $1`,
        [last.working.id],
      )
    ).reduce<Record<string, string>>((m, r) => ({ ...m, [r.title]: r.key }), {});
    await request(t.http)
      .patch(`/api/v1/authoring/courses/${courseId}/draft`)
      .set(auth(trainer))
      .send({
        ...meta,
        completionRules: {
          lessons: 'all',
          quizzes: true,
          attendance: true,
          survey: false,
          deadline: false,
          ...rules,
          lessonKeys: (rules.lessonKeys ?? []).map((title) => keys[title]),
        },
      })
      .expect(200);
    await request(t.http)
      .post(`/api/v1/authoring/courses/${courseId}/draft/submit`)
      .set(auth(trainer))
      .send({ changelog: 'Versi pertama.' })
      .expect(200);
    return (
      await request(t.http)
        .post(`/api/v1/authoring/courses/${courseId}/review/approve`)
        .set(auth(admin))
        .send({})
        .expect(200)
    ).body as AuthoringCourseResponse;
  }

  async function learnerIn(c: AuthoringCourseResponse) {
    const user = await createUser(t.db, { unit });
    const token = await t.tokenFor(user.id);
    const e = (
      await request(t.http).post(`/api/v1/catalog/${c.courseId}/enrol`).set(auth(token)).expect(201)
    ).body as EnrolmentSummary;
    const view = (
      await request(t.http).get(`/api/v1/enrolments/${e.id}`).set(auth(token)).expect(200)
    ).body as LearnerCourseResponse;
    const lesson = (title: string) => {
      const found = view.modules.flatMap((m) => m.lessons).find((l) => l.title === title);
      if (!found) throw new Error(`no lesson "${title}"`);
      return found.id;
    };
    return { userId: user.id, token, enrolmentId: e.id, lesson, view };
  }

  type Learner = Awaited<ReturnType<typeof learnerIn>>;

  /** Completes a text or link lesson through the progress API at a device time. */
  async function finish(l: Learner, title: string, occurredAt: string) {
    const isText = title === 'Bacaan';
    await request(t.http)
      .post('/api/v1/progress/events')
      .set(auth(l.token))
      .send({
        events: [
          {
            id: randomUUID(),
            enrolmentId: l.enrolmentId,
            lessonId: l.lesson(title),
            kind: isText ? 'scrolled' : 'opened',
            occurredAt,
            ...(isText ? { percent: 100 } : {}),
          },
        ],
      })
      .expect(200);
  }

  /** What the live-session domain will do when attendance is credited. */
  async function attend(l: Learner) {
    const signals = t.app.get(CompletionSignals);
    await t.db.transaction((em) =>
      signals.completeLessons(em, l.enrolmentId, { lessonId: l.lesson('Sesi tatap maya') }),
    );
  }

  async function enrolment(id: string) {
    const [row] = await t.db.query<
      { status: string; completed_at: Date | null; passed_at: Date | null }[]
    >(`SELECT status, completed_at, passed_at FROM enrolment WHERE id = $1`, [id]);
    return row;
  }

  /** Waits until every signal of the enrolment was evaluated by the worker. */
  async function settled(id: string) {
    for (let i = 0; i < 100; i++) {
      const [{ open }] = await t.db.query<{ open: string }[]>(
        `SELECT count(*) AS open FROM completion_signal WHERE enrolment_id = $1 AND evaluated_at IS NULL`,
        [id],
      );
      if (Number(open) === 0) return enrolment(id);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('completion signals were not evaluated');
  }

  const checklist = async (l: Learner) =>
    (
      await request(t.http)
        .get(`/api/v1/enrolments/${l.enrolmentId}/completion`)
        .set(auth(l.token))
        .expect(200)
    ).body as CompletionChecklist;

  const credits = (enrolmentId: string) =>
    t.db.query<{ jp: string; entry_date: string; source: string }[]>(
      `SELECT jp, to_char(entry_date, 'YYYY-MM-DD') AS entry_date, source FROM ledger_entry WHERE source_ref = $1`,
      [enrolmentId],
    );

  it('by default waits for every lesson and the live session, then completes once and credits the JP', async () => {
    const c = await course({});
    const l = await learnerIn(c);
    expect(l.view.completion.items.map((i) => [i.criterion, i.met])).toEqual([
      ['lessons', false],
      ['attendance', false],
    ]);
    await finish(l, 'Bacaan', '2026-03-02T02:00:00.000Z');
    await finish(l, 'Tautan', '2026-03-02T03:00:00.000Z');
    expect((await settled(l.enrolmentId)).status).toBe('active');
    const list = await checklist(l);
    expect(list.items).toEqual([
      expect.objectContaining({ criterion: 'lessons', met: true, done: 2, total: 2 }),
      expect.objectContaining({
        criterion: 'attendance',
        met: false,
        remaining: ['Sesi tatap maya'],
      }),
    ]);

    await attend(l);
    const done = await settled(l.enrolmentId);
    expect(done.status).toBe('completed');
    expect(done.passed_at).toEqual(done.completed_at);
    expect(await credits(l.enrolmentId)).toEqual([
      expect.objectContaining({ jp: '3.0', source: 'course' }),
    ]);
    expect((await checklist(l)).status).toBe('completed');
  });

  it('requires only the lessons the author selected when attendance and quizzes are off', async () => {
    const c = await course({ lessons: 'selected', lessonKeys: ['Tautan'], attendance: false });
    const l = await learnerIn(c);
    expect((await checklist(l)).items).toEqual([
      expect.objectContaining({ criterion: 'lessons', total: 1, remaining: ['Tautan'] }),
    ]);
    await finish(l, 'Tautan', new Date().toISOString());
    expect((await settled(l.enrolmentId)).status).toBe('completed');
  });

  it('tells the learner: enrolment and deadline reminders, taken back on completion or withdrawal', async () => {
    const c = await course({ lessons: 'selected', lessonKeys: ['Tautan'], attendance: false });
    await t.db.query(
      `UPDATE course_version SET completion_deadline = now() + interval '10 days' WHERE course_id = $1`,
      [c.courseId],
    );
    const planned = async (userId: string) =>
      t.db.query<{ key: string; event: string; status: string; due_at: Date }[]>(
        `SELECT key, event, status, due_at FROM planned_notification WHERE user_id = $1 ORDER BY due_at`,
        [userId],
      );
    const queue = t.app.get(QueueService).queue('notify');
    const l = await learnerIn(c);
    const notes = await planned(l.userId);
    expect(notes.map((n) => [n.event, n.status])).toEqual([
      ['enrolled', expect.stringMatching(/planned|done/)],
      ['deadline-approaching', 'planned'],
      ['deadline-approaching', 'planned'],
    ]);
    const days = (d: Date) => Math.round((d.getTime() - Date.now()) / 86_400_000);
    expect(notes.slice(1).map((n) => days(n.due_at))).toEqual([3, 9]);
    for (const n of notes.slice(1)) expect(await queue.getJobState(n.key)).toBe('delayed');

    // Completing takes the reminders back and plans the congratulation.
    await finish(l, 'Tautan', new Date().toISOString());
    expect((await settled(l.enrolmentId)).status).toBe('completed');
    const after = await planned(l.userId);
    expect(after.filter((n) => n.event === 'deadline-approaching').map((n) => n.status)).toEqual([
      'cancelled',
      'cancelled',
    ]);
    for (const n of notes.slice(1)) expect(await queue.getJob(n.key)).toBeUndefined();
    expect(after.some((n) => n.event === 'course-completed')).toBe(true);

    // Withdrawn by an admin: the same.
    const other = await learnerIn(c);
    await request(t.http)
      .post(`/api/v1/enrolments/${other.enrolmentId}/withdraw`)
      .set(auth(admin))
      .expect(200);
    expect(
      (await planned(other.userId))
        .filter((n) => n.event === 'deadline-approaching')
        .map((n) => n.status),
    ).toEqual(['cancelled', 'cancelled']);
  });

  it('waits for a passed quiz, and for the survey response', async () => {
    const c = await course({ lessons: 'none', attendance: false, survey: true }, {}, true);
    const l = await learnerIn(c);
    const quizLesson = (
      await t.db.query<{ id: string; content: { quizId: string } }[]>(
        `SELECT l.id, l.content FROM lesson l JOIN enrolment e ON e.version_id = l.version_id
          WHERE e.id = $1 AND l.type = 'quiz'`,
        [l.enrolmentId],
      )
    )[0];
    const signals = t.app.get(CompletionSignals);
    await t.db.transaction((em) =>
      signals.completeLessons(em, l.enrolmentId, {
        type: 'quiz',
        quizId: quizLesson.content.quizId,
      }),
    );
    expect((await settled(l.enrolmentId)).status).toBe('active');
    expect((await checklist(l)).items.map((i) => [i.criterion, i.met])).toEqual([
      ['quizzes', true],
      ['survey', false],
    ]);

    // What the evaluation domain does when the learner sends the survey (its own tests
    // drive the survey API): the response row, and a completion signal in the same write.
    await t.db.transaction(async (em) => {
      const [r] = await em.query<{ id: string }[]>(
        `INSERT INTO survey_response (template_id, course_id, enrolment_id, user_id, org_unit_id)
         SELECT t.id, e.course_id, e.id, e.user_id, u.org_unit_id
           FROM survey_template t, enrolment e JOIN app_user u ON u.id = e.user_id
          WHERE t.built_in AND e.id = $1 RETURNING id`,
        [l.enrolmentId],
      );
      await signals.raise(em, l.enrolmentId, 'survey', r.id);
    });
    expect((await settled(l.enrolmentId)).status).toBe('completed');
    expect((await checklist(l)).items.every((i) => i.met)).toBe(true);
  });

  it('asks for the survey when the course survey settings require it, even if the version does not', async () => {
    const c = await course({ lessons: 'selected', lessonKeys: ['Tautan'], attendance: false });
    await t.db.query(
      `INSERT INTO course_survey (course_id, template_id, required)
       SELECT $1, id, true FROM survey_template WHERE built_in`,
      [c.courseId],
    );
    const l = await learnerIn(c);
    await finish(l, 'Tautan', new Date().toISOString());
    expect((await settled(l.enrolmentId)).status).toBe('active');
    expect((await checklist(l)).items.map((i) => [i.criterion, i.met])).toEqual([
      ['lessons', true],
      ['survey', false],
    ]);
  });

  it('with the deadline rule, does not complete once the deadline passed, and says so', async () => {
    const c = await course(
      { deadline: true, attendance: false },
      { completionDeadline: new Date(Date.now() + 3_600_000).toISOString() },
    );
    const l = await learnerIn(c);
    // The deadline moves into the past before the learner finishes.
    await t.db.query(
      `UPDATE course_version SET completion_deadline = now() - interval '1 day' WHERE id = $1`,
      [c.working.id],
    );
    await finish(l, 'Bacaan', new Date().toISOString());
    await finish(l, 'Tautan', new Date().toISOString());
    expect((await settled(l.enrolmentId)).status).toBe('active');
    const list = await checklist(l);
    expect(list.expired).toBe(true);
    expect(list.items.at(-1)).toMatchObject({ criterion: 'deadline', met: false });
    expect(await credits(l.enrolmentId)).toEqual([]);
  });

  it('gives the same completion however often and in whatever order the evaluation runs', async () => {
    const c = await course({ attendance: false });
    const l = await learnerIn(c);
    // Device times: the link was opened after the text was read, but the events arrive reversed.
    await finish(l, 'Tautan', '2026-04-10T05:00:00.000Z');
    await finish(l, 'Bacaan', '2026-04-09T05:00:00.000Z');
    await settled(l.enrolmentId);
    const first = await enrolment(l.enrolmentId);
    expect(first.status).toBe('completed');
    const completion = t.app.get(EnrolmentCompletion);
    // Re-evaluations, also concurrent ones, change nothing and credit nothing more.
    await Promise.all(
      Array.from({ length: 5 }, () =>
        t.db.transaction((em) => completion.evaluate(em, l.enrolmentId)),
      ),
    );
    const signals = t.app.get(CompletionSignals);
    await t.db.transaction((em) => signals.raise(em, l.enrolmentId, 'manual', 'again'));
    await t.db.transaction((em) => signals.raise(em, l.enrolmentId, 'manual', 'again'));
    expect(await settled(l.enrolmentId)).toEqual(first);
    expect(await credits(l.enrolmentId)).toHaveLength(1);
    const [{ n }] = await t.db.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM completion_signal WHERE enrolment_id = $1 AND kind = 'manual'`,
      [l.enrolmentId],
    );
    expect(n).toBe('1');
    expect(await summaryMismatches(t.db)).toEqual([]);
  });

  it('credits the Asia/Jakarta date: a completion at 00:30 WIB on 1 January counts in the new year', async () => {
    const c = await course({ attendance: false });
    const completion = t.app.get(EnrolmentCompletion);
    const dates: Record<string, string> = {};
    for (const at of ['2025-12-31T17:30:00Z', '2025-12-31T16:59:00Z']) {
      const l = await learnerIn(c);
      await t.db.query(`UPDATE enrolment SET enrolled_at = '2025-12-01T00:00:00Z' WHERE id = $1`, [
        l.enrolmentId,
      ]);
      await t.db.query(
        `INSERT INTO lesson_progress (enrolment_id, lesson_id, status, percent, first_opened_at, completed_at)
         SELECT $1, l.id, 'completed', 100, $2, $2 FROM lesson l JOIN enrolment e ON e.version_id = l.version_id
          WHERE e.id = $1 AND l.type IN ('text', 'link')`,
        [l.enrolmentId, at],
      );
      await t.db.transaction((em) => completion.evaluate(em, l.enrolmentId));
      dates[at] = (await credits(l.enrolmentId))[0].entry_date;
    }
    expect(dates).toEqual({
      '2025-12-31T17:30:00Z': '2026-01-01',
      '2025-12-31T16:59:00Z': '2025-12-31',
    });
    expect(await summaryMismatches(t.db)).toEqual([]);
  });

  it('refuses rules that name lessons the draft does not have, a deadline rule without a deadline, or no rule at all', async () => {
    const draft = await request(t.http)
      .post('/api/v1/authoring/courses')
      .set(auth(trainer))
      .send({ code: 'CMP-BAD', title: 'Kursus aturan salah', summary: 'Ringkasan.', jp: 1 })
      .expect(201);
    const courseId = (draft.body as AuthoringCourseResponse).courseId;
    const patch = (completionRules: Record<string, unknown>) =>
      request(t.http)
        .patch(`/api/v1/authoring/courses/${courseId}/draft`)
        .set(auth(trainer))
        .send({ completionRules });
    const base = {
      lessons: 'all',
      lessonKeys: [],
      quizzes: true,
      attendance: true,
      survey: false,
      deadline: false,
    };
    const unknown = await patch({
      ...base,
      lessons: 'selected',
      lessonKeys: [randomUUID()],
    }).expect(400);
    expect(unknown.body).toMatchObject({
      code: 'courses.bad-completion-rules',
      errors: [expect.objectContaining({ path: 'completionRules.lessonKeys[0]' })],
    });
    const noDeadline = await patch({ ...base, deadline: true }).expect(400);
    expect((noDeadline.body as { detail: string }).detail).toContain('batas waktu');
    await patch({ ...base, lessons: 'none', quizzes: false, attendance: false }).expect(400);
    await patch({ ...base, lessons: 'sometimes' }).expect(400);
    const ok = await patch({ ...base, survey: true }).expect(200);
    expect((ok.body as AuthoringCourseResponse).working.completionRules.survey).toBe(true);
  });

  it('shows a learner only their own checklist', async () => {
    const c = await course({});
    const l = await learnerIn(c);
    const other = await t.tokenFor((await createUser(t.db, { unit })).id);
    await request(t.http)
      .get(`/api/v1/enrolments/${l.enrolmentId}/completion`)
      .set(auth(other))
      .expect(404);
  });
});
