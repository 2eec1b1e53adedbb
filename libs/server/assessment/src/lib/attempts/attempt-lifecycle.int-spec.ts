import type { INestApplicationContext } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import {
  type AttemptView,
  NOTIFICATIONS_NAMESPACE,
  type QuizLearnerOverview,
  type UserServerEvents,
} from '@siantar/contracts';
import { CatalogModule } from '@siantar/server-catalog';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  createUser,
  jobStubsExcept,
  type TestApp,
  type TestContext,
  until,
} from '@siantar/server-testing';
import { io, type Socket } from 'socket.io-client';
import request from 'supertest';
import { AssessmentJobsModule } from '../assessment-jobs.module';
import { AssessmentModule } from '../assessment.module';
import { AttemptGrader } from '../marking/attempt-grader';
import {
  auth,
  enrol,
  ESSAY,
  publishQuizCourse,
  QUIZ_DEFAULTS,
  type QuizCourse,
  SAMPLE_QUESTIONS,
} from '../testing/quiz-fixture';

const MODULES = [IdentityModule, CatalogModule, AssessmentModule];
const JOBS = [
  'assessment.grade-attempt',
  'assessment.deadline-submit',
  'assessment.regrade-attempt',
] as const;

describe('quiz attempts: start, autosave, submit, grading in the worker, results pushed live (real PostgreSQL + Redis)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let port = 0;
  let trainer = '';
  let admin = '';
  let learner = '';
  let learnerId = '';
  let other = '';
  let course: QuizCourse;

  beforeAll(async () => {
    ctx = await createTestContext();
    t = await createTestApp(ctx.config, MODULES);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    worker = await createTestWorker(ctx.config, [AssessmentJobsModule, jobStubsExcept(...JOBS)]);
    const city = await createOrgUnit(t.db, { code: 'PEMKO' });
    admin = await t.tokenFor(
      (await createUser(t.db, { unit: city, roles: ['admin'], adminScope: city })).id,
    );
    trainer = await t.tokenFor((await createUser(t.db, { unit: city, roles: ['trainer'] })).id);
    learnerId = (await createUser(t.db, { unit: city })).id;
    learner = await t.tokenFor(learnerId);
    other = await t.tokenFor((await createUser(t.db, { unit: city })).id);
    course = await publishQuizCourse(t, trainer, admin, { code: 'KUIS-1' });
    await enrol(t, course.courseId, learner);
    await enrol(t, course.courseId, other);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await ctx?.cleanup();
  });

  const api = () => request(t.http);
  const start = async (quizId: string, token = learner) =>
    (await api().post(`/api/v1/quizzes/${quizId}/attempts`).set(auth(token)).expect(201))
      .body as AttemptView;
  const save = (attemptId: string, slot: number, seq: number, response: object, token = learner) =>
    api()
      .put(`/api/v1/attempts/${attemptId}/answers/${slot}`)
      .set(auth(token))
      .send({ seq, response });
  const view = async (attemptId: string, token = learner) =>
    (await api().get(`/api/v1/attempts/${attemptId}`).set(auth(token)).expect(200))
      .body as AttemptView;

  const bankTop = async (bankId: string) =>
    (
      (await api().get(`/api/v1/question-banks/${bankId}`).set(auth(trainer)).expect(200)).body as {
        categories: { id: string }[];
      }
    ).categories[0].id;

  function listen(token: string): Promise<Socket<UserServerEvents>> {
    const socket: Socket<UserServerEvents> = io(
      `http://127.0.0.1:${port}${NOTIFICATIONS_NAMESPACE}`,
      {
        auth: { token },
        transports: ['websocket'],
        reconnection: false,
      },
    );
    return new Promise((resolve, reject) => {
      socket.on('connect', () => resolve(socket));
      socket.on('connect_error', (e) => reject(e));
    });
  }

  it('refuses a socket without a valid token, with a message that says why', async () => {
    await expect(listen('not-a-token')).rejects.toThrow('Token akses tidak valid.');
  });

  it('starts an attempt with fixed questions and no answer key, then refuses a second one at the same time', async () => {
    const a = await start(course.quizId);
    expect(a.status).toBe('in-progress');
    expect(a.questions.map((q) => q.name)).toEqual(SAMPLE_QUESTIONS.map((q) => q.name));
    const json = JSON.stringify(a.questions);
    expect(json).not.toContain('fraction');
    expect(json).not.toContain('feedback');
    expect(json).not.toContain('"correct"');
    const again = await api()
      .post(`/api/v1/quizzes/${course.quizId}/attempts`)
      .set(auth(learner))
      .expect(409);
    expect(again.body).toMatchObject({ code: 'attempts.in-progress', attemptId: a.id });
    const overview = (
      await api().get(`/api/v1/quizzes/${course.quizId}/me`).set(auth(learner)).expect(200)
    ).body as QuizLearnerOverview;
    expect(overview.inProgressAttemptId).toBe(a.id);
  });

  it('saves answers with sequence numbers, refuses stale, foreign and malformed ones, and loses nothing over an api restart', async () => {
    const a = await view(
      (await api().get(`/api/v1/quizzes/${course.quizId}/me`).set(auth(learner))).body
        .inProgressAttemptId,
    );
    const choice = a.questions[0].body.type === 'single-choice' ? a.questions[0].body.choices : [];
    const right = choice.find((c) => c.text === 'Kartu Keluarga')?.id as string;
    const wrong = choice.find((c) => c.text === 'SIM')?.id as string;
    await save(a.id, 1, 1, { type: 'single-choice', choiceId: wrong }).expect(200);
    await save(a.id, 1, 3, { type: 'single-choice', choiceId: right }).expect(200);
    const stale = await save(a.id, 1, 2, { type: 'single-choice', choiceId: wrong }).expect(409);
    expect(stale.body).toMatchObject({ code: 'attempts.stale-seq', seq: 3 });
    await save(a.id, 99, 1, { type: 'true-false', value: true }).expect(404);
    const bad = await save(a.id, 2, 1, { type: 'single-choice', choiceId: right }).expect(400);
    expect(bad.body.code).toBe('attempts.invalid-answer');
    await save(a.id, 1, 4, { type: 'single-choice', choiceId: 'x00000000000' }).expect(400);
    await save(a.id, 2, 1, { type: 'numerical', text: '15' }, other).expect(404);
    await api().get(`/api/v1/attempts/${a.id}`).set(auth(other)).expect(404);
    await save(a.id, 2, 1, { type: 'numerical', text: '15,0' }).expect(200);

    // The api restarts mid-attempt: a new process sees every answer that was saved.
    await t.close();
    t = await createTestApp(ctx.config, MODULES);
    await t.app.listen(port, '127.0.0.1');
    const after = await view(a.id);
    expect(after.questions[0]).toMatchObject({
      seq: 3,
      response: { type: 'single-choice', choiceId: right },
    });
    expect(after.questions[1]).toMatchObject({
      seq: 1,
      response: { type: 'numerical', text: '15,0' },
    });
  });

  it('submits, grades once in the worker and pushes the result to the learner the moment it exists', async () => {
    const id = (await api().get(`/api/v1/quizzes/${course.quizId}/me`).set(auth(learner))).body
      .inProgressAttemptId as string;
    await save(id, 3, 1, { type: 'true-false', value: false }).expect(200);
    const socket = await listen(learner);
    const pushed = new Promise<Parameters<UserServerEvents['attempt.graded']>[0]>((resolve) =>
      socket.on('attempt.graded', resolve),
    );
    // Another learner's socket hears nothing of it.
    const bystander = await listen(other);
    const overheard: unknown[] = [];
    bystander.on('attempt.graded', (e) => overheard.push(e));
    const submitted = (
      await api().post(`/api/v1/attempts/${id}/submit`).set(auth(learner)).expect(200)
    ).body as AttemptView;
    expect(submitted.status).toBe('submitted');
    const event = await pushed;
    socket.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    bystander.disconnect();
    expect(overheard).toEqual([]);
    expect(event).toMatchObject({
      attemptId: id,
      result: { status: 'graded', mark: 2, maxMark: 3, percent: 66.67, passed: true },
    });

    await save(id, 3, 2, { type: 'true-false', value: true }).expect(409);
    await api().post(`/api/v1/attempts/${id}/submit`).set(auth(learner)).expect(409);
    const graded = await view(id);
    expect(graded.questions.map((q) => q.review?.mark)).toEqual([1, 1, 0]);
    expect(graded.questions[0].review?.feedback).toEqual(['Benar.']);
    expect(graded.questions[2].review?.rightAnswer).toBe('Benar');

    // A repeated grading job changes nothing and adds no second grade.
    await expect(worker.get(AttemptGrader).grade(id)).resolves.toBe('already-graded');
    const events: { n: string }[] = await t.db.query(
      `SELECT count(*) AS n FROM grade_event WHERE attempt_id = $1`,
      [id],
    );
    expect(events[0].n).toBe('1');

    // Passing the quiz completes its lesson.
    const progress: { status: string }[] = await t.db.query(
      `SELECT lp.status FROM lesson_progress lp JOIN enrolment e ON e.id = lp.enrolment_id WHERE e.user_id = $1`,
      [learnerId],
    );
    expect(progress).toEqual([{ status: 'completed' }]);
  });

  it('submits an abandoned attempt at the deadline from the last saved answers', async () => {
    const quick = await publishQuizCourse(t, trainer, admin, {
      code: 'KUIS-WAKTU',
      settings: { closesAt: new Date(Date.now() + 5000).toISOString() },
    });
    await enrol(t, quick.courseId, learner);
    const a = await start(quick.quizId);
    expect(a.deadline).not.toBeNull();
    await save(a.id, 3, 1, { type: 'true-false', value: true }).expect(200);
    const done = await until(async () => {
      const v = await view(a.id);
      return v.status === 'graded' ? v : null;
    });
    expect(done.result).toMatchObject({ mark: 1, maxMark: 3 });
    const [row] = await t.db.query<{ submitted_by: string }[]>(
      `SELECT submitted_by FROM quiz_attempt WHERE id = $1`,
      [a.id],
    );
    expect(row.submitted_by).toBe('deadline');
    await save(a.id, 1, 1, { type: 'single-choice', choiceId: 'x00000000000' }).expect(409);
  });

  it('closes earlier questions once a later one is answered in a sequential quiz', async () => {
    const seq = await publishQuizCourse(t, trainer, admin, {
      code: 'KUIS-URUT',
      settings: { navigation: 'sequential' },
    });
    await enrol(t, seq.courseId, learner);
    const a = await start(seq.quizId);
    expect(a).toMatchObject({ navigation: 'sequential', currentSlot: 1 });
    await save(a.id, 2, 1, { type: 'numerical', text: '15' }).expect(200);
    const refused = await save(a.id, 1, 1, { type: 'single-choice', choiceId: null }).expect(409);
    expect(refused.body.code).toBe('attempts.sequential');
    expect((await view(a.id)).currentSlot).toBe(2);
  });

  it('draws N distinct questions at random from a category, fixed for the attempt', async () => {
    const drawn = await publishQuizCourse(t, trainer, admin, { code: 'KUIS-ACAK', randomCount: 2 });
    const quiz = (await api().get(`/api/v1/quizzes/${drawn.quizId}`).set(auth(trainer)).expect(200))
      .body as { maxMark: number; questionCount: number };
    expect(quiz).toMatchObject({ maxMark: 2, questionCount: 2 });
    await enrol(t, drawn.courseId, learner);
    const a = await start(drawn.quizId);
    const names = a.questions.map((q) => q.name);
    expect(names).toHaveLength(2);
    expect(new Set(names).size).toBe(2);
    expect(SAMPLE_QUESTIONS.map((q) => q.name)).toEqual(expect.arrayContaining(names));
    expect((await view(a.id)).questions.map((q) => q.name)).toEqual(names);
    const tooMany = await api()
      .put(`/api/v1/quizzes/${drawn.quizId}`)
      .set(auth(trainer))
      .send({
        ...QUIZ_DEFAULTS,
        slots: [{ kind: 'random', categoryId: await bankTop(drawn.bankId), count: 5 }],
      })
      .expect(400);
    expect(tooMany.body.detail).toContain('kurang dari 5');
  });

  it('refuses a second attempt where only one is allowed', async () => {
    const once = await publishQuizCourse(t, trainer, admin, {
      code: 'KUIS-SEKALI',
      settings: { attemptsAllowed: 1 },
    });
    await enrol(t, once.courseId, learner);
    const a = await start(once.quizId);
    await api().post(`/api/v1/attempts/${a.id}/submit`).set(auth(learner)).expect(200);
    const refused = await api()
      .post(`/api/v1/quizzes/${once.quizId}/attempts`)
      .set(auth(learner))
      .expect(409);
    expect(refused.body.code).toBe('attempts.limit-reached');
  });

  it('keeps essays for the trainer: awaiting grading, marked with the rubric, anonymised, result pushed live', async () => {
    const essay = await publishQuizCourse(t, trainer, admin, {
      code: 'KUIS-ESAI',
      questions: [SAMPLE_QUESTIONS[2], ESSAY],
      settings: { anonymousGrading: true },
    });
    await enrol(t, essay.courseId, learner);
    const a = await start(essay.quizId);
    await save(a.id, 1, 1, { type: 'true-false', value: true }).expect(200);
    await save(a.id, 2, 1, {
      type: 'essay',
      text: 'Saya mendengarkan dulu, lalu menjelaskan prosedurnya.',
    }).expect(200);
    await api().post(`/api/v1/attempts/${a.id}/submit`).set(auth(learner)).expect(200);
    await until(async () => ((await view(a.id)).status === 'awaiting-grading' ? true : null));

    await api().get(`/api/v1/grading-queue`).set(auth(learner)).expect(403);
    const queue = (
      await api().get(`/api/v1/grading-queue?quizId=${essay.quizId}`).set(auth(trainer)).expect(200)
    ).body;
    expect(queue.items).toEqual([
      expect.objectContaining({ attemptId: a.id, slot: 2, learnerLabel: 'Peserta 1', maxMark: 4 }),
    ]);
    const item = (
      await api().get(`/api/v1/attempts/${a.id}/slots/2/grading`).set(auth(trainer)).expect(200)
    ).body;
    expect(item.answerText).toContain('mendengarkan');

    await api()
      .put(`/api/v1/attempts/${a.id}/slots/2/grade`)
      .set(auth(trainer))
      .send({ rubric: [{ criterionId: 'empati', points: 3 }] })
      .expect(400);
    await api()
      .put(`/api/v1/attempts/${a.id}/slots/2/grade`)
      .set(auth(trainer))
      .send({ mark: 9 })
      .expect(400);
    const socket = await listen(learner);
    const pushed = new Promise<Parameters<UserServerEvents['attempt.graded']>[0]>((resolve) =>
      socket.on('attempt.graded', resolve),
    );
    await api()
      .put(`/api/v1/attempts/${a.id}/slots/2/grade`)
      .set(auth(trainer))
      .send({ rubric: [{ criterionId: 'empati', points: 2 }], comment: 'Tambahkan contoh.' })
      .expect(200);
    const event = await pushed;
    socket.disconnect();
    expect(event.result).toMatchObject({
      status: 'graded',
      mark: 3,
      maxMark: 5,
      percent: 60,
      passed: true,
    });
    expect((await view(a.id)).questions[1].review).toMatchObject({
      mark: 2,
      comment: 'Tambahkan contoh.',
    });
    const marked = (
      await api().get(`/api/v1/attempts/${a.id}/slots/2/grading`).set(auth(trainer)).expect(200)
    ).body;
    expect(marked).toMatchObject({ mark: 2, rubricScores: [{ criterionId: 'empati', points: 2 }] });

    // The learner is also notified (bell and email), with a link to the result in the course.
    const [notice] = await t.db.query<{ event: string; data: Record<string, unknown> }[]>(
      `SELECT event, data FROM planned_notification WHERE user_id = $1 AND target_id = $2`,
      [learnerId, a.id],
    );
    expect(notice).toMatchObject({
      event: 'attempt-graded',
      data: { percent: 60, passed: true, lessonId: expect.any(String) },
    });
  });

  it('regrades explicitly after a key change: new question version, re-enqueued attempts, recorded once', async () => {
    const [tf] = course.questionIds.slice(2);
    const q = (await api().get(`/api/v1/questions/${tf}`).set(auth(trainer)).expect(200)).body;
    const edited = (
      await api()
        .put(`/api/v1/questions/${tf}`)
        .set(auth(trainer))
        .send({
          categoryId: q.categoryId,
          draft: { ...q.draft, body: { type: 'true-false', correct: false } },
        })
        .expect(200)
    ).body;
    expect(edited.version).toBe(2);
    await api()
      .post(`/api/v1/quizzes/${course.quizId}/regrade`)
      .set(auth(learner))
      .send({ reason: 'x' })
      .expect(403);
    const res = await api()
      .post(`/api/v1/quizzes/${course.quizId}/regrade`)
      .set(auth(trainer))
      .send({ questionId: tf, reason: 'Kunci jawaban salah' })
      .expect(202);
    expect(res.body.enqueued).toBe(1);
    const first = (await api().get(`/api/v1/quizzes/${course.quizId}/me`).set(auth(learner))).body
      .attempts[0].id as string;
    const regraded = await until(async () => {
      const v = await view(first);
      return v.result?.mark === 3 ? v : null;
    });
    expect(regraded.result).toMatchObject({ percent: 100 });
    const events: { kind: string }[] = await t.db.query(
      `SELECT kind FROM grade_event WHERE attempt_id = $1 ORDER BY id`,
      [first],
    );
    expect(events.map((e) => e.kind)).toEqual(['auto', 'regrade']);
  });

  it("lists a course's quizzes for its authors", async () => {
    const list = (
      await api().get(`/api/v1/quizzes?courseId=${course.courseId}`).set(auth(trainer)).expect(200)
    ).body as { id: string; maxMark: number; questionCount: number }[];
    expect(list.map((q) => q.id)).toEqual([course.quizId]);
    expect(list[0]).toMatchObject({ maxMark: 3, questionCount: 3 });
    await api().get(`/api/v1/quizzes?courseId=${course.courseId}`).set(auth(learner)).expect(403);
    await api().get('/api/v1/quizzes').set(auth(trainer)).expect(400);
  });

  it('keeps the answer key from learners', async () => {
    await api().get(`/api/v1/questions/${course.questionIds[0]}`).set(auth(learner)).expect(403);
    await api().get(`/api/v1/quizzes/${course.quizId}`).set(auth(learner)).expect(403);
    await api()
      .get(`/api/v1/question-banks/${course.bankId}/export.gift`)
      .set(auth(learner))
      .expect(403);
  });
});
