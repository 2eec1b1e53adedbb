import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import type {
  AuthoringCourseResponse,
  CertificateExportView,
  CertificatePage,
  CertificateTemplateView,
  CertificateVerification,
  CertificateView,
  EnrolmentSummary,
  JobName,
  LearnerCourseResponse,
  StoredFileResponse,
} from '@siantar/contracts';
import { CatalogJobsModule, CatalogModule } from '@siantar/server-catalog';
import { publishCourse } from '@siantar/server-catalog/testing';
import { QueueService } from '@siantar/server-core';
import { IdentityModule } from '@siantar/server-identity';
import { wibDate } from '@siantar/server-ledger';
import { LiveJobsModule } from '@siantar/server-live';
import {
  createOrgUnit,
  createTestApp,
  createTestContext,
  createTestWorker,
  createUser,
  jobStubsExcept,
  type TestApp,
  type TestContext,
  type TestUnit,
  until,
} from '@siantar/server-testing';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import request from 'supertest';
import { CertificatesJobsModule } from '../certificates-jobs.module';
import { CertificatesModule } from '../certificates.module';
import { pdfQrCodes, pdfText } from '../testing/pdf-readback';
import { VERIFY_RATE_PER_MINUTE } from '../verification/verification.service';

const PUBLIC_URL = 'https://belajar.pematangsiantar.test';
const year = Number(wibDate(new Date()).slice(0, 4));

const TESTED: JobName[] = [
  'catalog.evaluate-completion',
  'catalog.scorm-import',
  'catalog.bulk-enrol',
  'live.finalise-attendance',
  'certificates.issue',
  'certificates.issue-webinar',
  'certificates.render',
  'certificates.export',
];

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

function png(size: number, grey: number): Buffer {
  const p = new PNG({ width: size, height: size });
  p.data.fill(grey);
  return PNG.sync.write(p);
}

type Person = { id: string; nip: string | null; token: string };

/**
 * Certificates end to end, on the real stack: the catalog's completion job issues them, the
 * worker renders the PDF (read back with pdftotext, its QR code decoded), admins revoke,
 * re-issue, list and export; the public verification route masks the NIP and is rate-limited.
 *
 * The city: PEMKO (root) → BKPSDM (has a template; its bidang PK inherits it) and DISDUK
 * (no template: the built-in default) → its seksi PIAK, where the learners work; DINKES is
 * another OPD whose admin reaches none of this.
 */
describe('certificates (real PostgreSQL + Redis, api + worker)', () => {
  let ctx: TestContext;
  let t: TestApp;
  let worker: INestApplicationContext;
  let units: Record<'city' | 'bkpsdm' | 'bidangPk' | 'disduk' | 'piak' | 'dinkes', TestUnit>;
  let people: Record<
    | 'cityAdmin'
    | 'bkpsdmAdmin'
    | 'disdukAdmin'
    | 'dinkesAdmin'
    | 'trainer'
    | 'trainerDisduk'
    | 'supervisor'
    | 'learner'
    | 'learner2'
    | 'outsider',
    Person
  >;
  let courseA: AuthoringCourseResponse;
  let ipSeq = 0;

  const auth = (p: Person) => ({ Authorization: `Bearer ${p.token}` });
  /** Each verification call comes from an address of its own unless one is given (TRUST_PROXY). */
  const fromIp = (ip = `10.9.${Math.floor(++ipSeq / 250)}.${ipSeq % 250}`) => ({
    'X-Forwarded-For': ip,
  });

  beforeAll(async () => {
    ctx = await createTestContext({
      STORAGE_DIR: mkdtempSync(join(tmpdir(), 'sb-cert-')),
      PUBLIC_URL,
      TRUST_PROXY: 'true',
      DATABASE_POOL_SIZE: '8',
    });
    t = await createTestApp(ctx.config, [IdentityModule, CatalogModule, CertificatesModule]);
    worker = await createTestWorker(ctx.config, [
      CatalogJobsModule,
      LiveJobsModule,
      CertificatesJobsModule,
      jobStubsExcept(...TESTED),
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
    const disduk = await createOrgUnit(t.db, {
      code: 'DISDUK',
      name: 'Dinas Kependudukan dan Pencatatan Sipil',
      parent: city,
    });
    units = {
      city,
      bkpsdm,
      bidangPk: await createOrgUnit(t.db, {
        code: 'BKPSDM-PK',
        name: 'Bidang Pengembangan Kompetensi',
        kind: 'bidang',
        parent: bkpsdm,
      }),
      disduk,
      piak: await createOrgUnit(t.db, {
        code: 'DISDUK-PIAK',
        name: 'Bidang Pelayanan Pendaftaran Penduduk',
        kind: 'bidang',
        parent: disduk,
      }),
      dinkes: await createOrgUnit(t.db, { code: 'DINKES', name: 'Dinas Kesehatan', parent: city }),
    };
    const person = async (opts: Parameters<typeof createUser>[1]): Promise<Person> => {
      const u = await createUser(t.db, opts);
      return { id: u.id, nip: u.nip, token: await t.tokenFor(u.id) };
    };
    const supervisor = await person({ unit: units.piak, roles: ['supervisor'] });
    people = {
      cityAdmin: await person({ unit: city, roles: ['admin'], adminScope: city }),
      bkpsdmAdmin: await person({ unit: bkpsdm, roles: ['admin'], adminScope: bkpsdm }),
      disdukAdmin: await person({ unit: disduk, roles: ['admin'], adminScope: disduk }),
      dinkesAdmin: await person({ unit: units.dinkes, roles: ['admin'], adminScope: units.dinkes }),
      trainer: await person({ unit: bkpsdm, roles: ['trainer'] }),
      trainerDisduk: await person({ unit: disduk, roles: ['trainer'] }),
      supervisor,
      learner: await person({
        unit: units.piak,
        name: 'Rahmawati Siregar',
        supervisorId: supervisor.id,
      }),
      learner2: await person({ unit: units.piak, name: 'Budi Simanjuntak' }),
      outsider: await person({ unit: units.dinkes, name: 'Orang Lain' }),
    };
    courseA = await publishCourse(t, people.trainer.token, people.cityAdmin.token, {
      code: 'SKP-A',
      lessons: [{ type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } }],
      meta: { title: 'Pelayanan Adminduk Daring', jp: 3, competencyType: 'teknis' },
    });
  }, 60_000);
  afterAll(async () => {
    await worker.close();
    await t.close();
    await ctx.cleanup();
  });

  /** Enrols the learner and completes the course's link lesson through the progress API. */
  async function complete(p: Person, courseId: string): Promise<string> {
    const e = (
      await request(t.http).post(`/api/v1/catalog/${courseId}/enrol`).set(auth(p)).expect(201)
    ).body as EnrolmentSummary;
    const view = (await request(t.http).get(`/api/v1/enrolments/${e.id}`).set(auth(p)).expect(200))
      .body as LearnerCourseResponse;
    const lessonId = view.modules[0].lessons[0].id;
    await request(t.http)
      .post('/api/v1/progress/events')
      .set(auth(p))
      .send({
        events: [
          {
            id: randomUUID(),
            enrolmentId: e.id,
            lessonId,
            kind: 'opened',
            occurredAt: new Date().toISOString(),
          },
        ],
      })
      .expect(200);
    return e.id;
  }

  const mine = async (p: Person) =>
    (await request(t.http).get('/api/v1/my/certificates').set(auth(p)).expect(200))
      .body as CertificateView[];

  const getCert = async (p: Person, id: string) =>
    (await request(t.http).get(`/api/v1/certificates/${id}`).set(auth(p)).expect(200))
      .body as CertificateView;

  /** Waits until the worker has rendered the PDF of the certificate's current issue. */
  const rendered = (p: Person, id: string) =>
    until(async () => {
      const c = await getCert(p, id);
      return c.pdfReady ? c : null;
    });

  const pdf = async (p: Person, id: string): Promise<Buffer> => {
    const res = await request(t.http)
      .get(`/api/v1/certificates/${id}/pdf`)
      .set(auth(p))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="sertifikat-/);
    return res.body as Buffer;
  };

  const verify = (code: string, ip?: string) =>
    request(t.http).get(`/api/v1/public/certificates/${code}`).set(fromIp(ip));

  const counter = async (unit: TestUnit) =>
    (
      await t.db.query<{ last_seq: number }[]>(
        `SELECT last_seq FROM certificate_counter WHERE issuer_org_unit_id = $1 AND year = $2`,
        [unit.id, year],
      )
    )[0]?.last_seq ?? 0;

  const queue = () => worker.get(QueueService).queue('certificates');

  /** Waits for a job to finish; returns whether it failed, its reason and attempts. */
  const finished = (jobId: string) =>
    until(async () => {
      const job = await queue().getJob(jobId);
      if (!job?.finishedOn) return null;
      return {
        failed: Boolean(job.failedReason),
        reason: job.failedReason,
        attempts: job.attemptsMade,
      };
    });

  let certA: CertificateView;

  describe('templates', () => {
    let logoId = '';
    let signatureId = '';

    const upload = async (data: Buffer, filename: string) =>
      (
        (
          await request(t.http)
            .post('/api/v1/files')
            .set(auth(people.bkpsdmAdmin))
            .field('purpose', 'cover')
            .attach('file', data, { filename, contentType: 'application/octet-stream' })
            .expect(201)
        ).body as StoredFileResponse
      ).id;

    const template = (over: Record<string, unknown> = {}) => ({
      title: 'SURAT KETERANGAN PELATIHAN',
      introText: 'Diberikan kepada:',
      issuerName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Pematangsiantar',
      place: 'Pematangsiantar',
      numberFormat: '{seq:4}/SKP/{issuer}/{year}',
      signatoryName: 'Drs. Hotman Sinaga, M.Si.',
      signatoryNip: '197003121995031002',
      signatoryPosition: 'Kepala BKPSDM Kota Pematangsiantar',
      logoFileId: logoId,
      signatureFileId: signatureId,
      ...over,
    });

    it("sets the BKPSDM template (logo and signature images) and previews the register's next number", async () => {
      logoId = await upload(png(48, 90), 'logo-pemko.png');
      signatureId = await upload(png(64, 30), 'ttd-kepala.png');
      const res = await request(t.http)
        .put(`/api/v1/admin/certificate-templates/${units.bkpsdm.id}`)
        .set(auth(people.bkpsdmAdmin))
        .send(template())
        .expect(200);
      const view = res.body as CertificateTemplateView;
      expect(view).toMatchObject({
        orgUnitId: units.bkpsdm.id,
        source: 'own',
        templateOrgUnitId: units.bkpsdm.id,
        numberPreview: `0001/SKP/BKPSDM/${year}`,
        fields: { signatoryName: 'Drs. Hotman Sinaga, M.Si.', logoFileId: logoId },
      });
      expect(view.logoUrl).toMatch(/^\/api\/v1\/files\/.+\/content\?exp=/);
    });

    it('falls back to the nearest ancestor for a sub-unit and to the built-in default elsewhere', async () => {
      const sub = (
        await request(t.http)
          .get(`/api/v1/admin/certificate-templates/${units.bidangPk.id}`)
          .set(auth(people.bkpsdmAdmin))
          .expect(200)
      ).body as CertificateTemplateView;
      expect(sub).toMatchObject({ source: 'inherited', templateOrgUnitId: units.bkpsdm.id });
      expect(sub.numberPreview).toBe(`0001/SKP/BKPSDM/${year}`);
      const other = (
        await request(t.http)
          .get(`/api/v1/admin/certificate-templates/${units.disduk.id}`)
          .set(auth(people.disdukAdmin))
          .expect(200)
      ).body as CertificateTemplateView;
      expect(other).toMatchObject({
        source: 'default',
        templateOrgUnitId: null,
        numberPreview: `0001/SKP/DISDUK/${year}`,
        fields: { issuerName: 'Dinas Kependudukan dan Pencatatan Sipil', signatoryName: '' },
      });
    });

    it('refuses bad input field by field, and units outside the reach', async () => {
      const webp = Buffer.concat([
        Buffer.from('RIFF'),
        Buffer.alloc(4),
        Buffer.from('WEBPVP8 '),
        Buffer.alloc(64),
      ]);
      const webpId = await upload(webp, 'logo.webp');
      const cases: [Record<string, unknown>, string][] = [
        [{ numberFormat: '{seq:4}/SKP/BKPSDM/{year}' }, 'numberFormat'],
        [{ numberFormat: '{seq}/{issuer}' }, 'numberFormat'],
        [{ signatoryNip: '19700312199503100' }, 'signatoryNip'],
        [{ logoFileId: webpId }, 'logoFileId'],
        [{ signatureFileId: randomUUID() }, 'signatureFileId'],
        [{ title: '' }, 'title'],
      ];
      for (const [over, path] of cases) {
        const res = await request(t.http)
          .put(`/api/v1/admin/certificate-templates/${units.bkpsdm.id}`)
          .set(auth(people.bkpsdmAdmin))
          .send(template(over))
          .expect(400);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect((res.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
          path,
        );
      }
      for (const method of ['get', 'put', 'delete'] as const)
        await request(t.http)
          [method](`/api/v1/admin/certificate-templates/${units.bkpsdm.id}`)
          .set(auth(people.disdukAdmin))
          .send(template())
          .expect(404);
      // The template is unchanged by the refusals.
      const view = (
        await request(t.http)
          .get(`/api/v1/admin/certificate-templates/${units.bkpsdm.id}`)
          .set(auth(people.cityAdmin))
          .expect(200)
      ).body as CertificateTemplateView;
      expect(view.fields.numberFormat).toBe('{seq:4}/SKP/{issuer}/{year}');
    });
  });

  describe('issuing', () => {
    it('issues one certificate when the course is completed; its PDF reads back with the learner, JP, number and QR code', async () => {
      const enrolmentId = await complete(people.learner, courseA.courseId);
      const [first] = await until(async () => {
        const list = await mine(people.learner);
        return list.length ? list : null;
      });
      certA = await rendered(people.learner, first.id);
      expect(certA).toMatchObject({
        kind: 'course',
        status: 'valid',
        registerNumber: `0001/SKP/BKPSDM/${year}`,
        enrolmentId,
        courseId: courseA.courseId,
        title: 'Pelayanan Adminduk Daring',
        jp: 3,
        competencyType: 'teknis',
        issuerOrgUnitId: units.bkpsdm.id,
        issuerName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Pematangsiantar',
        reissueCount: 0,
        learner: {
          name: 'Rahmawati Siregar',
          nip: people.learner.nip,
          rankLabel: 'Penata Muda (III/a)',
          orgUnitName: 'Bidang Pelayanan Pendaftaran Penduduk',
          opdName: 'Dinas Kependudukan dan Pencatatan Sipil',
        },
      });
      expect(certA.code).toMatch(/^[a-z2-7]{32}$/);
      expect(certA.verificationUrl).toBe(`${PUBLIC_URL}/verify/${certA.code}`);
      expect(certA.endDate).toBe(wibDate(new Date()));

      const file = await pdf(people.learner, certA.id);
      const text = await pdfText(file);
      for (const s of [
        'Rahmawati Siregar',
        people.learner.nip as string,
        '3 JP',
        `Nomor: 0001/SKP/BKPSDM/${year}`,
        'Pelayanan Adminduk Daring',
        'Penata Muda (III/a)',
        'Drs. Hotman Sinaga, M.Si.',
        'NIP 197003121995031002',
      ])
        expect(text).toContain(s);
      expect(await pdfQrCodes(file)).toEqual([`${PUBLIC_URL}/verify/${certA.code}`]);
      // The signed download URL serves the same bytes without the bearer token.
      const viaUrl = await request(t.http)
        .get(certA.downloadUrl as string)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect((viaUrl.body as Buffer).equals(file)).toBe(true);
    });

    it('is idempotent: the same issue job run again, twice at once, makes no second certificate and takes no number', async () => {
      const q = worker.get(QueueService);
      const ids = [`certificate-again-1-${certA.id}`, `certificate-again-2-${certA.id}`];
      await Promise.all(
        ids.map((jobId) =>
          q.enqueue('certificates.issue', { enrolmentId: certA.enrolmentId as string }, { jobId }),
        ),
      );
      for (const id of ids) expect((await finished(id)).failed).toBe(false);
      const [{ n }] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM certificate WHERE user_id = $1`,
        [people.learner.id],
      );
      expect(n).toBe(1);
      expect(await counter(units.bkpsdm)).toBe(1);
      expect((await mine(people.learner)).map((c) => c.id)).toEqual([certA.id]);
    });

    it('refuses a course that is not completed, in the job and the admin route, writing nothing', async () => {
      const e = (
        await request(t.http)
          .post(`/api/v1/catalog/${courseA.courseId}/enrol`)
          .set(auth(people.learner2))
          .expect(201)
      ).body as EnrolmentSummary;
      const res = await request(t.http)
        .post('/api/v1/admin/certificates')
        .set(auth(people.bkpsdmAdmin))
        .send({ enrolmentId: e.id })
        .expect(409);
      expect(res.body).toMatchObject({ code: 'certificates.not-completed' });
      expect((res.body as { detail: string }).detail).toContain('belum diselesaikan');
      const jobId = `certificate-refused-${e.id}`;
      await worker
        .get(QueueService)
        .enqueue('certificates.issue', { enrolmentId: e.id }, { jobId });
      const outcome = await finished(jobId);
      expect(outcome).toMatchObject({ failed: true, attempts: 1 });
      expect(outcome.reason).toContain('certificates.not-completed');
      const [{ n }] = await t.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM certificate WHERE user_id = $1`,
        [people.learner2.id],
      );
      expect(n).toBe(0);
      expect(await counter(units.bkpsdm)).toBe(1);
      // Validation and reach.
      await request(t.http)
        .post('/api/v1/admin/certificates')
        .set(auth(people.bkpsdmAdmin))
        .send({ enrolmentId: 'nope' })
        .expect(400);
      await request(t.http)
        .post('/api/v1/admin/certificates')
        .set(auth(people.dinkesAdmin))
        .send({ enrolmentId: e.id })
        .expect(404);
    });

    it('lets an admin issue for an enrolment completed before (next number, once)', async () => {
      await t.db.query(
        `UPDATE enrolment SET status = 'completed', completed_at = now() - interval '1 day'
          WHERE user_id = $1 AND course_id = $2`,
        [people.learner2.id, courseA.courseId],
      );
      const [e] = await t.db.query<{ id: string }[]>(
        `SELECT id FROM enrolment WHERE user_id = $1 AND course_id = $2`,
        [people.learner2.id, courseA.courseId],
      );
      const first = await request(t.http)
        .post('/api/v1/admin/certificates')
        .set(auth(people.bkpsdmAdmin))
        .send({ enrolmentId: e.id })
        .expect(200);
      const c = first.body as CertificateView;
      expect(c.registerNumber).toBe(`0002/SKP/BKPSDM/${year}`);
      const again = await request(t.http)
        .post('/api/v1/admin/certificates')
        .set(auth(people.cityAdmin))
        .send({ enrolmentId: e.id })
        .expect(200);
      expect((again.body as CertificateView).id).toBe(c.id);
      expect(await counter(units.bkpsdm)).toBe(2);
      await rendered(people.learner2, c.id);
    });

    it('numbers a unit without a template in its own register, under the default template', async () => {
      const course = await publishCourse(t, people.trainerDisduk.token, people.cityAdmin.token, {
        code: 'SKP-D',
        lessons: [{ type: 'link', title: 'Tautan', content: { url: 'https://example.go.id' } }],
        meta: { title: 'Tata Naskah Dinas', jp: 2 },
      });
      await complete(people.learner, course.courseId);
      const c = await until(async () =>
        (await mine(people.learner)).find((x) => x.courseId === course.courseId),
      );
      expect(c).toMatchObject({
        registerNumber: `0001/SKP/DISDUK/${year}`,
        issuerName: 'Dinas Kependudukan dan Pencatatan Sipil',
      });
      const text = await pdfText(
        await pdf(people.learner, (await rendered(people.learner, c.id)).id),
      );
      expect(text).toContain('Pimpinan Dinas Kependudukan dan Pencatatan Sipil');
      expect(await counter(units.bkpsdm)).toBe(2);
    });

    it('issues a webinar certificate to attendees who met the rule when attendance is finalised', async () => {
      const starts = new Date(Date.now() - 3 * 3600_000);
      const ends = new Date(Date.now() - 2 * 3600_000);
      const [s] = await t.db.query<{ id: string }[]>(
        `INSERT INTO live_session (title, starts_at, ends_at, ended_at, status, jp, created_by)
         VALUES ('Webinar Literasi Digital ASN', $1, $2, $2, 'ended', 2, $3) RETURNING id`,
        [starts, ends, people.bkpsdmAdmin.id],
      );
      for (const [p, minutes] of [
        [people.learner2, 60],
        [people.outsider, 10],
      ] as const) {
        await t.db.query(
          `INSERT INTO live_participant (session_id, user_id, role) VALUES ($1, $2, 'participant')`,
          [s.id, p.id],
        );
        await t.db.query(
          `INSERT INTO live_presence (session_id, user_id, socket_id, joined_at, last_seen_at, left_at)
           VALUES ($1, $2, $3, $4, $5, $5)`,
          [
            s.id,
            p.id,
            `sock-${p.id.slice(0, 8)}`,
            starts,
            new Date(starts.getTime() + minutes * 60_000),
          ],
        );
      }
      await worker
        .get(QueueService)
        .enqueue('live.finalise-attendance', { sessionId: s.id }, { jobId: `finalise-${s.id}` });
      const c = await until(async () =>
        (await mine(people.learner2)).find((x) => x.liveSessionId === s.id),
      );
      expect(c).toMatchObject({
        kind: 'webinar',
        title: 'Webinar Literasi Digital ASN',
        jp: 2,
        registerNumber: `0003/SKP/BKPSDM/${year}`,
        courseId: null,
        startDate: wibDate(starts),
      });
      const text = await pdfText(
        await pdf(people.learner2, (await rendered(people.learner2, c.id)).id),
      );
      expect(text).toContain('webinar');
      expect(text).toContain('Webinar Literasi Digital ASN');
      // 10 minutes of 60: no certificate, no number.
      expect(await mine(people.outsider)).toEqual([]);
      expect(await counter(units.bkpsdm)).toBe(3);
    });
  });

  describe('snapshot, re-issue and revocation', () => {
    it('keeps what was issued when the profile changes, until a re-issue, which keeps the number and code', async () => {
      await t.db.query(
        `UPDATE app_user SET name = 'Rahmawati Siregar, S.Kom.', rank = 'III/b' WHERE id = $1`,
        [people.learner.id],
      );
      expect((await getCert(people.learner, certA.id)).learner.name).toBe('Rahmawati Siregar');
      expect(
        ((await verify(certA.code).expect(200)).body as CertificateVerification).learnerName,
      ).toBe('Rahmawati Siregar');
      // Only the issuer's admins re-issue; the learner's OPD admin sees it but may not.
      await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/reissue`)
        .set(auth(people.disdukAdmin))
        .expect(403);
      await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/reissue`)
        .set(auth(people.dinkesAdmin))
        .expect(404);
      await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/reissue`)
        .set(auth(people.learner))
        .expect(403);
      const res = await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/reissue`)
        .set(auth(people.bkpsdmAdmin))
        .expect(200);
      expect(res.body).toMatchObject({
        id: certA.id,
        registerNumber: certA.registerNumber,
        code: certA.code,
        reissueCount: 1,
        learner: { name: 'Rahmawati Siregar, S.Kom.', rankLabel: 'Penata Muda Tingkat I (III/b)' },
      });
      const again = await rendered(people.learner, certA.id);
      expect(again.reissuedAt).not.toBeNull();
      const file = await pdf(people.learner, certA.id);
      const text = await pdfText(file);
      expect(text).toContain('Rahmawati Siregar, S.Kom.');
      expect(text).toContain(`Nomor: ${certA.registerNumber}`);
      expect(await pdfQrCodes(file)).toEqual([certA.verificationUrl]);
      expect(await counter(units.bkpsdm)).toBe(3);
      const v = (await verify(certA.code).expect(200)).body as CertificateVerification;
      expect(v).toMatchObject({
        learnerName: 'Rahmawati Siregar, S.Kom.',
        reissueCount: 1,
        status: 'valid',
      });
    });

    it('revokes with a reason; verification then says revoked; no re-issue or second revocation', async () => {
      await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/revoke`)
        .set(auth(people.bkpsdmAdmin))
        .send({ reason: 'x' })
        .expect(400);
      await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/revoke`)
        .set(auth(people.disdukAdmin))
        .send({ reason: 'Data kelulusan keliru.' })
        .expect(403);
      const res = await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/revoke`)
        .set(auth(people.bkpsdmAdmin))
        .send({ reason: '  Kelulusan dibatalkan setelah audit.  ' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'revoked',
        revokeReason: 'Kelulusan dibatalkan setelah audit.',
      });
      const v = (await verify(certA.code).expect(200)).body as CertificateVerification;
      expect(v).toMatchObject({
        status: 'revoked',
        revokeReason: 'Kelulusan dibatalkan setelah audit.',
        registerNumber: certA.registerNumber,
      });
      expect(v.revokedAt).not.toBeNull();
      // The owner no longer downloads it; the issuer's admin still can, for the record.
      const gone = await request(t.http)
        .get(`/api/v1/certificates/${certA.id}/pdf`)
        .set(auth(people.learner))
        .expect(410);
      expect(gone.body).toMatchObject({ code: 'certificates.revoked' });
      await pdf(people.bkpsdmAdmin, certA.id);
      expect((await getCert(people.learner, certA.id)).downloadUrl).toBeNull();
      expect((await getCert(people.bkpsdmAdmin, certA.id)).downloadUrl).not.toBeNull();
      await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/reissue`)
        .set(auth(people.bkpsdmAdmin))
        .expect(409);
      await request(t.http)
        .post(`/api/v1/certificates/${certA.id}/revoke`)
        .set(auth(people.cityAdmin))
        .send({ reason: 'Sekali lagi.' })
        .expect(409);
    });
  });

  describe('public verification', () => {
    let valid: CertificateView;

    beforeAll(async () => {
      valid = (await mine(people.learner2)).find((c) => c.kind === 'course') as CertificateView;
    });

    it('shows the essentials and the status with the NIP masked, and nothing more personal', async () => {
      const res = await verify(valid.code).expect(200);
      expect(res.headers['cache-control']).toBe('no-store');
      const v = res.body as CertificateVerification;
      const nip = people.learner2.nip as string;
      expect(v).toEqual({
        code: valid.code,
        status: 'valid',
        kind: 'course',
        registerNumber: `0002/SKP/BKPSDM/${year}`,
        learnerName: 'Budi Simanjuntak',
        nipMasked: `${nip.slice(0, 4)}${'*'.repeat(10)}${nip.slice(-4)}`,
        title: 'Pelayanan Adminduk Daring',
        jp: 3,
        startDate: valid.startDate,
        endDate: valid.endDate,
        issuerName: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Pematangsiantar',
        issuedOn: wibDate(new Date(valid.issuedAt)),
        reissueCount: 0,
        revokedAt: null,
        revokeReason: null,
      });
      expect(JSON.stringify(v)).not.toContain(nip);
      expect(JSON.stringify(v)).not.toContain('III/a');
      // A code typed from paper in capitals works too.
      await verify(valid.code.toUpperCase()).expect(200);
    });

    it('answers 404 with a clear message for an unknown or malformed code', async () => {
      for (const code of [
        'a'.repeat(32),
        'abc',
        '00000000-0000-4000-8000-000000000000',
        `${valid.code}x`,
      ]) {
        const res = await verify(code).expect(404);
        expect(res.headers['content-type']).toMatch(/problem\+json/);
        expect(res.body).toMatchObject({ code: 'certificates.unknown-code' });
        expect((res.body as { detail: string }).detail).toContain('Kode verifikasi tidak dikenal');
      }
    });

    it('limits look-ups per client address (429 with Retry-After), other addresses unaffected', async () => {
      const ip = '203.0.113.7';
      for (let i = 0; i < VERIFY_RATE_PER_MINUTE; i++)
        await verify(i % 2 ? valid.code : 'z'.repeat(32), ip).expect(i % 2 ? 200 : 404);
      const limited = await verify(valid.code, ip).expect(429);
      expect(limited.body).toMatchObject({ code: 'rate-limited' });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      await verify(valid.code, '203.0.113.8').expect(200);
    });
  });

  describe('authorization per role', () => {
    it('shows a certificate to its owner and admins in reach only; everyone else gets 404', async () => {
      const c = (await mine(people.learner2)).find((x) => x.kind === 'course') as CertificateView;
      for (const p of [people.learner2, people.bkpsdmAdmin, people.disdukAdmin, people.cityAdmin])
        await request(t.http).get(`/api/v1/certificates/${c.id}`).set(auth(p)).expect(200);
      for (const p of [
        people.learner,
        people.outsider,
        people.trainer,
        people.supervisor,
        people.dinkesAdmin,
      ]) {
        await request(t.http).get(`/api/v1/certificates/${c.id}`).set(auth(p)).expect(404);
        await request(t.http).get(`/api/v1/certificates/${c.id}/pdf`).set(auth(p)).expect(404);
      }
      for (const p of [people.learner, people.trainer, people.supervisor]) {
        await request(t.http)
          .post(`/api/v1/certificates/${c.id}/revoke`)
          .set(auth(p))
          .send({ reason: 'Tidak berhak.' })
          .expect(403);
        await request(t.http).get('/api/v1/admin/certificates').set(auth(p)).expect(403);
      }
      await request(t.http)
        .post(`/api/v1/certificates/${c.id}/revoke`)
        .set(auth(people.dinkesAdmin))
        .send({ reason: 'Tidak berhak.' })
        .expect(404);
      await request(t.http).get(`/api/v1/certificates/${c.id}`).expect(401);
      await request(t.http).get('/api/v1/certificates/nope').set(auth(people.learner2)).expect(400);
      expect(await mine(people.outsider)).toEqual([]);
    });

    it('lists for admins what they reach (issued by them or their staff), filtered and paged by cursor', async () => {
      const list = async (p: Person, query: Record<string, string | number> = {}) =>
        (
          await request(t.http)
            .get('/api/v1/admin/certificates')
            .query(query)
            .set(auth(p))
            .expect(200)
        ).body as CertificatePage;
      const city = await list(people.cityAdmin);
      expect(city.total).toBe(4);
      // BKPSDM issued three (two course, one webinar); DISDUK's staff hold three, and DISDUK issued one.
      expect((await list(people.bkpsdmAdmin)).total).toBe(3);
      expect((await list(people.disdukAdmin)).total).toBe(4);
      expect(await list(people.dinkesAdmin)).toEqual({ items: [], total: 0, nextBefore: null });
      const byCourse = await list(people.bkpsdmAdmin, { courseId: courseA.courseId });
      expect(byCourse.items.map((c) => c.registerNumber).sort()).toEqual([
        `0001/SKP/BKPSDM/${year}`,
        `0002/SKP/BKPSDM/${year}`,
      ]);
      const revoked = await list(people.cityAdmin, { status: 'revoked' });
      expect(revoked.items.map((c) => c.id)).toEqual([certA.id]);
      expect((await list(people.cityAdmin, { q: 'simanjun' })).total).toBe(2);
      expect((await list(people.cityAdmin, { q: 'DISDUK' })).total).toBe(1);
      expect((await list(people.cityAdmin, { q: '%' })).total).toBe(0);
      // Page by page with the cursor: every certificate once, newest first.
      const seen: string[] = [];
      let before: string | null = null;
      do {
        const page: CertificatePage = await list(people.cityAdmin, {
          limit: 1,
          ...(before ? { before } : {}),
        });
        expect(page.total).toBe(4);
        seen.push(...page.items.map((c) => c.id));
        before = page.nextBefore;
      } while (before);
      expect(seen).toEqual(city.items.map((c) => c.id));
      expect(new Set(seen).size).toBe(4);
      await request(t.http)
        .get('/api/v1/admin/certificates')
        .query({ before: 'bm90LWEtY3Vyc29y' })
        .set(auth(people.cityAdmin))
        .expect(400);
      await request(t.http)
        .get('/api/v1/admin/certificates')
        .query({ status: 'lost' })
        .set(auth(people.cityAdmin))
        .expect(400);
    });
  });

  describe('zip export per course', () => {
    it("builds the zip of a course's valid certificates in the background, with progress, for the requester only", async () => {
      // Two more learners completed the course earlier; an admin issues theirs.
      for (const name of ['Citra Nainggolan', 'Dedi Purba']) {
        const u = await createUser(t.db, { unit: units.piak, name });
        const [e] = await t.db.query<{ id: string }[]>(
          `INSERT INTO enrolment (course_id, version_id, user_id, status, source, enrolled_at, completed_at)
           SELECT id, current_version_id, $2, 'completed', 'admin', now() - interval '5 days', now() - interval '2 days'
             FROM course WHERE id = $1
           RETURNING id`,
          [courseA.courseId, u.id],
        );
        await request(t.http)
          .post('/api/v1/admin/certificates')
          .set(auth(people.bkpsdmAdmin))
          .send({ enrolmentId: e.id })
          .expect(200);
      }
      const start = await request(t.http)
        .post('/api/v1/admin/certificate-exports')
        .set(auth(people.bkpsdmAdmin))
        .send({ courseId: courseA.courseId })
        .expect(202);
      const id = (start.body as CertificateExportView).id;
      expect(start.body).toMatchObject({
        courseId: courseA.courseId,
        courseTitle: 'Pelayanan Adminduk Daring',
      });
      const done = await until(async () => {
        const v = (
          await request(t.http)
            .get(`/api/v1/admin/certificate-exports/${id}`)
            .set(auth(people.bkpsdmAdmin))
            .expect(200)
        ).body as CertificateExportView;
        if (v.status === 'failed') throw new Error(v.error ?? 'export failed');
        return v.status === 'done' ? v : null;
      }, 60_000);
      // The revoked one stays out: learner2's and the two new ones.
      expect(done).toMatchObject({ progress: 100, done: 3, total: 3, error: null });
      expect(done.filename).toMatch(/^sertifikat-skp-a-\d{4}-\d{2}-\d{2}\.zip$/);
      const zipRes = await request(t.http)
        .get(done.downloadUrl as string)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const zip = await JSZip.loadAsync(zipRes.body as Buffer);
      const names = Object.keys(zip.files).sort();
      expect(names).toEqual([
        `0002-skp-bkpsdm-${year}-budi-simanjuntak.pdf`,
        `0004-skp-bkpsdm-${year}-citra-nainggolan.pdf`,
        `0005-skp-bkpsdm-${year}-dedi-purba.pdf`,
      ]);
      const text = await pdfText(await zip.files[names[1]].async('nodebuffer'));
      expect(text).toContain('Citra Nainggolan');
      expect(text).toContain(`0004/SKP/BKPSDM/${year}`);
      // Only the requester sees it; unknown courses and other roles are refused.
      await request(t.http)
        .get(`/api/v1/admin/certificate-exports/${id}`)
        .set(auth(people.cityAdmin))
        .expect(404);
      await request(t.http)
        .post('/api/v1/admin/certificate-exports')
        .set(auth(people.bkpsdmAdmin))
        .send({ courseId: randomUUID() })
        .expect(404);
      await request(t.http)
        .post('/api/v1/admin/certificate-exports')
        .set(auth(people.trainer))
        .send({ courseId: courseA.courseId })
        .expect(403);
    });

    it("leaves out certificates outside the requester's reach", async () => {
      const start = await request(t.http)
        .post('/api/v1/admin/certificate-exports')
        .set(auth(people.dinkesAdmin))
        .send({ courseId: courseA.courseId })
        .expect(202);
      const id = (start.body as CertificateExportView).id;
      const done = await until(async () => {
        const v = (
          await request(t.http)
            .get(`/api/v1/admin/certificate-exports/${id}`)
            .set(auth(people.dinkesAdmin))
            .expect(200)
        ).body as CertificateExportView;
        return v.status === 'done' ? v : null;
      });
      expect(done).toMatchObject({ total: 0, done: 0, progress: 100 });
    });
  });
});
