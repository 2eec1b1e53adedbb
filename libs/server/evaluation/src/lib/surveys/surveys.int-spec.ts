import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import type {
  CompletionChecklist,
  CourseSurveySettingsView,
  SessionSurveySettingsView,
  SurveyForm,
  SurveyResults,
  SurveyTemplateSummary,
  SurveyTemplateView,
  TrainerSurveyResults,
} from '@siantar/contracts';
import { CatalogJobsModule } from '@siantar/server-catalog';
import { createTestWorker, jobStubsExcept } from '@siantar/server-testing';
import request from 'supertest';
import {
  answerCourseSurvey,
  answersFor,
  auth,
  createEvaluationWorld,
  createSession,
  enrol,
  type EvaluationWorld,
  markPresent,
  type Person,
  publishCourse,
} from '../testing/evaluation-world';

describe('feedback surveys (L1): templates, settings, responses, anonymity, completion (real PostgreSQL + Redis)', () => {
  let w: EvaluationWorld;
  let worker: INestApplicationContext;
  let http: EvaluationWorld['t']['http'];

  beforeAll(async () => {
    w = await createEvaluationWorld();
    http = w.t.http;
    worker = await createTestWorker(w.ctx.config, [
      CatalogJobsModule,
      jobStubsExcept('catalog.evaluate-completion', 'catalog.scorm-import', 'catalog.bulk-enrol'),
    ]);
  });
  afterAll(async () => {
    await worker.close();
    await w.close();
  });

  const settings = (courseId: string, who: Person, body: Record<string, unknown>) =>
    request(http)
      .put(`/api/v1/authoring/courses/${courseId}/survey`)
      .set(auth(who.token))
      .send(body);

  const results = async (courseId: string, who: Person, query = '') =>
    (
      await request(http)
        .get(`/api/v1/evaluation/courses/${courseId}/survey-results${query}`)
        .set(auth(who.token))
        .expect(200)
    ).body as SurveyResults;

  /** n learners of Disdukcapil enrolled in the course, each answering with `score`. */
  async function respondents(courseId: string, n: number, score: number, comment?: string) {
    for (let i = 0; i < n; i++) {
      const l = await w.learner();
      const e = await enrol(w, courseId, l);
      await answerCourseSurvey(w, l, e, score, comment ? `${comment} ${i + 1}` : undefined);
    }
  }

  async function settled(enrolmentId: string) {
    for (let i = 0; i < 100; i++) {
      const [{ open }] = await w.t.db.query<{ open: number }[]>(
        `SELECT count(*)::int AS open FROM completion_signal WHERE enrolment_id = $1 AND evaluated_at IS NULL`,
        [enrolmentId],
      );
      if (open === 0) {
        const [e] = await w.t.db.query<{ status: string }[]>(
          `SELECT status FROM enrolment WHERE id = $1`,
          [enrolmentId],
        );
        return e.status;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('completion signals were not evaluated');
  }

  describe('templates', () => {
    let made: SurveyTemplateView;

    it('ships the built-in template, which nobody can change', async () => {
      const list = (
        await request(http)
          .get('/api/v1/admin/survey-templates')
          .set(auth(w.users.adminBkpsdm.token))
          .expect(200)
      ).body as SurveyTemplateSummary[];
      expect(list[0]).toMatchObject({ builtIn: true, likertItems: 8, textItems: 2 });
      const builtIn = (
        await request(http)
          .get(`/api/v1/admin/survey-templates/${list[0].id}`)
          .set(auth(w.users.cityAdmin.token))
          .expect(200)
      ).body as SurveyTemplateView;
      expect(builtIn.editable).toBe(false);
      expect(new Set(builtIn.items.map((i) => i.dimension))).toEqual(
        new Set(['content', 'trainer', 'method', 'relevance', 'organisation', null]),
      );
      const res = await request(http)
        .put(`/api/v1/admin/survey-templates/${list[0].id}`)
        .set(auth(w.users.cityAdmin.token))
        .send({ name: 'Ubah', items: [{ kind: 'likert', dimension: 'content', text: 'Materi' }] })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'survey.template-built-in' });
    });

    it('lets an admin make one for their programmes, and refuses a template without a scale item', async () => {
      const bad = await request(http)
        .post('/api/v1/admin/survey-templates')
        .set(auth(w.users.adminBkpsdm.token))
        .send({
          name: 'Hanya komentar',
          items: [{ kind: 'text', dimension: 'content', text: 'Komentar Anda' }],
        })
        .expect(400);
      expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([
        'items',
        'items[0].dimension',
      ]);
      made = (
        await request(http)
          .post('/api/v1/admin/survey-templates')
          .set(auth(w.users.adminBkpsdm.token))
          .send({
            name: 'Survei Pelatihan Pelayanan Publik',
            description: 'Untuk pelatihan layanan daring.',
            items: [
              { kind: 'likert', dimension: 'content', text: 'Materi sesuai kebutuhan loket.' },
              { kind: 'likert', dimension: 'trainer', text: 'Fasilitator komunikatif.' },
              { kind: 'likert', dimension: 'relevance', text: 'Bisa langsung saya terapkan.' },
              { kind: 'text', text: 'Saran Anda' },
            ],
          })
          .expect(201)
      ).body as SurveyTemplateView;
      expect(made).toMatchObject({ builtIn: false, editable: true, likertItems: 3, textItems: 1 });
      expect(made.items.map((i) => i.required)).toEqual([true, true, true, false]);
    });

    it('is changed only by admins whose reach holds its owner', async () => {
      const body = {
        name: made.name,
        items: made.items.map(({ id, kind, dimension, text }) => ({ id, kind, dimension, text })),
      };
      const res = await request(http)
        .put(`/api/v1/admin/survey-templates/${made.id}`)
        .set(auth(w.users.adminDukcapil.token))
        .send(body)
        .expect(403);
      expect((res.body as { detail: string }).detail).toContain('jangkauan');
      const seen = (
        await request(http)
          .get(`/api/v1/admin/survey-templates/${made.id}`)
          .set(auth(w.users.adminDukcapil.token))
          .expect(200)
      ).body as SurveyTemplateView;
      expect(seen.editable).toBe(false);
      await request(http)
        .put(`/api/v1/admin/survey-templates/${made.id}`)
        .set(auth(w.users.cityAdmin.token))
        .send(body)
        .expect(200);
    });

    it('keeps an answered item: removing retires it, and its kind or dimension cannot change', async () => {
      const { courseId } = await publishCourse(w, { code: 'TPL-1' });
      await settings(courseId, w.users.trainer, {
        templateId: made.id,
        required: false,
        anonymityThreshold: 3,
        individualVisibleToAdmins: false,
      }).expect(200);
      const l = await w.learner();
      await answerCourseSurvey(w, l, await enrol(w, courseId, l), 4, 'Tambah contoh');
      const [content, trainer, relevance, open] = made.items;
      const changed = await request(http)
        .put(`/api/v1/admin/survey-templates/${made.id}`)
        .set(auth(w.users.adminBkpsdm.token))
        .send({
          name: made.name,
          items: [{ id: content.id, kind: 'likert', dimension: 'method', text: content.text }],
        })
        .expect(400);
      expect((changed.body as { errors: { path: string }[] }).errors[0].path).toBe('items[0]');
      const edited = (
        await request(http)
          .put(`/api/v1/admin/survey-templates/${made.id}`)
          .set(auth(w.users.adminBkpsdm.token))
          .send({
            name: made.name,
            items: [
              { id: trainer.id, kind: 'likert', dimension: 'trainer', text: 'Fasilitator ramah.' },
              { kind: 'likert', dimension: 'method', text: 'Latihan membantu.' },
              { id: open.id, kind: 'text', text: open.text },
            ],
          })
          .expect(200)
      ).body as SurveyTemplateView;
      expect(edited.items.map((i) => i.text)).toEqual([
        'Fasilitator ramah.',
        'Latihan membantu.',
        'Saran Anda',
      ]);
      expect(edited.responses).toBe(1);
      const kept = await w.t.db.query<{ id: string; retired: boolean }[]>(
        `SELECT id, retired_at IS NOT NULL AS retired FROM survey_item WHERE id = ANY ($1::uuid[]) ORDER BY position`,
        [[content.id, relevance.id]],
      );
      expect(kept.map((k) => k.retired)).toEqual([true, true]);
      // The earlier answers still count, their items marked as no longer asked.
      const r = await results(courseId, w.users.trainer);
      expect(r.suppressed).toBe(true);
      const admin = await results(courseId, w.users.adminBkpsdm);
      expect(admin.individual).toBeNull();
    });
  });

  describe('a course survey', () => {
    let courseId = '';

    beforeAll(async () => {
      ({ courseId } = await publishCourse(w, {
        code: 'LAYANAN-1',
        title: 'Pelayanan Adminduk Daring',
      }));
    });

    it('starts on the defaults, which the authors and reviewers may change (nobody else)', async () => {
      const view = (
        await request(http)
          .get(`/api/v1/authoring/courses/${courseId}/survey`)
          .set(auth(w.users.trainer.token))
          .expect(200)
      ).body as CourseSurveySettingsView;
      expect(view).toMatchObject({
        configured: false,
        required: false,
        requiredByVersion: false,
        anonymityThreshold: 5,
        individualVisibleToAdmins: false,
        responses: 0,
      });
      expect(view.templates[0].builtIn).toBe(true);
      expect(view.templateId).toBe(view.templates[0].id);
      await request(http)
        .get(`/api/v1/authoring/courses/${courseId}/survey`)
        .set(auth(w.users.otherTrainer.token))
        .expect(404);
      await request(http)
        .get(`/api/v1/authoring/courses/${courseId}/survey`)
        .set(auth(w.users.adminDukcapil.token))
        .expect(404);
      const low = await settings(courseId, w.users.trainer, {
        templateId: view.templateId,
        required: false,
        anonymityThreshold: 1,
        individualVisibleToAdmins: false,
      }).expect(400);
      expect(JSON.stringify(low.body)).toContain('anonymityThreshold');
      const saved = (
        await settings(courseId, w.users.adminBkpsdm, {
          templateId: view.templateId,
          required: false,
          anonymityThreshold: 5,
          individualVisibleToAdmins: false,
        }).expect(200)
      ).body as CourseSurveySettingsView;
      expect(saved.configured).toBe(true);
    });

    it('shows the learner the questions and refuses bad answers, listing each', async () => {
      const l = await w.learner();
      const e = await enrol(w, courseId, l);
      const form = (
        await request(http).get(`/api/v1/enrolments/${e}/survey`).set(auth(l.token)).expect(200)
      ).body as SurveyForm;
      expect(form).toMatchObject({
        target: { kind: 'course', id: courseId, title: 'Pelayanan Adminduk Daring' },
        enrolmentId: e,
        submitted: false,
        answers: null,
        requiredForCompletion: false,
      });
      expect(form.anonymityNote).toContain('anonim');
      expect(form.items).toHaveLength(10);
      const likert = form.items.filter((i) => i.kind === 'likert');
      const bad = await request(http)
        .post(`/api/v1/enrolments/${e}/survey`)
        .set(auth(l.token))
        .send({
          answers: [
            { itemId: likert[0].id, score: 6 },
            { itemId: likert[1].id, score: 0 },
            { itemId: '00000000-0000-4000-8000-000000000001', score: 3 },
            ...likert.slice(2).map((i) => ({ itemId: i.id, score: 4 })),
          ],
        })
        .expect(400);
      expect(bad.body).toMatchObject({ code: 'survey.invalid-answers' });
      expect((bad.body as { errors: { path: string }[] }).errors.map((x) => x.path)).toEqual([
        'answers[0].score',
        'answers[1].score',
        'answers[2].itemId',
      ]);
      expect((bad.body as { detail: string }).detail).toContain('diterima 6');
      // Nothing was stored.
      const [{ n }] = await w.t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM survey_response WHERE enrolment_id = $1`,
        [e],
      );
      expect(n).toBe(0);
    });

    it('takes one response per enrolment, refuses a second, and nobody else answers it', async () => {
      const l = await w.learner();
      const e = await enrol(w, courseId, l);
      const sent = await answerCourseSurvey(w, l, e, 5, 'Sangat membantu');
      expect(sent).toMatchObject({ submitted: true });
      expect(sent.answers?.filter((a) => a.score === 5)).toHaveLength(8);
      const again = await request(http)
        .post(`/api/v1/enrolments/${e}/survey`)
        .set(auth(l.token))
        .send({ answers: answersFor(sent, 4) })
        .expect(409);
      expect(again.body).toMatchObject({ code: 'survey.already-submitted' });
      expect((again.body as { detail: string }).detail).toContain('sudah Anda isi');

      // Someone not in the course, with another learner's enrolment: 404.
      const outsider = await w.learner();
      const other = await request(http)
        .post(`/api/v1/enrolments/${e}/survey`)
        .set(auth(outsider.token))
        .send({ answers: answersFor(sent, 4) })
        .expect(404);
      expect((other.body as { detail: string }).detail).toContain('Pendaftaran');
      // A learner whose enrolment was withdrawn is no longer in the course: 403 saying so.
      const gone = await w.learner();
      const ge = await enrol(w, courseId, gone);
      await request(http)
        .post(`/api/v1/enrolments/${ge}/withdraw`)
        .set(auth(w.users.cityAdmin.token))
        .expect(200);
      const refused = await request(http)
        .post(`/api/v1/enrolments/${ge}/survey`)
        .set(auth(gone.token))
        .send({ answers: answersFor(sent, 4) })
        .expect(403);
      expect(refused.body).toMatchObject({ code: 'survey.not-participant' });
      expect((refused.body as { detail: string }).detail).toContain('dibatalkan');
    });

    it('holds results back from trainers below the threshold, then shows aggregates without names', async () => {
      // One response so far (5s); three more make four.
      await respondents(courseId, 3, 3, 'Perlu contoh kasus');
      const below = await results(courseId, w.users.trainer);
      expect(below).toMatchObject({
        responses: 4,
        threshold: 5,
        suppressed: true,
        needed: 1,
        overall: null,
        dimensions: [],
        items: [],
        comments: [],
        individual: null,
        individualVisible: false,
      });
      // The reviewing admin, without the policy, is held back alike.
      expect(await results(courseId, w.users.adminBkpsdm)).toMatchObject({
        suppressed: true,
        individual: null,
      });

      await respondents(courseId, 1, 4);
      const at = await results(courseId, w.users.trainer);
      expect(at).toMatchObject({ responses: 5, suppressed: false, needed: 0, individual: null });
      // 8 likert items each: 1 × 5, 3 × 3, 1 × 4.
      expect(at.overall).toEqual({ answers: 40, average: 3.6, distribution: [0, 0, 24, 8, 8] });
      expect(at.dimensions.map((d) => [d.dimension, d.average])).toEqual([
        ['content', 3.6],
        ['trainer', 3.6],
        ['method', 3.6],
        ['relevance', 3.6],
        ['organisation', 3.6],
      ]);
      const saran = at.comments.find((c) => c.question.startsWith('Saran'));
      expect(saran?.comments).toEqual([
        'Perlu contoh kasus 1',
        'Perlu contoh kasus 2',
        'Perlu contoh kasus 3',
        'Sangat membantu',
      ]);
      const json = JSON.stringify(at);
      expect(json).not.toMatch(/Peserta \d|userId|nip/);

      // Outside the authors and reviewers: 404.
      await request(http)
        .get(`/api/v1/evaluation/courses/${courseId}/survey-results`)
        .set(auth(w.users.otherTrainer.token))
        .expect(404);
      await request(http)
        .get(`/api/v1/evaluation/courses/${courseId}/survey-results`)
        .set(auth(w.users.adminDukcapil.token))
        .expect(404);
    });

    it('applies the threshold within a period too', async () => {
      const future = await results(courseId, w.users.trainer, '?from=2099-01-01');
      expect(future).toMatchObject({
        responses: 0,
        suppressed: true,
        needed: 5,
        from: '2099-01-01',
      });
      const bad = await request(http)
        .get(`/api/v1/evaluation/courses/${courseId}/survey-results?from=2026-02-30`)
        .set(auth(w.users.trainer.token))
        .expect(400);
      expect((bad.body as { detail: string }).detail).toContain('2026-02-30');
      await request(http)
        .get(`/api/v1/evaluation/courses/${courseId}/survey-results?from=2026-03-02&to=2026-03-01`)
        .set(auth(w.users.trainer.token))
        .expect(400);
    });

    it('lets admins read individual responses only where the policy allowed it when they were given', async () => {
      // Turning the policy on later does not expose the five earlier responses.
      const view = (
        await request(http)
          .get(`/api/v1/authoring/courses/${courseId}/survey`)
          .set(auth(w.users.trainer.token))
          .expect(200)
      ).body as CourseSurveySettingsView;
      await settings(courseId, w.users.adminBkpsdm, {
        templateId: view.templateId,
        required: false,
        anonymityThreshold: 5,
        individualVisibleToAdmins: true,
      }).expect(200);
      const admin = await results(courseId, w.users.adminBkpsdm);
      expect(admin).toMatchObject({ individualVisible: true, individual: [], suppressed: false });

      // A new course whose respondents are told admins may read them.
      const { courseId: open } = await publishCourse(w, { code: 'LAYANAN-2' });
      await settings(open, w.users.trainer, {
        templateId: view.templateId,
        required: false,
        anonymityThreshold: 5,
        individualVisibleToAdmins: true,
      }).expect(200);
      const l = await w.learner(w.units.dukcapil, 'Siti Aminah');
      const e = await enrol(w, open, l);
      const form = (
        await request(http).get(`/api/v1/enrolments/${e}/survey`).set(auth(l.token)).expect(200)
      ).body as SurveyForm;
      expect(form.anonymityNote).toContain('Admin');
      await answerCourseSurvey(w, l, e, 2, 'Jaringan lambat');
      // Trainers: one response, held back. Reviewing admins: every response, by name.
      expect(await results(open, w.users.trainer)).toMatchObject({
        responses: 1,
        suppressed: true,
        needed: 4,
        individual: null,
        individualVisible: false,
      });
      const byAdmin = await results(open, w.users.adminBkpsdm);
      expect(byAdmin.suppressed).toBe(false);
      expect(byAdmin.individual).toEqual([
        expect.objectContaining({
          userId: l.id,
          name: 'Siti Aminah',
          orgUnitName: 'Dinas Kependudukan dan Pencatatan Sipil',
        }),
      ]);
      expect(byAdmin.individual?.[0].answers.filter((a) => a.score === 2)).toHaveLength(8);
      // Both open questions of the built-in template, answered alike by the helper.
      expect(byAdmin.individual?.[0].answers.map((a) => a.text).filter(Boolean)).toEqual([
        'Jaringan lambat',
        'Jaringan lambat',
      ]);
      // The city-wide admin reaches BKPSDM too; the trainer who authored it never gets names.
      expect((await results(open, w.users.cityAdmin)).individual).toHaveLength(1);
    });
  });

  describe('a required survey and completion (with the catalog worker)', () => {
    let courseId = '';
    let linkLessonId = '';
    let templateId = '';

    beforeAll(async () => {
      ({ courseId, linkLessonId } = await publishCourse(w, { code: 'WAJIB-1' }));
      templateId = (
        await w.t.db.query<{ id: string }[]>(`SELECT id FROM survey_template WHERE built_in`)
      )[0].id;
      await settings(courseId, w.users.trainer, {
        templateId,
        required: true,
        anonymityThreshold: 5,
        individualVisibleToAdmins: false,
      }).expect(200);
    });

    async function finishLessons(l: Person, e: string) {
      await request(http)
        .post('/api/v1/progress/events')
        .set(auth(l.token))
        .send({
          events: [
            {
              id: randomUUID(),
              enrolmentId: e,
              lessonId: linkLessonId,
              kind: 'opened',
              occurredAt: new Date().toISOString(),
            },
          ],
        })
        .expect(200);
    }

    const checklist = async (l: Person, e: string) =>
      (await request(http).get(`/api/v1/enrolments/${e}/completion`).set(auth(l.token)).expect(200))
        .body as CompletionChecklist;

    it('blocks completion until the survey is sent, then completes', async () => {
      const l = await w.learner();
      const e = await enrol(w, courseId, l);
      await finishLessons(l, e);
      expect(await settled(e)).toBe('active');
      expect((await checklist(l, e)).items.map((i) => [i.criterion, i.met])).toEqual([
        ['lessons', true],
        ['survey', false],
      ]);
      const form = (
        await request(http).get(`/api/v1/enrolments/${e}/survey`).set(auth(l.token)).expect(200)
      ).body as SurveyForm;
      expect(form.requiredForCompletion).toBe(true);
      await answerCourseSurvey(w, l, e, 4);
      expect(await settled(e)).toBe('completed');
      expect((await checklist(l, e)).items.every((i) => i.met)).toBe(true);
    });

    it('releases learners who were waiting only for the survey when it stops being required', async () => {
      const l = await w.learner();
      const e = await enrol(w, courseId, l);
      await finishLessons(l, e);
      expect(await settled(e)).toBe('active');
      await settings(courseId, w.users.trainer, {
        templateId,
        required: false,
        anonymityThreshold: 5,
        individualVisibleToAdmins: false,
      }).expect(200);
      expect(await settled(e)).toBe('completed');
    });
  });

  describe('a live session survey and a trainer’s results', () => {
    let courseId = '';
    let sessionId = '';
    let sessionTrainer: Person;
    const attendees: Person[] = [];
    let absent: Person;

    beforeAll(async () => {
      ({ courseId } = await publishCourse(w, { code: 'SESI-1', title: 'Webinar Antrean Daring' }));
      sessionTrainer = w.users.otherTrainer;
      sessionId = await createSession(w, {
        courseId,
        title: 'Sesi tanya jawab antrean',
        trainers: [sessionTrainer],
        createdBy: w.users.trainer,
      });
      for (let i = 0; i < 3; i++) {
        const l = await w.learner();
        await enrol(w, courseId, l);
        await markPresent(w, sessionId, l);
        attendees.push(l);
      }
      absent = await w.learner();
      await enrol(w, courseId, absent);
    });

    it('is set by those who run the session, with a threshold of its own', async () => {
      const view = (
        await request(http)
          .get(`/api/v1/authoring/live-sessions/${sessionId}/survey`)
          .set(auth(w.users.trainer.token))
          .expect(200)
      ).body as SessionSurveySettingsView;
      expect(view).toMatchObject({ sessionId, courseId, configured: false, anonymityThreshold: 5 });
      await request(http)
        .put(`/api/v1/authoring/live-sessions/${sessionId}/survey`)
        .set(auth(w.users.adminDukcapil.token))
        .send({
          templateId: view.templateId,
          anonymityThreshold: 3,
          individualVisibleToAdmins: false,
        })
        .expect(404);
      const saved = (
        await request(http)
          .put(`/api/v1/authoring/live-sessions/${sessionId}/survey`)
          .set(auth(w.users.trainer.token))
          .send({
            templateId: view.templateId,
            anonymityThreshold: 3,
            individualVisibleToAdmins: false,
          })
          .expect(200)
      ).body as SessionSurveySettingsView;
      expect(saved).toMatchObject({ configured: true, anonymityThreshold: 3 });
    });

    it('is answered once by those who attended; the absent, outsiders and trainers are told why not', async () => {
      const answer = async (who: Person, status: number) => {
        const form = (
          await request(http)
            .get(`/api/v1/live-sessions/${sessionId}/survey`)
            .set(auth(who.token))
            .expect(200)
        ).body as SurveyForm;
        expect(form.target).toEqual({
          kind: 'live-session',
          id: sessionId,
          title: 'Sesi tanya jawab antrean',
        });
        return request(http)
          .post(`/api/v1/live-sessions/${sessionId}/survey`)
          .set(auth(who.token))
          .send({ answers: answersFor(form, 5, 'Interaktif') })
          .expect(status);
      };
      await answer(attendees[0], 201);
      await answer(attendees[1], 201);
      const twice = await answer(attendees[0], 409);
      expect(twice.body).toMatchObject({ code: 'survey.already-submitted' });

      const body = { answers: [] };
      const notThere = await request(http)
        .post(`/api/v1/live-sessions/${sessionId}/survey`)
        .set(auth(absent.token))
        .send(body)
        .expect(403);
      expect(notThere.body).toMatchObject({ code: 'survey.not-attendee' });
      expect((notThere.body as { detail: string }).detail).toContain('hadir');
      const outsider = await w.learner();
      await request(http)
        .post(`/api/v1/live-sessions/${sessionId}/survey`)
        .set(auth(outsider.token))
        .send(body)
        .expect(404);
      const trainerTry = await request(http)
        .get(`/api/v1/live-sessions/${sessionId}/survey`)
        .set(auth(sessionTrainer.token))
        .expect(403);
      expect(trainerTry.body).toMatchObject({ code: 'survey.trainer' });
    });

    it('shows the session trainer aggregates only from its own threshold on', async () => {
      const get = async (who: Person) =>
        (
          await request(http)
            .get(`/api/v1/evaluation/live-sessions/${sessionId}/survey-results`)
            .set(auth(who.token))
            .expect(200)
        ).body as SurveyResults;
      expect(await get(sessionTrainer)).toMatchObject({
        responses: 2,
        suppressed: true,
        needed: 1,
      });
      const form = (
        await request(http)
          .get(`/api/v1/live-sessions/${sessionId}/survey`)
          .set(auth(attendees[2].token))
          .expect(200)
      ).body as SurveyForm;
      await request(http)
        .post(`/api/v1/live-sessions/${sessionId}/survey`)
        .set(auth(attendees[2].token))
        .send({ answers: answersFor(form, 4) })
        .expect(201);
      const shown = await get(sessionTrainer);
      expect(shown).toMatchObject({ responses: 3, suppressed: false });
      expect(shown.overall?.distribution).toEqual([0, 0, 0, 8, 16]);
      expect(shown.comments.find((c) => c.comments.length)?.comments).toEqual([
        'Interaktif',
        'Interaktif',
      ]);
      await request(http)
        .get(`/api/v1/evaluation/live-sessions/${sessionId}/survey-results`)
        .set(auth(w.users.adminDukcapil.token))
        .expect(404);
    });

    it('totals a trainer’s surveys over those that reach their threshold, for them and admins in reach', async () => {
      const get = (who: Person, userId: string) =>
        request(http)
          .get(`/api/v1/evaluation/trainers/${userId}/survey-results`)
          .set(auth(who.token));
      const mine = (await get(sessionTrainer, sessionTrainer.id).expect(200))
        .body as TrainerSurveyResults;
      expect(mine.trainer.name).toBe('Pak Hotma');
      expect(mine.surveys).toEqual([
        expect.objectContaining({
          kind: 'live-session',
          id: sessionId,
          responses: 3,
          suppressed: false,
        }),
      ]);
      expect(mine.responses).toBe(3);
      expect(mine.comments[0]).toMatchObject({ targetTitle: 'Sesi tanya jawab antrean' });

      // The course author: several courses; the one below its threshold is left out of the totals.
      const author = (await get(w.users.adminBkpsdm, w.users.trainer.id).expect(200))
        .body as TrainerSurveyResults;
      const layanan = author.surveys.find((s) => s.title === 'Pelayanan Adminduk Daring');
      expect(layanan).toMatchObject({ kind: 'course', responses: 5, suppressed: false });
      const held = author.surveys.filter((s) => s.suppressed);
      expect(held.length).toBeGreaterThan(0);
      expect(author.excluded).toEqual({
        surveys: held.length,
        responses: held.reduce((n, s) => n + s.responses, 0),
      });
      expect(author.responses).toBe(
        author.surveys.filter((s) => !s.suppressed).reduce((n, s) => n + s.responses, 0),
      );
      // Another trainer, and an admin who does not reach the trainer's unit: 404.
      await get(sessionTrainer, w.users.trainer.id).expect(404);
      await get(w.users.adminDukcapil, w.users.trainer.id).expect(404);
    });
  });
});
