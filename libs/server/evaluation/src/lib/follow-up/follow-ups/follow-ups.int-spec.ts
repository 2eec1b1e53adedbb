import type {
  ActionPlanResponse,
  FollowUpFigures,
  FollowUpView,
  Page,
  StoredFileResponse,
} from '@siantar/contracts';
import request from 'supertest';
import {
  askFollowUp,
  auth,
  buildFollowUpWorld,
  complete,
  enrol,
  type FollowUpWorld,
  publishLinkCourse,
} from '../testing/follow-up-world';

/** A WIB calendar date this many days from now. */
const inDays = (n: number) =>
  new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);

/** The first bytes of a ZIP whose first entry has this name (enough for type detection). */
function zipStartingWith(name: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(Buffer.byteLength(name, 'latin1'), 26);
  return Buffer.concat([header, Buffer.from(name, 'latin1'), Buffer.from('isi berkas uji')]);
}

/**
 * The alumnus's action plan (RTL) and report with evidence, the supervisor's confirmation and
 * its scoping, admins' lists in reach, the L3 figures. Real PostgreSQL, Redis, worker, files.
 */
describe('post-training follow-ups: plan, report, confirmation (real PostgreSQL, Redis, worker)', () => {
  let w: FollowUpWorld;
  let courseId = '';
  let rina = { enrolmentId: '', lessonId: '' };
  let followUpId = '';
  let plan: ActionPlanResponse;
  const evidence: string[] = [];

  beforeAll(async () => {
    w = await buildFollowUpWorld();
    courseId = await publishLinkCourse(w);
    rina = await enrol(w, w.rina, courseId);
  });
  afterAll(async () => {
    await w?.close();
  });

  const api = (method: 'get' | 'put' | 'post', path: string) =>
    request(w.t.http)[method](`/api/v1${path}`);

  it('takes the action plan (RTL) once the course is completed, from the learner only', async () => {
    const planPath = `/enrolments/${rina.enrolmentId}/action-plan`;
    const before = (
      await api('get', planPath)
        .set(await auth(w, w.rina))
        .expect(200)
    ).body as ActionPlanResponse;
    expect(before).toMatchObject({ completedAt: null, editable: false, items: [] });
    const items = [
      {
        action: 'Memandu warga mendaftar layanan daring di loket',
        dueDate: inDays(20),
        measure: 'Minimal 20 warga per minggu terdaftar',
      },
      {
        action: 'Menyusun panduan singkat layanan daring',
        dueDate: inDays(50),
        measure: 'Panduan terbit di papan informasi',
      },
    ];
    const early = await api('put', planPath)
      .set(await auth(w, w.rina))
      .send({ items })
      .expect(409);
    expect(early.body.code).toBe('follow-up.plan-not-yet');

    await complete(w, w.rina, rina);
    await api('put', planPath)
      .set(await auth(w, w.andi))
      .send({ items })
      .expect(404);
    const bad = await api('put', planPath)
      .set(await auth(w, w.rina))
      .send({
        items: [
          { ...items[0], dueDate: '2031-02-30' },
          { ...items[1], dueDate: '2001-01-01' },
        ],
      })
      .expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'items[0].dueDate',
      'items[1].dueDate',
    ]);
    await api('put', planPath)
      .set(await auth(w, w.rina))
      .send({ items: [] })
      .expect(400);

    const first = (
      await api('put', planPath)
        .set(await auth(w, w.rina))
        .send({ items })
        .expect(200)
    ).body as ActionPlanResponse;
    expect(first.items).toHaveLength(2);
    expect(first.editable).toBe(true);
    // Editing keeps an item's id; the plan is editable until the 30-day follow-up is due.
    plan = (
      await api('put', planPath)
        .set(await auth(w, w.rina))
        .send({
          items: [
            { ...items[0], id: first.items[0].id, measure: 'Minimal 25 warga per minggu' },
            items[1],
          ],
        })
        .expect(200)
    ).body as ActionPlanResponse;
    expect(plan.items[0]).toMatchObject({
      id: first.items[0].id,
      measure: 'Minimal 25 warga per minggu',
    });
    expect(plan.items[1].id).not.toBe(first.items[1].id);
    expect(plan.editableUntil).not.toBeNull();
    expect(Date.parse(plan.editableUntil as string)).toBeGreaterThan(Date.now() + 28 * 86_400_000);

    // The first follow-up is asked: the plan is what it checks now.
    followUpId = (await askFollowUp(w, rina.enrolmentId, 30, 32)).id;
    const frozen = await api('put', planPath)
      .set(await auth(w, w.rina))
      .send({ items })
      .expect(409);
    expect(frozen.body.code).toBe('follow-up.plan-frozen');
    expect(
      (
        (
          await api('get', planPath)
            .set(await auth(w, w.rina))
            .expect(200)
        ).body as ActionPlanResponse
      ).editable,
    ).toBe(false);
  });

  it('takes evidence as PDF, images or Office documents, from the alumnus only', async () => {
    const upload = (userId: string, body: Buffer, name: string) =>
      auth(w, userId).then((h) =>
        api('post', `/follow-ups/${followUpId}/evidence`).set(h).attach('file', body, name),
      );
    for (const [body, name, type] of [
      [PDF, 'foto-loket.pdf', 'application/pdf'],
      [PNG, 'antrean.png', 'image/png'],
      [zipStartingWith('[Content_Types].xml'), 'laporan.docx', 'application/zip'],
    ] as const) {
      const res = await upload(w.rina, body, name);
      expect(res.status).toBe(201);
      expect(res.body as StoredFileResponse).toMatchObject({
        purpose: 'evidence',
        filename: name,
        contentType: type,
      });
      evidence.push((res.body as StoredFileResponse).id);
    }
    // Wrong types, whatever the name says; a file over the upload limit (5 MB).
    const zip = await upload(w.rina, zipStartingWith('data/rekap.csv'), 'rekap.docx');
    expect([zip.status, zip.body.code]).toEqual([415, 'files.wrong-type']);
    const exe = await upload(w.rina, Buffer.from('MZ\x90\x00 program'), 'bukti.pdf');
    expect([exe.status, exe.body.code]).toEqual([415, 'files.wrong-type']);
    expect(exe.body.detail).toContain('program Windows');
    const big = await upload(
      w.rina,
      Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]),
      'besar.pdf',
    );
    expect([big.status, big.body.code]).toEqual([413, 'files.too-large']);
    const none = await api('post', `/follow-ups/${followUpId}/evidence`).set(await auth(w, w.rina));
    expect([none.status, none.body.code]).toEqual([400, 'files.no-file']);
    // Someone else's follow-up: hidden from another learner; the supervisor may not report.
    expect((await upload(w.andi, PDF, 'x.pdf')).status).toBe(404);
    const sup = await upload(w.kabid, PDF, 'x.pdf');
    expect([sup.status, sup.body.code]).toEqual([403, 'follow-up.not-alumnus']);
  });

  it('checks the report: every RTL item once, evidence of the right type uploaded by the alumnus', async () => {
    const [a, b] = plan.items;
    const report = (body: object, userId = w.rina) =>
      auth(w, userId).then((h) =>
        api('post', `/follow-ups/${followUpId}/report`).set(h).send(body),
      );
    const good = {
      progress: 'Layanan daring dipandu di loket sejak bulan lalu; panduan sedang disusun.',
      items: [
        { itemId: a.id, status: 'done', note: '27 warga per minggu rata-rata' },
        { itemId: b.id, status: 'in-progress' },
      ],
      evidenceFileIds: evidence,
    };
    const missing = await report({ ...good, items: [good.items[0]] });
    expect([missing.status, missing.body.errors[0].path]).toEqual([400, 'items']);
    const unknown = await report({
      ...good,
      items: [good.items[0], { itemId: w.rina, status: 'done' }],
    });
    expect(unknown.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'items[1].itemId',
      'items',
    ]);

    // A cover image the trainer uploaded, and a file of the alumnus that is not evidence.
    const cover = await api('post', '/files')
      .set(await auth(w, w.trainer))
      .field('purpose', 'cover')
      .attach('file', PNG, 'sampul.png')
      .expect(201);
    const [video] = await w.t.db.query<{ id: string }[]>(
      `INSERT INTO stored_file (id, purpose, storage_key, filename, content_type, size, sha256, uploaded_by)
       VALUES (gen_random_uuid(), 'video', 'files/x', 'rekaman.mp4', 'video/mp4', 10, repeat('0', 64), $1)
       RETURNING id`,
      [w.rina],
    );
    const foreign = await report({
      ...good,
      evidenceFileIds: [(cover.body as StoredFileResponse).id],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([
      {
        path: 'evidenceFileIds[0]',
        message: 'berkas tidak ditemukan di antara unggahan Anda; unggah ulang',
      },
    ]);
    const wrongType = await report({ ...good, evidenceFileIds: [evidence[0], video.id] });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.errors[0].path).toBe('evidenceFileIds[1]');
    expect(wrongType.body.errors[0].message).toContain('jenis berkas tidak diterima sebagai bukti');
    const notAlumnus = await report(good, w.kabid);
    expect([notAlumnus.status, notAlumnus.body.code]).toEqual([403, 'follow-up.not-alumnus']);

    const ok = await report(good);
    expect(ok.status).toBe(200);
    const view = ok.body as FollowUpView;
    expect(view).toMatchObject({
      status: 'pending',
      canReport: true,
      canConfirm: false,
      confirmation: null,
    });
    expect(view.report?.items).toEqual([
      { itemId: a.id, status: 'done', note: '27 warga per minggu rata-rata' },
      { itemId: b.id, status: 'in-progress', note: null },
    ]);
    expect(view.report?.evidence.map((e) => e.filename)).toEqual([
      'foto-loket.pdf',
      'antrean.png',
      'laporan.docx',
    ]);
    // The evidence opens through the files' signed URLs.
    const url = new URL(view.report?.evidence[0].url as string, 'http://x');
    const file = await request(w.t.http)
      .get(url.pathname + url.search)
      .expect(200);
    expect(
      Buffer.from(file.body as Buffer)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('lets only the direct supervisor asked confirm it, once', async () => {
    const answers = [
      { question: 'applies', score: 4 },
      { question: 'action-plan', score: 5 },
      { question: 'performance', score: 4 },
      { question: 'shares', score: 3 },
    ];
    const confirm = (userId: string, body: object, id = followUpId) =>
      auth(w, userId).then((h) => api('post', `/follow-ups/${id}/confirm`).set(h).send(body));

    const other = await confirm(w.otherSupervisor, { answers });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('follow-up.not-in-team');
    expect(other.body.detail).toContain('Rina Marpaung bukan anggota tim Anda');
    const learner = await confirm(w.learner, { answers });
    expect([learner.status, learner.body.code]).toEqual([403, 'forbidden']);
    expect(
      (await confirm(w.kabid, { answers }, '00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect(
      (
        (
          await api('get', '/follow-ups/team')
            .set(await auth(w, w.otherSupervisor))
            .expect(200)
        ).body as Page<FollowUpView>
      ).items,
    ).toEqual([]);
    await api('get', `/follow-ups/${followUpId}`)
      .set(await auth(w, w.otherSupervisor))
      .expect(404);

    const incomplete = await confirm(w.kabid, { answers: answers.slice(0, 3) });
    expect(incomplete.status).toBe(400);
    const twice = await confirm(w.kabid, { answers: [...answers.slice(0, 3), answers[0]] });
    expect(twice.status).toBe(400);
    expect(twice.body.errors.map((e: { path: string }) => e.path)).toEqual([
      'answers[3].question',
      'answers',
    ]);

    const ok = await confirm(w.kabid, { answers, comment: 'Antrean loket 2 jauh berkurang.' });
    expect(ok.status).toBe(200);
    expect(ok.body as FollowUpView).toMatchObject({
      status: 'done',
      canConfirm: false,
      confirmation: {
        confirmedBy: { userId: w.kabid, name: 'Kabid Pelayanan' },
        answers,
        comment: 'Antrean loket 2 jauh berkurang.',
      },
    });
    const again = await confirm(w.kabid, { answers });
    expect([again.status, again.body.code]).toEqual([409, 'follow-up.already-confirmed']);
    const late = await api('post', `/follow-ups/${followUpId}/report`)
      .set(await auth(w, w.rina))
      .send({ progress: 'Perubahan setelah konfirmasi.', items: [], evidenceFileIds: [] });
    expect([late.status, late.body.code]).toEqual([409, 'follow-up.closed']);
  });

  it('lists follow-ups per course and OPD with their status for admins in reach', async () => {
    // Andi completed too, wrote no RTL, and has not answered his overdue follow-up.
    const andi = await enrol(w, w.andi, courseId);
    await complete(w, w.andi, andi);
    const andiFollowUp = (await askFollowUp(w, andi.enrolmentId, 30, 45)).id;

    const list = async (query: string, userId = w.cityAdmin) =>
      (
        await api('get', `/follow-ups${query}`)
          .set(await auth(w, userId))
          .expect(200)
      ).body as Page<FollowUpView>;
    const rows = (p: Page<FollowUpView>) => p.items.map((f) => [f.alumnus.name, f.status]);
    expect(rows(await list(`?courseId=${courseId}`))).toEqual(
      expect.arrayContaining([
        ['Rina Marpaung', 'done'],
        ['Andi Siregar', 'overdue'],
      ]),
    );
    expect(rows(await list(`?courseId=${courseId}&status=overdue`))).toEqual([
      ['Andi Siregar', 'overdue'],
    ]);
    expect(rows(await list(`?orgUnitId=${w.opd.id}&status=done`))).toEqual([
      ['Rina Marpaung', 'done'],
    ]);
    expect((await list(`?orgUnitId=${w.otherOpd.id}`)).total).toBe(0);
    // The admin of another OPD: nothing of Disdukcapil, and its unit is out of reach.
    expect((await list('', w.otherAdmin)).total).toBe(0);
    await api('get', `/follow-ups?orgUnitId=${w.opd.id}`)
      .set(await auth(w, w.otherAdmin))
      .expect(404);
    await api('get', `/follow-ups/${andiFollowUp}`)
      .set(await auth(w, w.otherAdmin))
      .expect(404);
    await api('get', `/follow-ups/${andiFollowUp}`)
      .set(await auth(w, w.cityAdmin))
      .expect(200);
    await api('get', '/follow-ups?status=late')
      .set(await auth(w, w.cityAdmin))
      .expect(400);
  });

  it('gives the course’s L3 figures to its authors', async () => {
    const figures = (
      await api('get', `/authoring/courses/${courseId}/follow-up-figures`)
        .set(await auth(w, w.trainer))
        .expect(200)
    ).body as FollowUpFigures;
    expect(figures).toMatchObject({
      days: [30, 90],
      completed: 2,
      actionPlansSubmitted: 1,
      offsets: [
        {
          offsetDays: 30,
          scheduled: 0,
          pending: 0,
          overdue: 1,
          done: 1,
          reported: 1,
          confirmationsRequired: 2,
          confirmed: 1,
        },
        { offsetDays: 90, scheduled: 2, pending: 0, overdue: 0, done: 0 },
      ],
      supervisorConfirmedPercent: 50,
      averageScores: [
        { question: 'applies', average: 4, answers: 1 },
        { question: 'action-plan', average: 5, answers: 1 },
        { question: 'performance', average: 4, answers: 1 },
        { question: 'shares', average: 3, answers: 1 },
      ],
      itemStatuses: { 'not-started': 0, 'in-progress': 1, done: 1, dropped: 0 },
    });
    await api('get', `/authoring/courses/${courseId}/follow-up-figures`)
      .set(await auth(w, w.otherAdmin))
      .expect(404);
  });
});
