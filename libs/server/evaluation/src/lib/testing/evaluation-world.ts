import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, Type } from '@nestjs/common';
import type {
  AuthoringCourseResponse,
  CompletionRules,
  EnrolmentSummary,
  SurveyAnswerInput,
  SurveyForm,
} from '@siantar/contracts';
import { CatalogModule } from '@siantar/server-catalog';
import { IdentityModule } from '@siantar/server-identity';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createUser,
  type TestApp,
  type TestContext,
  type TestUnit,
} from '@siantar/server-testing';
import request from 'supertest';
import { EvaluationModule } from '../evaluation.module';

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

export interface Person {
  id: string;
  token: string;
}

/**
 * A city with BKPSDM (which runs training and owns the courses), Disdukcapil and Dinkes.
 * Admins: the city-wide one, BKPSDM's (reviews its courses), Disdukcapil's (reaches only its
 * OPD). Trainers author courses; learners sit in the OPDs.
 */
export interface EvaluationWorld {
  ctx: TestContext;
  t: TestApp;
  units: Record<'city' | 'bkpsdm' | 'dukcapil' | 'dinkes', TestUnit>;
  users: Record<
    'cityAdmin' | 'adminBkpsdm' | 'adminDukcapil' | 'trainer' | 'otherTrainer' | 'supervisor',
    Person
  >;
  /** A new learner in the unit (Disdukcapil by default). */
  learner(unit?: TestUnit, name?: string): Promise<Person>;
  close(): Promise<void>;
}

let seq = 0;

export async function createEvaluationWorld(
  extra: (Type<unknown> | DynamicModule)[] = [],
): Promise<EvaluationWorld> {
  const ctx = await createTestContext({ STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-eval-')) });
  const t = await createTestApp(ctx.config, [
    IdentityModule,
    CatalogModule,
    ...extra,
    EvaluationModule,
  ]);
  const city = await createOrgUnit(t.db, {
    code: 'PEMKO',
    name: 'Pemerintah Kota Pematangsiantar',
  });
  const bkpsdm = await createOrgUnit(t.db, {
    code: 'BKPSDM',
    name: 'Badan Kepegawaian dan Pengembangan SDM',
    parent: city,
  });
  const dukcapil = await createOrgUnit(t.db, {
    code: 'DUKCAPIL',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    parent: city,
  });
  const dinkes = await createOrgUnit(t.db, {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    parent: city,
  });
  const person = async (u: Promise<{ id: string }>): Promise<Person> => {
    const { id } = await u;
    return { id, token: await t.tokenFor(id) };
  };
  const users = {
    cityAdmin: await person(
      createUser(t.db, { unit: city, roles: ['admin'], adminScope: city, name: 'Admin Kota' }),
    ),
    adminBkpsdm: await person(
      createUser(t.db, {
        unit: bkpsdm,
        roles: ['admin'],
        adminScope: bkpsdm,
        name: 'Admin BKPSDM',
      }),
    ),
    adminDukcapil: await person(
      createUser(t.db, {
        unit: dukcapil,
        roles: ['admin'],
        adminScope: dukcapil,
        name: 'Admin Disdukcapil',
      }),
    ),
    trainer: await person(
      createUser(t.db, { unit: bkpsdm, roles: ['trainer'], name: 'Dra. Rosmawati' }),
    ),
    otherTrainer: await person(
      createUser(t.db, { unit: bkpsdm, roles: ['trainer'], name: 'Pak Hotma' }),
    ),
    supervisor: await person(createUser(t.db, { unit: dukcapil, roles: ['supervisor'] })),
  };
  return {
    ctx,
    t,
    units: { city, bkpsdm, dukcapil, dinkes },
    users,
    learner: (unit = dukcapil, name?: string) =>
      person(createUser(t.db, { unit, name: name ?? `Peserta ${++seq}` })),
    close: async () => {
      await t.close();
      await ctx.cleanup();
    },
  };
}

/**
 * Publishes a course by `trainer` (owned by BKPSDM, approved by BKPSDM's admin) with one link
 * lesson ('Tautan'); the rules default to "every lesson", no attendance.
 */
export async function publishCourse(
  w: EvaluationWorld,
  opts: { code: string; title?: string; rules?: Partial<CompletionRules> },
): Promise<{ courseId: string; linkLessonId: string }> {
  const { t, users } = w;
  const created = await request(t.http)
    .post('/api/v1/authoring/courses')
    .set(auth(users.trainer.token))
    .send({
      code: opts.code,
      title: opts.title ?? `Kursus ${opts.code}`,
      summary: 'Pelayanan publik.',
      jp: 4,
    })
    .expect(201);
  const courseId = (created.body as AuthoringCourseResponse).courseId;
  const mod = await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/modules`)
    .set(auth(users.trainer.token))
    .send({ title: 'Modul 1' })
    .expect(201);
  const moduleId = (mod.body as AuthoringCourseResponse).working.modules[0].id;
  await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/modules/${moduleId}/lessons`)
    .set(auth(users.trainer.token))
    .send({
      type: 'link',
      title: 'Tautan',
      durationMinutes: 10,
      content: { url: 'https://example.go.id' },
    })
    .expect(201);
  await request(t.http)
    .patch(`/api/v1/authoring/courses/${courseId}/draft`)
    .set(auth(users.trainer.token))
    .send({
      completionRules: {
        lessons: 'all',
        lessonKeys: [],
        quizzes: true,
        attendance: false,
        survey: false,
        deadline: false,
        ...opts.rules,
      },
    })
    .expect(200);
  await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/draft/submit`)
    .set(auth(users.trainer.token))
    .send({ changelog: 'Versi pertama.' })
    .expect(200);
  const approved = await request(t.http)
    .post(`/api/v1/authoring/courses/${courseId}/review/approve`)
    .set(auth(users.adminBkpsdm.token))
    .send({})
    .expect(200);
  const version = (approved.body as AuthoringCourseResponse).working.id;
  const [{ id: linkLessonId }] = await t.db.query<{ id: string }[]>(
    `SELECT id FROM lesson WHERE version_id = $1 AND title = 'Tautan'`,
    [version],
  );
  return { courseId, linkLessonId };
}

export async function enrol(w: EvaluationWorld, courseId: string, who: Person): Promise<string> {
  const res = await request(w.t.http)
    .post(`/api/v1/catalog/${courseId}/enrol`)
    .set(auth(who.token))
    .expect(201);
  return (res.body as EnrolmentSummary).id;
}

/** Answers every likert item of a form with `score` (or the scores in turn) and the open ones with `comment`. */
export function answersFor(
  form: SurveyForm,
  score: number | number[],
  comment?: string,
): SurveyAnswerInput[] {
  let i = 0;
  return form.items.flatMap((item): SurveyAnswerInput[] => {
    if (item.kind === 'likert') {
      const s = Array.isArray(score) ? score[i++ % score.length] : score;
      return [{ itemId: item.id, score: s }];
    }
    return comment ? [{ itemId: item.id, text: comment }] : [];
  });
}

/** Sends the course survey of an enrolment through the API. */
export async function answerCourseSurvey(
  w: EvaluationWorld,
  who: Person,
  enrolmentId: string,
  score: number | number[],
  comment?: string,
): Promise<SurveyForm> {
  const form = (
    await request(w.t.http)
      .get(`/api/v1/enrolments/${enrolmentId}/survey`)
      .set(auth(who.token))
      .expect(200)
  ).body as SurveyForm;
  return (
    await request(w.t.http)
      .post(`/api/v1/enrolments/${enrolmentId}/survey`)
      .set(auth(who.token))
      .send({ answers: answersFor(form, score, comment) })
      .expect(201)
  ).body as SurveyForm;
}

/** A live session of a course (or a webinar), as the live domain stores it, with its trainers. */
export async function createSession(
  w: EvaluationWorld,
  opts: { courseId: string | null; title: string; trainers: Person[]; createdBy: Person },
): Promise<string> {
  const [{ id }] = await w.t.db.query<{ id: string }[]>(
    `INSERT INTO live_session (course_id, title, starts_at, ends_at, created_by)
     VALUES ($1, $2, now() - interval '2 hours', now() - interval '1 hour', $3) RETURNING id`,
    [opts.courseId, opts.title, opts.createdBy.id],
  );
  for (const tr of opts.trainers)
    await w.t.db.query(`INSERT INTO live_session_trainer (session_id, user_id) VALUES ($1, $2)`, [
      id,
      tr.id,
    ]);
  return id;
}

/** Someone was in the session's room (a presence row, as the room writes it). */
export async function markPresent(w: EvaluationWorld, sessionId: string, who: Person) {
  await w.t.db.query(
    `INSERT INTO live_presence (session_id, user_id, socket_id, joined_at, last_seen_at, left_at)
     VALUES ($1, $2, $3, now() - interval '100 minutes', now() - interval '70 minutes', now() - interval '70 minutes')`,
    [sessionId, who.id, `sock-${who.id.slice(0, 8)}`],
  );
}
