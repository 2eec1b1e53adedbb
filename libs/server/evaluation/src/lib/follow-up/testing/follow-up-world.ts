import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type {
  AuthoringCourseResponse,
  EnrolmentSummary,
  JobName,
  LearnerCourseResponse,
} from '@siantar/contracts';
import { CatalogJobsModule, CatalogModule } from '@siantar/server-catalog';
import { publishCourse } from '@siantar/server-catalog/testing';
import { QueueService } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import { NotifyJobsModule } from '@siantar/server-notify';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  createUser,
  jobStubsExcept,
  type MailCatcher,
  startMailCatcher,
  type TestApp,
  type TestContext,
  type TestUnit,
  until,
} from '@siantar/server-testing';
import request from 'supertest';
import { FollowUpJobsModule } from '../follow-up-jobs.module';
import { FollowUpModule } from '../follow-up.module';
import { answerByOf, followUpDueAt, followUpJobId } from '../schedule/follow-up-dates';

/** The jobs a follow-up world runs for real; every other job has a no-op stub. */
export const FOLLOW_UP_WORLD_JOBS: JobName[] = [
  'catalog.evaluate-completion',
  'catalog.bulk-enrol',
  'catalog.scorm-import',
  'evaluation.follow-up-due',
  'evaluation.follow-up-replan-course',
  'notify.deliver',
  'notify.digest',
  'notify.inactivity',
  'notify.jp-nudge',
];

/**
 * A city with an OPD (Disdukcapil) and its people, the api (identity, catalog, follow-ups and
 * any extra modules) and a worker running the catalog's completion, the follow-up jobs and
 * notification delivery, against real PostgreSQL, Redis and SMTP (a local catcher).
 */
export interface FollowUpWorld {
  ctx: TestContext;
  t: TestApp;
  worker: INestApplicationContext;
  mail: MailCatcher;
  queue: QueueService;
  city: TestUnit;
  opd: TestUnit;
  otherOpd: TestUnit;
  /** Kepala Bidang in Disdukcapil, with the supervisor role; the direct supervisor of rina and andi. */
  kabid: string;
  /** Another supervisor (of nobody in this course). */
  otherSupervisor: string;
  rina: string;
  andi: string;
  /** A learner without a supervisor. */
  tono: string;
  /** A learner who is not a supervisor. */
  learner: string;
  trainer: string;
  cityAdmin: string;
  /** Admin whose reach is the other OPD. */
  otherAdmin: string;
  token(userId: string): Promise<string>;
  close(): Promise<void>;
}

export async function buildFollowUpWorld(extraApiModules: unknown[] = []): Promise<FollowUpWorld> {
  const mail = await startMailCatcher();
  const ctx = await createTestContext({
    SMTP_URL: mail.url,
    PUBLIC_URL: 'https://belajar.test',
    STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-follow-up-')),
  });
  const t = await createTestApp(ctx.config, [
    IdentityModule,
    CatalogModule,
    FollowUpModule,
    ...(extraApiModules as never[]),
  ]);
  const worker = await createTestWorker(ctx.config, [
    CatalogJobsModule,
    FollowUpJobsModule,
    NotifyJobsModule,
    jobStubsExcept(...FOLLOW_UP_WORLD_JOBS),
  ]).catch(async (e: unknown) => {
    await t.close();
    await ctx.cleanup();
    await mail.close();
    throw e;
  });
  const city = await createOrgUnit(t.db, { name: 'Pemerintah Kota Pematangsiantar' });
  const opd = await createOrgUnit(t.db, { name: 'Disdukcapil', parent: city });
  const otherOpd = await createOrgUnit(t.db, { name: 'Dinas Kesehatan', parent: city });
  const user = async (
    name: string,
    unit: TestUnit,
    more: Partial<Parameters<typeof createUser>[1]> = {},
  ) => (await createUser(t.db, { unit, name, ...more })).id;
  const kabid = await user('Kabid Pelayanan', opd, { roles: ['supervisor', 'learner'] });
  const otherSupervisor = await user('Kabid Lain', otherOpd, { roles: ['supervisor', 'learner'] });
  const world: FollowUpWorld = {
    ctx,
    t,
    worker,
    mail,
    queue: t.app.get(QueueService),
    city,
    opd,
    otherOpd,
    kabid,
    otherSupervisor,
    rina: await user('Rina Marpaung', opd, { supervisorId: kabid }),
    andi: await user('Andi Siregar', opd, { supervisorId: kabid }),
    tono: await user('Tono Simanjuntak', opd),
    learner: await user('Pegawai Lain', opd),
    trainer: await user('Widyaiswara', city, { roles: ['trainer'] }),
    cityAdmin: await user('Admin BKPSDM', city, {
      roles: ['admin'],
      adminScope: city,
      employmentType: 'NON_ASN',
    }),
    otherAdmin: await user('Admin Dinkes', otherOpd, {
      roles: ['admin'],
      adminScope: otherOpd,
      employmentType: 'NON_ASN',
    }),
    token: (userId) => t.tokenFor(userId),
    close: async () => {
      await worker.close();
      await t.close();
      await ctx.cleanup();
      await mail.close();
    },
  };
  return world;
}

export const auth = async (w: FollowUpWorld, userId: string) => ({
  Authorization: `Bearer ${await w.token(userId)}`,
});

let courses = 0;

/** A published course with one link lesson (opening it completes the course). */
export async function publishLinkCourse(w: FollowUpWorld): Promise<string> {
  const c: AuthoringCourseResponse = await publishCourse(
    w.t,
    await w.token(w.trainer),
    await w.token(w.cityAdmin),
    {
      code: `EPP-${++courses}-${randomUUID().slice(0, 4)}`,
      lessons: [{ type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } }],
      meta: { title: `Pelayanan Prima ${courses}` },
    },
  );
  return c.courseId;
}

/** Enrols the learner; returns the enrolment id and its link lesson. */
export async function enrol(w: FollowUpWorld, userId: string, courseId: string) {
  const h = await auth(w, userId);
  const e = (await request(w.t.http).post(`/api/v1/catalog/${courseId}/enrol`).set(h).expect(201))
    .body as EnrolmentSummary;
  const view = (await request(w.t.http).get(`/api/v1/enrolments/${e.id}`).set(h).expect(200))
    .body as LearnerCourseResponse;
  return { enrolmentId: e.id, lessonId: view.modules[0].lessons[0].id };
}

/** Completes the course through the progress API and waits for the worker's completion job. */
export async function complete(
  w: FollowUpWorld,
  userId: string,
  e: { enrolmentId: string; lessonId: string },
): Promise<Date> {
  await request(w.t.http)
    .post('/api/v1/progress/events')
    .set(await auth(w, userId))
    .send({
      events: [
        {
          id: randomUUID(),
          enrolmentId: e.enrolmentId,
          lessonId: e.lessonId,
          kind: 'opened',
          occurredAt: new Date().toISOString(),
        },
      ],
    })
    .expect(200);
  return until(async () => {
    const [r] = await w.t.db.query<{ completed_at: Date | null }[]>(
      `SELECT completed_at FROM enrolment WHERE id = $1 AND status = 'completed'`,
      [e.enrolmentId],
    );
    return r?.completed_at ?? null;
  });
}

export interface FollowUpRowState {
  id: string;
  offset_days: number;
  status: string;
  course_ended_at: Date;
  due_at: Date;
  answer_by: Date;
  supervisor_id: string | null;
  org_unit_id: string | null;
}

export const followUpRows = (w: FollowUpWorld, enrolmentId: string) =>
  w.t.db.query<FollowUpRowState[]>(
    `SELECT id, offset_days, status, course_ended_at, due_at, answer_by, supervisor_id, org_unit_id
       FROM follow_up WHERE enrolment_id = $1 ORDER BY offset_days`,
    [enrolmentId],
  );

/**
 * Moves an enrolment's course end to `daysAgo` days before now, as a correction would, and
 * its scheduled follow-ups with it (the rows only: their jobs keep their ids).
 */
export async function shiftCourseEnd(
  w: FollowUpWorld,
  enrolmentId: string,
  daysAgo: number,
): Promise<Date> {
  const end = new Date(Date.now() - daysAgo * 86_400_000);
  await w.t.db.query(`UPDATE enrolment SET completed_at = $2 WHERE id = $1`, [enrolmentId, end]);
  for (const r of await followUpRows(w, enrolmentId)) {
    if (r.status !== 'scheduled') continue;
    const due = followUpDueAt(end, r.offset_days);
    await w.t.db.query(
      `UPDATE follow_up SET course_ended_at = $2, due_at = $3, answer_by = $4 WHERE id = $1`,
      [r.id, end, due, answerByOf(due)],
    );
  }
  return end;
}

/** Waits until the job is finished (completed), as the worker ran it. */
export async function jobDone(w: FollowUpWorld, jobId: string): Promise<void> {
  const q = w.queue.queue('evaluation');
  await until(async () => (await q.getJobState(jobId)) === 'completed');
}

/**
 * Asks a follow-up now, as its delayed job would when due: moves the course end `daysAgo`
 * days back (rows with it) and promotes the job the completion planned. Returns the row.
 */
export async function askFollowUp(
  w: FollowUpWorld,
  enrolmentId: string,
  offsetDays: number,
  daysAgo: number,
): Promise<FollowUpRowState> {
  const row = (await followUpRows(w, enrolmentId)).find((r) => r.offset_days === offsetDays);
  if (!row) throw new Error(`no follow-up +${offsetDays}d for ${enrolmentId}`);
  const jobId = followUpJobId(enrolmentId, offsetDays, row.due_at);
  await shiftCourseEnd(w, enrolmentId, daysAgo);
  const job = await w.queue.queue('evaluation').getJob(jobId);
  if (!job) throw new Error(`no job ${jobId}`);
  await job.promote();
  await jobDone(w, jobId);
  const asked = (await followUpRows(w, enrolmentId)).find((r) => r.offset_days === offsetDays);
  if (asked?.status !== 'open') throw new Error(`follow-up not asked: ${asked?.status}`);
  return asked;
}
